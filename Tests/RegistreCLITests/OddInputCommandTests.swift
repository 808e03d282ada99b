import Foundation
import RegistreTestSupport
import Testing

/// The cases of issue 9 that crashed or misled through the command line, each now ending in a report or
/// a located refusal (exit 2 for what cannot be read, a usage error for a value refused), never a trap.
@Suite("Odd input through the command line")
struct OddInputCommandTests {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register xmlns=\"urn:registre:1\" version=\"1.0\">\n"

    func write(_ body: String) throws -> (ScratchDirectory, String) {
        let scratch = try ScratchDirectory()
        return (scratch, try scratch.write(Self.header + body + "\n</register>\n", to: "register.xml"))
    }

    /// A trap ends with SIGILL or SIGTRAP (status 132 or 133 in a shell); a refusal or a report never does.
    func expectNoTrap(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(![4, 5, 6, 11, 132, 133, 134, 139].contains(result.status), "\(result.standardError)", sourceLocation: sourceLocation)
    }

    @Test("a title starting with 150 spaces or box-drawing characters prints", arguments: [" ", "─"])
    func wideMargin(_ margin: String) throws {
        let title = String(repeating: margin, count: 150) + "Registre " + String(repeating: "mot ", count: 30)
        let (scratch, path) = try write("<title>\(title)</title>\n<organisation id=\"c\"><name>Commune</name></organisation>")
        _ = scratch
        let result = try CommandRunner.registre("export", path, "--format", "text")
        expectNoTrap(result)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Registre"))
    }

    @Test("deadlines --within 8000y is refused with the longest period allowed", arguments: ["8000y", "99999999999999999999d"])
    func farHorizon(_ within: String) throws {
        let result = try CommandRunner.registre("deadlines", Repository.suiteTerritoriale, "--within", within, "--now", "2026-03-27T16:30+02:00")
        expectNoTrap(result)
        #expect(result.status == 64)
        #expect(result.standardError.contains("is invalid for '--within <duration>'"))
        #expect(result.standardError.contains("at most 200 years"))
    }

    @Test("--now with an ISO 8601 offset with a colon, the help's own example, is accepted")
    func colonOffset() throws {
        let result = try CommandRunner.registre("deadlines", Repository.suiteTerritoriale, "--now", "2026-03-27T16:30+02:00", "--within", "200y")
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("--now past 9000 is refused as a value, not trapped on", arguments: ["9999-12-31T23:59", "9999-12-31"])
    func farNow(_ now: String) throws {
        let result = try CommandRunner.registre("deadlines", Repository.suiteTerritoriale, "--now", now)
        expectNoTrap(result)
        #expect(result.status == 64)
        #expect(result.standardError.contains("1900 to 9000"))
    }

    @Test("a register with a breach aware at 9999-12-31T23:59 is refused at reading, located")
    func farBreach() throws {
        let (scratch, path) = try write(#"<organisation id="c"><name>C</name></organisation>"# + "\n" + #"<breach id="b" controller="c"><title>T</title><aware>9999-12-31T23:59:00+01:00</aware><nature>confidentiality</nature></breach>"#)
        _ = scratch
        let result = try CommandRunner.registre("deadlines", path, "--lang", "en")
        expectNoTrap(result)
        #expect(result.status == 2)
        #expect(result.standardError.contains("register.xml:4: aware: '9999-12-31T23:59:00+01:00' is outside the years registre accepts"))
    }

    @Test("an unknown time zone is refused at reading")
    func unknownZone() throws {
        let (scratch, path) = try write(#"<organisation id="c"><name>C</name><time-zone>Europe/Pariss</time-zone></organisation>"#)
        _ = scratch
        let result = try CommandRunner.registre("check", path, "--lang", "en")
        #expect(result.status == 2)
        #expect(result.standardError.contains("register.xml:3: time-zone: 'Europe/Pariss' is not a known IANA time zone"))
    }

    @Test("thousands of duplicate ids are told in 100 lines and a count")
    func duplicateIDs() throws {
        let count = 20_000
        let body = Array(repeating: #"<organisation id="c"><name>C</name></organisation>"#, count: count).joined(separator: "\n")
        let (scratch, path) = try write(body)
        _ = scratch
        let result = try CommandRunner.registre("check", path, "--lang", "en")
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "… and \(count - 101) more")
    }

    @Test("a name partly in CDATA is checked, exported and read back whole")
    func cdata() throws {
        let (scratch, path) = try write(#"<organisation id="c"><name><![CDATA[Centre de gestion]]> de la fonction publique territoriale</name><address><![CDATA[Mende]]></address></organisation>"#)
        let result = try CommandRunner.registre("export", path, "--format", "xml")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("<name>Centre de gestion de la fonction publique territoriale</name>"))
        let back = try scratch.write(result.standardOutput, to: "back.xml")
        #expect(try CommandRunner.registre("export", back, "--format", "xml").standardOutput == result.standardOutput)
    }

    // Issue 22.

    @Test("--db :memory: and --db file:uri.sqlite are files of those very names, made readable by their owner only", arguments: [":memory:", "file:uri.sqlite"])
    func databasePathIsAPath(_ name: String) throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.url.path()
        let imported = try CommandRunner.registre("import", Repository.suiteTerritoriale, "--db", name, "--now", "2026-11-24T09:00", currentDirectory: directory)
        #expect(imported.status == 0, "\(imported.standardError)")
        let path = scratch.path(name)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(((attributes[.size] as? Int) ?? 0) > 0 || FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("uri.sqlite")))
        // What was written is there for the next command, which reads the same file.
        let check = try CommandRunner.registre("export", "--db", name, "--format", "xml", currentDirectory: directory)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("dpa-suite-territoriale"))
    }

