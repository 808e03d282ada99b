import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// A form changes only the fields it shows: every edit form of the desk, opened on an entry and posted
/// back as a browser reads it, unchanged, writes nothing — the journal does not grow and the register
/// exports byte for byte as before. On both samples and on 50 generated registers, whose entries carry
/// what the forms do not show (a retention criterion's data label, rows in an order of their own,
/// agreements' documentation, special categories' details…).
@Suite("Desk: an unchanged save changes nothing")
struct UnchangedSaveTests {
    /// One desk on its own database holding `register`, an administrator signed in (it may open every form).
    struct Desk1: @unchecked Sendable {
        let scratch: ScratchDirectory
        let store: RegisterStore
        let desk: Desk

        init(_ register: Register) throws {
            scratch = try ScratchDirectory()
            let clock = TestClock(friday)
            store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: JournalClock { clock.now })
            _ = try store.replace(with: register, actor: "setup")
            try store.accounts.add(
                Account(login: "admin", role: .admin, organisations: [], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
                actor: "setup", at: friday.addingTimeInterval(-86_400))
            desk = Desk(store: store, clock: DeskClock { clock.now })
        }
    }

    /// The edit forms of the desk for each entry: the page that shows it and the actions of its forms that
    /// set what they show (the forms that add an item — a notification, a change notice — are not "saved
    /// unchanged").
    static func forms(of register: Register) -> [(key: EntityKey, page: String, actions: [String])] {
        register.activities.map { (EntityKey(.activity, $0.id), "/activities/\($0.id)", ["/activities/\($0.id)"]) }
            + register.breaches.map { breach in
                let base = "/breaches/\(breach.id)"
                return (EntityKey(.breach, breach.id), base, [base, base + "/assessment", base + "/communication", base + "/facts"])
            }
            + register.organisations.map { (EntityKey(.organisation, $0.id), "/organisations/\($0.id)/edit", ["/organisations/\($0.id)/edit"]) }
            + register.processorRecords.map { (EntityKey(.processorRecord, $0.id), "/records/\($0.id)", ["/records/\($0.id)"]) }
            + register.audits.map { (EntityKey(.audit, $0.id), "/audits/\($0.id)", ["/audits/\($0.id)"]) }
            + register.agreements.map { agreement in
                (EntityKey(.agreement, agreement.id), "/agreements/\(agreement.id)",
                 agreement.changeNotices.map { "/agreements/\(agreement.id)/changes/\($0.id)" })
            }
            + register.agreements.map { (EntityKey(.agreement, $0.id), "/agreements/\($0.id)/terms", ["/agreements/\($0.id)/terms"]) }
    }

    /// What went wrong with one form, to name it in the failure.
    struct Drift: CustomStringConvertible {
        var action: String
        var status: Int
        var detail: String
        var description: String { "\(action) → \(status): \(detail)" }
    }

    /// Opens and saves unchanged every edit form of `register`; the drifts found.
    static func drifts(in register: Register) async throws -> [Drift] {
        let setup = try Desk1(register)
        let before = try RegisterWriter.bytes(of: setup.store.register())
        let application = Application(router: setup.desk.router())
        let found = DriftLog()
        try await application.test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for (key, page, actions) in forms(of: register) {
                let shown = try await browser.get(page)
                guard shown.status == .ok else {
                    found.append(Drift(action: page, status: Int(shown.status.code), detail: "the page does not open"))
                    continue
                }
                let html = browser.lastPage
                for action in actions {
                    guard let form = HTMLForm.forms(in: html, action: action).first else {
                        found.append(Drift(action: action, status: 0, detail: "no form"))
                        continue
                    }
                    let entry = try setup.store.entry(key).flatMap(RegisterFragment.bytes(of:)), journal = try setup.store.journal.count()
                    // The token is among the form's hidden inputs: post exactly what the browser would.
                    let response = try await browser.post(
                        action, form.fields.filter { $0.0 != "csrf" }, csrf: form.fields.first { $0.0 == "csrf" }?.1)
                    let status = Int(response.status.code)
                    // A form the entry cannot fill (an assessment not made yet) may be refused (422): nothing is written either way.
                    if status != 303, status != 422 {
                        found.append(Drift(action: action, status: status, detail: String(response.text.prefix(300))))
                    }
                    if try setup.store.journal.count() != journal {
                        let last = try setup.store.journal.entries(entity: key.id).last
                        found.append(Drift(action: action, status: status, detail: "journaled \(last?.fields.map(\.name) ?? [])"))
                    }
                    let after = try setup.store.entry(key).flatMap(RegisterFragment.bytes(of:))
                    if after != entry {
                        found.append(Drift(
                            action: action, status: status,
                            detail: "\(entry.map { String(decoding: $0, as: UTF8.self) } ?? "") → \(after.map { String(decoding: $0, as: UTF8.self) } ?? "")"))
                    }
                    try await browser.get(page)
                }
            }
        }
        let after = try RegisterWriter.bytes(of: setup.store.register())
        if after != before { found.append(Drift(action: "export", status: 0, detail: "the register no longer exports byte for byte")) }
        return found.all
    }

    final class DriftLog: @unchecked Sendable {
        private let lock = NSLock()
        private var drifts: [Drift] = []
        func append(_ drift: Drift) { lock.withLock { drifts.append(drift) } }
        var all: [Drift] { lock.withLock { drifts } }
    }

    @Test("every entry of both samples, every edit form, saved unchanged: nothing journaled, the register the same", .tags(.slow), .skippedInQuickRuns,
          arguments: Repository.sampleRegisters)
    func samples(_ path: String) async throws {
        let register = try RegisterReader.read(file: path)
        let drifts = try await Self.drifts(in: register)
        #expect(drifts.isEmpty, "\(drifts.count) drifts: \(drifts.prefix(5).map(\.description).joined(separator: "\n"))")
    }

    @Test("every entry of 50 generated registers, every edit form, saved unchanged: nothing journaled", .tags(.slow), .skippedInQuickRuns)
    func generated() async throws {
        for seed in 1...50 {
            var generator = RegisterGenerator(seed: UInt64(seed))
            let drifts = try await Self.drifts(in: generator.register())
            #expect(drifts.isEmpty, "seed \(seed): \(drifts.count) drifts: \(drifts.prefix(5).map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("the sample activity mende-rdv saved unchanged keeps its retention item's data label and its rows' order")
    func mendeRendezVous() async throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        var only = register
        only.activities = register.activities.filter { $0.id == "mende-rdv" }
        #expect(only.activities.count == 1)
        only.breaches = []
        only.audits = []
        only.processorRecords = []
        let drifts = try await Self.drifts(in: only)
        #expect(drifts.isEmpty, "\(drifts.map(\.description).joined(separator: "\n"))")
    }
}
