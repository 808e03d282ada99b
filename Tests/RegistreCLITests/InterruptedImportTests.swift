import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// A process killed with SIGKILL in the middle of an import leaves the database as it was before, or
/// with the whole import: never half of it.
@Suite("Interrupted imports")
struct InterruptedImportTests {
    @Test("SIGKILL at random moments of a large import leaves nothing or everything", .tags(.slow), .skippedInQuickRuns)
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
            process.arguments = ["import", after, "--db", db, "--prune"]
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
                // Go back to the earlier register for the next round: the entries the file lacks go too.
                #expect(try CommandRunner.run(CommandRunner.registre, ["import", before, "--db", db, "--prune"]).status == 0)
            } else {
                Issue.record("the database holds part of an import")
            }
        }
        #expect(outcomes.values.reduce(0, +) == 12)
    }
}

/// Large hostile files, made by the tests themselves and never committed.
@Suite("Hostile files at scale")
struct LargeHostileInputTests {
    @Test("a 500 MiB text node is refused early, in bounded memory, and changes nothing in the database")
    func hugeTextNode() throws {
        let scratch = try ScratchDirectory()
        let db = scratch.path("registre.sqlite")
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.incubator, "--db", db]).status == 0)
        let before = try CommandRunner.run(CommandRunner.registre, ["history", "--db", db, "--format", "xml"]).standardOutput

        // Streamed through a named pipe by a writer process: 500 MiB are offered, no disk is used, and
        // registre must stop reading long before the end.
        let path = scratch.path("huge.xml")
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import sys
            try:
                with open(sys.argv[1], "wb") as out:
                    out.write(b'<?xml version="1.0" encoding="UTF-8"?><register xmlns="urn:registre:1" version="1.0"><title>')
                    chunk = b"a" * (1 << 20)
                    for _ in range(500):
                        out.write(chunk)
                    out.write(b"</title></register>")
            except BrokenPipeError:
                pass
            """, path]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { writer.terminate() }

        let result = try CommandRunner.run("/usr/bin/env", ["python3", "-c", """
            import resource, subprocess, sys
            # A registre that waits for ever (a pipe opened twice) fails the test rather than hanging it.
            r = subprocess.run(sys.argv[1:], capture_output=True, timeout=300)
            sys.stdout.write(f"{r.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}\\n")
            sys.stderr.write(r.stderr.decode())
            """, CommandRunner.registre, "import", path, "--db", db])
        let parts = result.standardOutput.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(parts.first == 2)
        #expect((parts.last ?? .max) < 150, "peak memory \(parts.last ?? -1) MiB")
        #expect(result.standardError.hasPrefix("\(path):1:"))
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(try CommandRunner.run(CommandRunner.registre, ["history", "--db", db, "--format", "xml"]).standardOutput == before)
    }

    @Test("hostile files change nothing in the database", arguments: [
        "<?xml version=\"1.0\"?><!DOCTYPE register [<!ENTITY a \"b\">]><register xmlns=\"urn:registre:1\" version=\"1.0\"/>",
        "<register xmlns=\"urn:registre:1\" version=\"1.0\"><organisation id=\"x\"><name>A</name><identifier scheme=\"SIRET\">13002603200017</identifier></organisation></register>",
        "<register xmlns=\"urn:registre:1\" version=\"1.0\"><organisation id=\"x\"><name>A</name></organisation><organisation id=\"x\"><name>B</name></organisation></register>",
    ])
    func nothingChanges(content: String) throws {
        let scratch = try ScratchDirectory()
        let db = scratch.path("registre.sqlite")
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.incubator, "--db", db]).status == 0)
        let before = try CommandRunner.run(CommandRunner.registre, ["export", "--db", db, "--format", "xml"]).standardOutput
        let path = try scratch.write(content, to: "hostile.xml")
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", path, "--db", db]).status == 2)
        #expect(try CommandRunner.run(CommandRunner.registre, ["export", "--db", db, "--format", "xml"]).standardOutput == before)
        #expect(try CommandRunner.run(CommandRunner.registre, ["verify", "--db", db]).status == 0)
    }
}
