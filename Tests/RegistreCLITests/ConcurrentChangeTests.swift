import Foundation
import RegistreTestSupport
import RegistreTestTags
import Testing

/// Several people change the register of record at once: each command reads what it changes inside the
/// write transaction that changes it, so none undoes another.
@Suite("Concurrent changes")
struct ConcurrentChangeTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    /// Runs a shell loop of `registre` commands in the background; `$R` is the binary, `$DB` the database.
    func loop(_ script: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "set -e\n" + script]
        process.environment = ["R": CommandRunner.registre, "DB": db, "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = session.scratch.url
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("4 processes × 25 changes (breach update, breach open, audit request, import): every change is there, nothing deleted, chain intact", .tags(.slow), .skippedInQuickRuns)
    func fourWriters() throws {
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", db])
        #expect(imported.status == 0, "\(imported.standardError)")
        let opened = try session.registre(["breach", "open", "--title", "Boîte Messages compromise", "--aware", "2026-11-20T09:00",
                                           "--nature", "confidentiality", "--controller", "mende", "--id", "b-suivi", "--db", db])
        #expect(opened.status == 0, "\(opened.standardError)")
        // The file to re-import differs from the database by one e-mail, alternately: each import changes
        // something, and none of them holds the breaches and audits the others add.
        let sample = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        let variant = sample.replacingOccurrences(of: "<email>mairie@mende.fr</email>", with: "<email>accueil@mende.fr</email>")
        #expect(variant != sample)
        _ = try session.scratch.write(variant, to: "variant.xml")

        let writers = try [
            loop(#"for i in $(seq 1 25); do "$R" breach update b-suivi --measure "mesure $i" --db "$DB"; done"#),
            loop(#"for i in $(seq 1 25); do "$R" breach open --title "Incident $i" --aware "2026-10-$(printf %02d "$i")T10:00" --nature availability --controller mende --db "$DB"; done"#),
            loop(#"for i in $(seq 1 25); do "$R" audit request --dpa dpa-suite-territoriale --notified 2026-11-02 --start 2027-01-15 --id "audit-w-$i" --db "$DB"; done"#),
            loop(#"for i in $(seq 1 25); do if [ $((i % 2)) -eq 1 ]; then f=variant.xml; else f="\#(Repository.suiteTerritoriale)"; fi; "$R" import "$f" --db "$DB"; done"#),
        ]
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0, 0, 0])

        let shown = try session.registre(["breach", "show", "b-suivi", "--db", db, "--lang", "en"]).standardOutput
        for i in 1...25 { #expect(shown.contains("mesure \(i)\n"), "measure \(i) lost") }
        let list = try session.registre(["breach", "list", "--db", db]).standardOutput
        #expect(list.split(separator: "\n").count == 26, "\(list)")
        let xml = try session.registre(["export", "--db", db, "--format", "xml"]).standardOutput
        for i in 1...25 { #expect(xml.contains(#"<audit id="audit-w-\#(i)""#), "audit \(i) lost") }
        let history = try session.registre(["history", "--db", db, "--format", "xml"]).standardOutput
        #expect(!history.contains(#"change="deleted""#))
        let verify = try session.registre(["verify", "--db", db])
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test("a point change killed with SIGKILL at random moments leaves nothing or everything", .tags(.slow), .skippedInQuickRuns)
    func killedPointChanges() throws {
        #expect(try session.registre(["import", Repository.suiteTerritoriale, "--db", db]).status == 0)
        #expect(try session.registre(["breach", "open", "--title", "Rançongiciel", "--aware", "2026-11-20T09:00",
                                      "--nature", "availability", "--controller", "mende", "--id", "b-kill", "--db", db]).status == 0)
        var random = SeededRandom(seed: 33)
        var landed = 0
        for round in 0..<10 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.registre)
            process.arguments = ["breach", "update", "b-kill", "--measure", "mesure \(round)", "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.12, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try session.registre(["verify", "--db", db]).status == 0)
            let shown = try session.registre(["breach", "show", "b-kill", "--db", db]).standardOutput
            if shown.contains("mesure \(round)\n") { landed += 1 }
            let measures = shown.components(separatedBy: "mesure ").count - 1
            #expect(measures == landed, "round \(round): \(measures) measures, \(landed) landed")
        }
    }
}
