import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// Long work shows its progress on a terminal's standard error, and nowhere else.
@Suite("Progress on a terminal")
struct ProgressTests {
    let session: CommandSession
    let file: String

    init() throws {
        session = try CommandSession()
        let base = try RegisterReader.read(file: Repository.suiteTerritoriale)
        file = try session.scratch.write(String(decoding: try RegisterWriter.bytes(of: LargeRegister.make(from: base, activities: 2_500)), as: UTF8.self),
                                         to: "large.xml")
    }

    /// Runs `registre` under a pseudo-terminal (util-linux's `script`), standard error included in what
    /// it captures.
    func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([CommandRunner.registre] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CommandRunner.run("/usr/bin/env", ["script", "-qec", command, "/dev/null"], currentDirectory: session.scratch.url.path())
            .standardOutput
    }

    @Test("on a terminal, check and import redraw a line in place and erase it", .tags(.slow), .skippedInQuickRuns)
    func shown() throws {
        let check = try onTerminal(["check", file, "--lang", "en"])
        #expect(check.contains("\r\u{1B}[2KChecking : 2 000"), "\(check.prefix(300))")
        #expect(check.contains("per second"))
        let imported = try onTerminal(["import", file, "--db", session.db])
        #expect(imported.contains("\r\u{1B}[2KImport : "))
        let verified = try onTerminal(["verify", "--db", session.db, "--lang", "en"])
        #expect(verified.contains("\r\u{1B}[2KVerifying the journal : 2 000 / "), "\(verified.prefix(300))")
        #expect(verified.contains("left"))
        #expect(try onTerminal(["export", "--db", session.db, "--format", "xml", "-o", "out.xml", "--lang", "en"]).contains("Exporting : "))
        #expect(try onTerminal(["export", "--db", session.db, "--format", "text", "-o", "out.txt", "--lang", "en"]).contains("Printed register : "))
        #expect(try onTerminal(["history", "--db", session.db, "--lang", "en"]).contains("\r\u{1B}[2KJournal : "))
    }

    @Test("with --quiet, or when standard error is not a terminal, nothing", .tags(.slow), .skippedInQuickRuns)
    func quiet() throws {
        #expect(!(try onTerminal(["check", file, "--quiet"]).contains("\u{1B}[2K")))
        let plain = try session.registre(["check", file])
        #expect(!plain.standardError.contains("\u{1B}"))
        #expect(plain.standardError.isEmpty)
    }
}
