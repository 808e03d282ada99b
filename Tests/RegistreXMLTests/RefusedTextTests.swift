import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// What a register may not hold even when XML lets it through: control characters, line breaks in a
/// single-line field, unknown time zones, days and periods registre cannot compute on. Each refusal is
/// located and said in French and English; a file with a great many faults is told in bounded lines.
@Suite("Text, zones, dates and periods refused at reading")
struct RefusedTextTests {
    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register xmlns=\"urn:registre:1\" version=\"1.0\">\n" + body + "\n</register>"
    }

    static func organisation(name: String, extra: String = "") -> String {
        "<organisation id=\"c\"><name>\(name)</name>\(extra)</organisation>"
    }

    func refusal(_ text: String) throws -> RegisterReadError {
        do {
            let register = try RegisterReader.read(bytes: Array(text.utf8), name: "f.xml")
            Issue.record("read without error: \(register)")
            throw CancellationError()
        } catch let error as RegisterReadError {
            return error
        }
    }

    @Test("control characters XML 1.0 lets through are refused in any text, located", arguments: [
        "&#x85;", "&#127;", "\u{85}", "\u{7F}", "\u{9B}", "&#x9F;",
    ])
    func controlInText(_ character: String) throws {
        let error = try refusal(Self.document(Self.organisation(name: "C", extra: "<address>Rue\(character)</address>")))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.contains("organisation/address"))
        #expect(diagnostic.message.contains("control character U+"))
        #expect(diagnostic.description(in: .fr).contains("caractère de contrôle U+"))
    }

    @Test("control characters XML 1.0 forbids are refused by the parser, even as a reference", arguments: ["&#27;", "&#x1B;", "&#1;", "&#0;"])
    func forbiddenReferences(_ reference: String) throws {
        let error = try refusal(Self.document(Self.organisation(name: "C\(reference)")))
        #expect(error.diagnostics.first?.line == 3)
    }

    @Test("a line break in a single-line field is refused, at the line the break ends", arguments: [
        ("<name>Commune\nÉtat : notifiée à temps</name>", "organisation/name", 3),
        ("<name>Commune&#10;X</name>", "organisation/name", 3),
        ("<name>Commune&#13;X</name>", "organisation/name", 3),
        ("<name>C</name><dpo><name>D</name><email>a@b\n.fr</email></dpo>", "organisation/dpo/email", 3),
        ("<name>C</name><time-zone>Europe/\nParis</time-zone>", "organisation/time-zone", 3),
        ("<name>C</name><address>1 rue\n2 étage</address><email>x\n@y</email>", "organisation/email", 4),
    ])
    func lineBreakInSingleLine(_ content: String, _ field: String, _ line: Int) throws {
        let error = try refusal(Self.document("<organisation id=\"c\">\(content)</organisation>"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.line == line)
        #expect(diagnostic.message.contains(field))
        #expect(diagnostic.message.contains("line break"))
        #expect(diagnostic.description(in: .fr).contains("saut de ligne"))
    }

    @Test("a line break in an attribute written as a reference is refused")
    func lineBreakInAttribute() throws {
        let error = try refusal(Self.document(#"<organisation id="c"><name>C</name></organisation><activity id="a" status="active"><name>A</name><controller ref="c"/><legal-basis article="6-1-e">x</legal-basis></activity><breach id="b" controller="c"><title>T</title><aware>2026-03-27T16:30:00+01:00</aware><nature>confidentiality</nature><notification kind="initial" at="2026-03-28T10:00:00+01:00" reference="A&#10;B"/></breach>"#))
        #expect(error.description.contains("notification@reference"))
    }

    @Test("line breaks, tabs and carriage returns are kept in prose")
    func prose() throws {
        let text = Self.document(Self.organisation(name: "C", extra: "<address>1 rue\n\tBâtiment&#13;B</address>"))
        let register = try RegisterReader.read(bytes: Array(text.utf8))
        #expect(register.organisations.first?.address == "1 rue\n\tBâtiment\rB")
    }

    @Test("an unknown time zone is an error, not Paris")
    func unknownZone() throws {
        let error = try refusal(Self.document(Self.organisation(name: "C", extra: "<time-zone>Europe/Atlantis</time-zone>")))
        #expect(error.diagnostics.first?.line == 3)
        #expect(error.description.contains("'Europe/Atlantis' is not a known IANA time zone"))
        #expect(error.description(in: .fr).contains("n'est pas un fuseau horaire IANA connu"))
    }

    @Test("a known time zone is kept")
    func knownZone() throws {
        let text = Self.document(Self.organisation(name: "C", extra: "<time-zone>America/Cayenne</time-zone>"))
        #expect(try RegisterReader.read(bytes: Array(text.utf8)).organisations.first?.timeZone == "America/Cayenne")
    }

    static func breach(aware: String) -> String {
        Self.organisation(name: "C") + "\n" + #"<breach id="b" controller="c"><title>T</title><aware>\#(aware)</aware><nature>confidentiality</nature></breach>"#
    }

    @Test("instants and days outside 1900–9000 are refused at their line", arguments: ["9999-12-31T23:59:00+01:00", "1850-01-01T00:00:00Z"])
    func farInstant(_ aware: String) throws {
        let error = try refusal(Self.document(Self.breach(aware: aware)))
        #expect(error.diagnostics.first?.line == 4)
        #expect(error.description.contains("outside the years registre accepts (1900 to 9000)"))
        #expect(error.description(in: .fr).contains("hors des années que registre accepte"))
    }

    @Test("an instant inside the years is read")
    func nearInstant() throws {
        #expect(try RegisterReader.read(bytes: Array(Self.document(Self.breach(aware: "2026-03-27T16:30:00+01:00")).utf8)).breaches.count == 1)
    }

    @Test("a day outside 1900–9000 is refused")
    func farDay() throws {
        let activity = #"<activity id="a" status="active"><name>A</name><created>9999-12-31</created><controller ref="c"/></activity>"#
        let error = try refusal(Self.document(Self.organisation(name: "C") + "\n" + activity))
        #expect(error.description.contains("created: '9999-12-31' is outside the years"))
    }

    @Test("a period longer than 200 years is refused")
    func longPeriod() throws {
        let activity = #"<activity id="a" status="active"><name>A</name><controller ref="c"/><retention><duration value="99999999999999999999" unit="years"/></retention></activity>"#
        let error = try refusal(Self.document(Self.organisation(name: "C") + "\n" + activity))
        #expect(error.description.contains("period too long"))
    }

    @Test("a million faults are told in 100 lines and a count, in memory that does not hold them all")
    func cappedErrors() throws {
        let count = 20_000
        var body = Self.organisation(name: "C")
        for _ in 0..<count { body += "\n<organisation id=\"c\"><name>C</name></organisation>" }
        let error = try refusal(Self.document(body))
        #expect(error.diagnostics.count == 100)
        #expect(error.omitted == count - 100)
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "… and \(count - 100) more")
        #expect(error.description(in: .fr).hasSuffix("… et \(count - 100) autres"))
    }

    @Test("a few faults are all told")
    func fewErrors() throws {
        let body = Self.organisation(name: "C") + "\n" + Self.organisation(name: "D")
        let error = try refusal(Self.document(body))
        #expect(error.diagnostics.count == 1)
        #expect(error.omitted == 0)
        #expect(!error.description.contains("more"))
    }
}
