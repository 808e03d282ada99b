import Foundation
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreTestSupport
import RegistreTestTags
import Testing

/// Breaches declared at the same moment, for one commune on one day, from the desk and from the command
/// line: both open them through the same act (`BreachActs.open`), which takes the id inside the write
/// transaction, so every declaration acknowledged is a breach of its own.
@Suite("Breaches declared at once from the desk and the command line")
struct DeclarationRaceTests {
    static let perSide = 6

    /// `registre breach open` in its own process, on the fixture's database, at the fixture's moment.
    static func commandLine(_ number: Int, db: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.registre)
        process.arguments = [
            "breach", "open", "--title", "Déclaration en ligne de commande \(number)", "--aware", "2026-03-27T07:00",
            "--nature", "confidentiality", "--controller", "mende", "--actor", "cli-\(number)", "--now", "2026-03-27T09:00", "--db", db,
        ]
        process.environment = ["REGISTRE_TEST_JOURNAL_CLOCK": "2026-03-27T08:00:00Z", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test("6 declarations from two desk sessions and 6 `breach open` processes at once: 12 breaches, 12 ids, the chain verifies", .tags(.slow), .skippedInQuickRuns)
    func declarationsAtOnce() async throws {
        let fixture = try DeskFixture()
        let db = fixture.scratch.path("registre.sqlite")
        let before = Set(try fixture.store.register().breaches.map(\.id))
        let processes = try (0..<Self.perSide).map { try Self.commandLine($0, db: db) }
        let fromDesk = try await declareFromDesk(fixture)
        var fromCommandLine: [String] = []
        for (process, output) in processes {
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            fromCommandLine.append(printed.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let acknowledged = fromDesk + fromCommandLine
        #expect(acknowledged.count == 2 * Self.perSide)
        #expect(Set(acknowledged).count == acknowledged.count, "an id given to two declarations: \(acknowledged.sorted())")
        let breaches = try fixture.store.register().breaches
        #expect(Set(breaches.map(\.id)) == before.union(acknowledged))
        #expect(breaches.filter { acknowledged.contains($0.id) }.allSatisfy { $0.controller == "mende" && $0.id.hasPrefix("breach-20260327-") })
        #expect(try fixture.store.journal.verify().isIntact)
    }

    /// Two sessions (the commune's DPO and the administrator) declare at once; returns the ids the desk
    /// acknowledged (the redirect to each breach's page).
    private func declareFromDesk(_ fixture: DeskFixture) async throws -> [String] {
        let ids = IDs()
        try await fixture.run { client in
            let sessions = [Browser(client), Browser(client)]
            try await sessions[0].signIn("dpo-mende")
            try await sessions[1].signIn("admin")
            for session in sessions { try await session.get("/breaches/new") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<Self.perSide {
                    let session = sessions[number % 2]
                    group.addTask {
                        let response = try await session.post("/breaches/new", [
                            ("controller", "mende"), ("title", "Déclaration au bureau \(number)"), ("aware", "2026-03-27T08:00"),
                            ("nature[]", "confidentiality"),
                        ])
                        #expect(response.status == .seeOther)
                        if let location = response.headers[.location], location.hasPrefix("/breaches/") {
                            ids.add(String(location.dropFirst("/breaches/".count).prefix { $0 != "?" }))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        return ids.all
    }

    private final class IDs: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String] = []
        func add(_ id: String) { lock.withLock { ids.append(id) } }
        var all: [String] { lock.withLock { ids } }
    }
}
