import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The desk's saves keep the findings table up to date in their transaction, including a change of a
/// party that moves other entries' findings: the dashboard counts what `check` finds.
@Suite("Desk: the findings kept with a save")
struct KeptFindingsDeskTests {
    /// The dashboard's row of `organisation`: its counts by severity.
    static func row(_ page: String, _ organisation: String) -> String {
        guard let start = page.range(of: "href=\"/organisations/\(organisation)\"") else { return "" }
        return String(page[start.upperBound...].prefix { $0 != "\n" })
    }

    /// How many findings `check` gives the entries of `organisation`'s register (its activities among
    /// them), breaches' lateness aside: the errors the dashboard counts.
    static func errors(of organisation: String, in register: Register, now: Date) -> Int {
        RegisterCheck.findings(in: register, now: now).filter { finding in
            guard finding.severity == .error else { return false }
            switch finding.subject.kind {
            case .activity: return register.activities.first { $0.id == finding.subject.id }?.isRecorded(by: organisation) == true
            case .organisation: return finding.subject.id == organisation
            default: return false
            }
        }.count
    }

    @Test("an organisation's DPO removed on its form: its activities judged again in the same transaction")
    func organisationChange() async throws {
        let fixture = try DeskFixture()
        let action = "/organisations/mende/edit"
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let before = Self.row(try await browser.get("/").text, "mende")
            try await browser.get(action)
            let saved = try await browser.post(action, try ConcurrentEditTests.form(browser, action, [
                ("dpoName", ""), ("dpoEmail", ""), ("dpoPhone", ""),
            ]))
            #expect(saved.status == .seeOther)
            let after = Self.row(try await browser.get("/").text, "mende")
            #expect(before != after)
        }
        let register = try fixture.store.register()
        #expect(register.organisation("mende")?.dpo == nil)
        #expect(try fixture.store.journal.verify().isIntact, "the table equals the findings judged again from the entries")
        let counted = try fixture.store.read { try $0.findingCounts(of: ["mende"], at: fixture.clock.now) }
        #expect(counted["mende"]?[.error] ?? 0 >= Self.errors(of: "mende", in: register, now: fixture.clock.now))
    }
}
