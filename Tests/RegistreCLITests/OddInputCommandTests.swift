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
}
