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

/// The desk under load: several desk sessions at once (in process, on one database) and `registre`
/// processes beside them, all changing the same activity and the same breach. Every change acknowledged
/// is there at the end, every refused one said so (409) and left no trace, and the journal's chain verifies.
@Suite("Desk: sessions and command-line processes at once")
struct DeskUnderLoadTests {
    static let sessions = 4
    static let rounds = 6
    static let commandLineMeasures = 8

    /// What one session was told about each of its changes.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(change: String, status: HTTPResponse.Status)] = []
        func record(_ change: String, _ status: HTTPResponse.Status) { lock.withLock { values.append((change, status)) } }
        var all: [(change: String, status: HTTPResponse.Status)] { lock.withLock { values } }
    }

    /// A moment of yesterday as the breach form's `datetime-local` input sends it, in Paris.
    static func yesterday(minute: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(-86_400))
        return String(format: "%04d-%02d-%02dT10:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, minute)
    }

    /// Runs `registre breach update … --measure` `count` times in a background process.
    static func measures(_ db: String, _ count: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"set -e; for i in $(seq 1 "$N"); do "$R" breach update charge --measure "cli-$i" --db "$DB"; done"#]
        process.environment = ["R": CommandRunner.registre, "DB": db, "N": "\(count)", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("4 desk sessions × 6 rounds (a purpose added with the version, a notification) beside 8 measures from the command line",
          .tags(.slow), .skippedInQuickRuns)
    func load() async throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("registre.sqlite")
        // The system's clocks, as `registre serve` and the commands beside it run: one journal, one time line.
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded)
        var register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        register.breaches.append(Breach(
            id: "charge", title: "Messagerie compromise", controller: "mende",
            aware: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 2 * 86_400), nature: [.confidentiality]))
        _ = try store.replace(with: register, actor: "setup")
        for index in 0..<Self.sessions {
            try store.accounts.add(
                Account(login: "dpo-\(index)", role: .admin, organisations: [], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
                actor: "setup", at: Date())
        }
        let desk = Desk(store: store)
        let purposes = Outcomes(), notifications = Outcomes()
        let commandLine = try Self.measures(path, Self.commandLineMeasures)
        let application = Application(router: desk.router())
        try await application.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<Self.sessions {
                    group.addTask {
                        let browser = Browser(client)
                        try await browser.signIn("dpo-\(index)")
                        for round in 0..<Self.rounds {
                            let activity = "/activities/mende-rdv"
                            try await browser.get(activity)
                            var fields = try #require(HTMLForm.forms(in: browser.lastPage, action: activity).first).fields.filter { $0.0 != "csrf" }
                            // A row after the last purpose, as "save and add 3 rows" gives one: a new purpose.
                            let purpose = "purpose-\(index)-\(round)"
                            let last = try #require(fields.lastIndex { $0.0 == "purposes[]" })
                            fields.insert(("purposes[]", purpose), at: last + 1)
                            // Renamed too: the name's sort key follows in the same transaction (v10).
                            if let name = fields.firstIndex(where: { $0.0 == "name" }) { fields[name].1 = "Élan \(index)-\(round)" }
                            let saved = try await browser.post(activity, fields).status
                            purposes.record(purpose, saved)
                            // The lists read beside the saves: sorted by name, and a short text from the keys' index.
                            #expect(try await browser.get("/activities?sort=name").status == .ok)
                            if saved == .seeOther {
                                #expect(try await browser.get("/activities?q=%C3%A9l").text.contains("/activities/mende-rdv"), "é, l: its name begins so")
                            }
                            try await browser.get("/breaches/charge")
                            let reference = "notification-\(index)-\(round)"
                            let notified = try await browser.post(
                                "/breaches/charge/notifications", [("at", Self.yesterday(minute: index * 10 + round)), ("reference", reference)])
                            notifications.record(reference, notified.status)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        commandLine.waitUntilExit()
        #expect(commandLine.terminationStatus == 0)

        // Every answer was a save (303) or a refusal that said so (409): never an error, never silence.
        #expect(purposes.all.allSatisfy { $0.status == .seeOther || $0.status == .conflict }, "\(purposes.all.map(\.status.code))")
        // A notification that would come before the initial one another session recorded first is refused
        // by the breach's timeline (422, with its reason), as `registre breach notify` refuses it.
        #expect(notifications.all.allSatisfy { $0.status == .seeOther || $0.status == .unprocessableContent }, "\(notifications.all.map(\.status.code))")
        #expect(notifications.all.contains { $0.status == .seeOther })
        #expect(purposes.all.count == Self.sessions * Self.rounds)
        #expect(purposes.all.contains { $0.status == .seeOther })
        guard case .activity(let activity)? = try store.entry(EntityKey(.activity, "mende-rdv")),
              case .breach(let breach)? = try store.entry(EntityKey(.breach, "charge"))
        else {
            Issue.record("the activity or the breach is gone")
            return
        }
        // Acknowledged: there. Refused: nowhere, not even for a moment in the journal.
        let journal = try store.journal.entries(entity: "mende-rdv").flatMap(\.fields).compactMap(\.after).joined(separator: "\n")
        for (purpose, status) in purposes.all {
            if status == .seeOther {
                #expect(activity.purposes.contains(purpose), "\(purpose) acknowledged but lost")
            } else {
                #expect(!journal.contains(purpose), "\(purpose) refused but written")
            }
        }
        #expect(Set(breach.notifications.compactMap(\.reference)) == Set(notifications.all.filter { $0.status == .seeOther }.map(\.change)))
        #expect(Set(breach.measures) == Set((1...Self.commandLineMeasures).map { "cli-\($0)" }))
        #expect(try store.journal.verify().isIntact, "the kept findings equal those judged again, whoever saved")
        // The sort key kept with the last name saved, whichever session saved it.
        let key = try store.read { try $0.activities(ListQuery(text: "el"), visibleTo: .all) }.rows.map(\.id)
        #expect(key.contains("mende-rdv") == NameKey.key(activity.name).hasPrefix("el"))
        let verified = try CommandRunner.registre("verify", "--db", path)
        #expect(verified.status == 0, "\(verified.standardError)")
    }
}