    @Test("a Madis export with thousands of unknown columns prints 50 notes and a count, in the command's language")
    func madisNotesBounded() throws {
        let scratch = try ScratchDirectory()
        let count = 5_000
        let header = "\u{FEFF}Nom;Structure - Nom;" + (0..<count).map { "Inconnue \($0)" }.joined(separator: ";")
        let csv = try scratch.write(header + "\r\nPaie;Commune de Mende\r\n", to: "wide.csv")
        let result = try CommandRunner.registre("check", csv, "--from", "madis", "--lang", "en")
        expectNoTrap(result)
        let notes = result.standardError.split(separator: "\n")
        #expect(notes.count == 51, "\(notes.prefix(3))")
        #expect(notes.first?.hasSuffix("C1: information: column 'Inconnue 0': no counterpart in registre, not read") == true)
        #expect(notes.last == "… and \(count - 50) more")
    }

    @Test("a Madis export with a quote never closed is refused with its line and field, exit 2, nothing imported")
    func madisUnclosedQuote() throws {
        let scratch = try ScratchDirectory()
        let csv = try scratch.write("\u{FEFF}\"Nom\";\"Structure - Nom\"\r\n\"Paie\";\"Commune de Test;Gérer;Actif\r\n", to: "m.csv")
        let db = scratch.path("m.sqlite")
        let result = try CommandRunner.registre("import", csv, "--from", "madis", "--db", db, "--lang", "en")
        expectNoTrap(result)
        #expect(result.status == 2)
        #expect(result.standardError.contains("m.csv:2: field 2 (column B): the quote that opens it never closes"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("a register saved as UTF-16 with a byte-order mark is checked as the same register")
    func utf16Register() throws {
        let scratch = try ScratchDirectory()
        let text = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        let path = scratch.path("utf16.xml")
        try Data([0xFF, 0xFE] + Array(try #require(text.data(using: .utf16LittleEndian)))).write(to: URL(fileURLWithPath: path))
        let utf16 = try CommandRunner.registre("export", path, "--format", "xml")
        #expect(utf16.status == 0, "\(utf16.standardError)")
        #expect(utf16.standardOutput == (try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "xml")).standardOutput)
    }
}
