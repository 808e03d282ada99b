import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// A process killed with SIGKILL in the middle of an import leaves the database as it was before, or
/// with the whole import: never half of it.
@Suite("Interrupted imports")
struct InterruptedImportTests {
    @Test("SIGKILL at random moments of a large import leaves nothing or everything")
    func killedImports() throws {
        let scratch = try ScratchDirectory()
        let db = scratch.path("registre.sqlite")
        let base = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let before = try scratch.write(String(decoding: try RegisterWriter.bytes(of: base), as: UTF8.self), to: "before.xml")
        let large = LargeRegister.make(from: base, activities: 3_000)
        let after = try scratch.write(String(decoding: try RegisterWriter.bytes(of: large), as: UTF8.self), to: "after.xml")
        func export() throws -> String {
            try CommandRunner.run(CommandRunner.registre, ["export", "--db", db, "--format", "xml"]).standardOutput
        }
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", before, "--db", db]).status == 0)
        let beforeExport = try export()
        let afterExport = try String(contentsOfFile: after, encoding: .utf8)

        // How long a whole import takes here, to kill within it.
        let started = Date()
        let scratchDB = scratch.path("timing.sqlite")
        _ = try CommandRunner.run(CommandRunner.registre, ["import", after, "--db", scratchDB])
        let duration = Date().timeIntervalSince(started)

        var random = SeededRandom(seed: 48)
        var outcomes: [String: Int] = [:]
        for _ in 0..<12 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.registre)
            process.arguments = ["import", after, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double.random(in: 0.02...max(0.05, duration), using: &random)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let integrity = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, "PRAGMA integrity_check;"])
            #expect(integrity.standardOutput == "ok\n")
            #expect(try CommandRunner.run(CommandRunner.registre, ["verify", "--db", db]).status == 0)
            let state = try export()
            if state == beforeExport {
                outcomes["before", default: 0] += 1
            } else if state == afterExport {
                outcomes["after", default: 0] += 1
                // Go back to the earlier register for the next round.
                #expect(try CommandRunner.run(CommandRunner.registre, ["import", before, "--db", db]).status == 0)
            } else {
                Issue.record("the database holds part of an import")
            }
        }
        #expect(outcomes.values.reduce(0, +) == 12)
    }
}
