import Foundation
import RegistreCore
import RegistreXML
import Testing

/// Every place a register names a country takes an ISO 3166-1 alpha-2 code and nothing else; `EU` and
/// `EEA` are told apart as what they are, groups of states.
@Suite("Country codes read as ISO 3166-1 alpha-2")
struct CountryCodeReadingTests {
    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register xmlns=\"urn:registre:1\" version=\"1.0\">\n" + body + "\n</register>"
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

    /// One organisation whose seat is `country`, with `extra` after it.
    static func organisation(country: String, extra: String = "") -> String {
        "<organisation id=\"c\"><name>C</name>\n<country>\(country)</country>\(extra)</organisation>"
    }

    static func transfer(country: String) -> String {
        """
        <organisation id="c"><name>C</name></organisation>
        <activity id="a" status="active"><name>A</name><controller ref="c"/>
        <transfer><recipient>R</recipient>
        <country>\(country)</country></transfer></activity>
        """
    }

    @Test("EU and EEA are refused as not being countries, in both languages, at their line", arguments: ["EU", "EEA", "UE", "EEE"])
    func unionIsNotACountry(_ code: String) throws {
        let error = try refusal(Self.document(Self.organisation(country: code)))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.line == 4)
        #expect(diagnostic.description.contains("f.xml:4"))
        #expect(diagnostic.message.contains("country: '\(code)' is not a country"))
        #expect(diagnostic.description(in: .fr).contains("n'est pas un pays"))
    }

    @Test("codes no country has are refused with what was expected", arguments: ["XK", "ZZ", "AA", "UK", "QO", "FRA"])
    func unassigned(_ code: String) throws {
        let error = try refusal(Self.document(Self.organisation(country: code)))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message.contains("'\(code)'"))
        #expect(diagnostic.message.contains(code == "UK" ? "GB" : "ISO 3166-1 alpha-2"))
        #expect(diagnostic.localized != nil)
    }

    @Test("a transfer, a sub-processor's location and an establishment are checked the same way")
    func everyField() throws {
        let transfer = try refusal(Self.document(Self.transfer(country: "EU")))
        #expect(transfer.diagnostics.first?.line == 6)
        let establishment = try refusal(Self.document(Self.organisation(country: "US", extra: "\n<establishment>EU</establishment>")))
        #expect(establishment.diagnostics.first?.line == 5)
        #expect(establishment.diagnostics.first?.message.hasPrefix("establishment: 'EU'") == true)
        let sub = Self.document("""
            <organisation id="c"><name>C</name></organisation>
            <organisation id="p"><name>P</name></organisation>
            <agreement id="d"><title>D</title><controller ref="c"/><processor ref="p"/>
            <sub-processor ref="p" engaged-by="p"><service>S</service>
            <country>FR</country>
            <country>EU</country></sub-processor></agreement>
            """)
        #expect(try refusal(sub).diagnostics.first?.line == 8)
    }

    @Test("real countries, overseas ones included, are read", arguments: ["FR", "GB", "US", "RE", "GF", "AX", "CH", "VA"])
    func accepted(_ code: String) throws {
        let register = try RegisterReader.read(bytes: Array(Self.document(Self.transfer(country: code)).utf8))
        #expect(register.activities.first?.transfers.first?.destination == .country(code))
    }

    @Test("establishments and Art. 3(2) targeting are read and written back")
    func establishmentsRoundTrip() throws {
        let text = Self.document(
            "<organisation id=\"c\" targets-union=\"false\"><name>C</name><country>US</country><establishment>IE</establishment><establishment>GB</establishment></organisation>")
        let register = try RegisterReader.read(bytes: Array(text.utf8))
        let organisation = try #require(register.organisations.first)
        #expect(organisation.establishments == ["IE", "GB"])
        #expect(organisation.targetsUnion == false)
        let written = try RegisterWriter.bytes(of: register)
        #expect(try RegisterReader.read(bytes: written) == register)
        let silent = try RegisterReader.read(bytes: Array(Self.document(Self.organisation(country: "US")).utf8))
        #expect(silent.organisations.first?.establishments == nil)
        #expect(silent.organisations.first?.targetsUnion == nil)
    }
}
