import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// The `contract-term` element of an agreement: written, read back, checked by xmllint, refused when it
/// says something registre cannot count.
@Suite("Contract terms in the XML format")
struct ContractTermXMLTests {
    static let fixture = Repository.path("Tests/RegistreCLITests/Fixtures/issue-14-terms.xml")

    /// The complete register with `terms`, and the other elements of issue 14: a named calendar, an
    /// information-only audit clause, a decided change notice, an audit on a ground the cap exempts.
    static func register(terms: [ContractTerm]) -> Register {
        var register = CompleteRegister.with(agreement: {
            $0.terms = terms
            $0.calendar = "DE-BY"
            $0.auditTerms?.access = .informationOnly
            $0.changeNotices = [SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur",
                                                   noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .objected,
                                                   decided: CalendarDate(year: 2026, month: 3, day: 10))]
        })
        register.audits[0].ground = .authorityRequest
        return register
    }

    static let terms = [
        ContractTerm(.objectionWindow, period: DeadlinePeriod(5, .days), counting: .calendar, clause: "Art. 7.2"),
        ContractTerm(.changeNotice, period: DeadlinePeriod(10, .days), counting: .working),
        ContractTerm(.auditFrequency, period: DeadlinePeriod(12, .months), counting: .calendar, clause: "Art. 9.3",
                     exceptions: [.afterBreach, .authorityRequest]),
        ContractTerm(.breachNotification, period: DeadlinePeriod(24, .hours), clause: "Art. 8"),
    ]

    @Test("terms are written, read back equal, and the bytes are canonical")
    func roundTrip() throws {
        let register = Self.register(terms: Self.terms)
        let bytes = try RegisterWriter.bytes(of: register)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"<contract-term kind="objection-window" value="5" unit="days" counting="calendar" clause="Art. 7.2"/>"#))
        #expect(text.contains("<exception>after-breach</exception>"))
        #expect(text.contains("<calendar>DE-BY</calendar>") && text.contains(#"access="information-only""#))
        #expect(text.contains("<decided>2026-03-10</decided>") && text.contains(#"ground="authority-request""#))
        let read = try RegisterReader.read(bytes: bytes, name: "terms.xml")
        #expect(read == register)
        #expect(read.agreements[0].terms == Self.terms)
        #expect(try RegisterWriter.bytes(of: read) == bytes)
    }

    @Test("reading does not invent: a term that states no counting is counted as 1182/71 and written back without one, to the same bytes")
    func unstatedCountingStaysUnstated() throws {
        let stated = try RegisterWriter.bytes(of: Self.register(terms: [ContractTerm(.changeNotice, period: DeadlinePeriod(30, .days))]))
        let written = String(decoding: stated, as: UTF8.self)
        let silent = written.replacingOccurrences(of: #" counting="1182/71""#, with: "")
        #expect(silent != written)
        let read = try RegisterReader.read(bytes: Array(silent.utf8), name: "silent.xml")
        let term = try #require(read.agreements[0].terms.first)
        #expect(term.counting == .regulation1182)
        #expect(term.countingIsDefault == true)
        #expect(String(decoding: try RegisterWriter.bytes(of: read), as: UTF8.self) == silent)
        // Stated, it is kept as stated.
        let again = try RegisterReader.read(bytes: stated, name: "stated.xml")
        #expect(again.agreements[0].terms.first?.countingIsDefault == nil)
        #expect(try RegisterWriter.bytes(of: again) == stated)
    }

    @Test("xmllint accepts what registre writes, and the fixture of issue 14")
    func xmllint() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("terms.xml")
        try Data(try RegisterWriter.bytes(of: Self.register(terms: Self.terms))).write(to: URL(fileURLWithPath: path))
        let written = try CommandRunner.xmllintValidates(path)
        #expect(written.status == 0, "\(written.standardError)")
        let fixture = try CommandRunner.xmllintValidates(Self.fixture)
        #expect(fixture.status == 0, "\(fixture.standardError)")
    }

    @Test("a term without counting is read with 1182/71 counting, held as a default, not as a statement")
    func defaultCounting() throws {
        let register = try RegisterReader.read(bytes: Array(try Self.document(#"<contract-term kind="audit-notice" value="30" unit="days"/>"#).utf8), name: "t.xml")
        #expect(register.agreements[0].terms == [ContractTerm(.auditNotice, period: DeadlinePeriod(30, .days), stated: nil)])
        #expect(register.agreements[0].terms[0].counting == .regulation1182)
        #expect(register.agreements[0].terms[0].agrees(with: ContractTerm(.auditNotice, period: DeadlinePeriod(30, .days), counting: .regulation1182)))
    }

    @Test("working counting of months, and exceptions on another term than the cap, are refused, located", arguments: [
        (#"<contract-term kind="audit-notice" value="1" unit="months" counting="working"/>"#, "counts days only"),
        (#"<contract-term kind="audit-notice" value="30" unit="days"><exception>after-breach</exception></contract-term>"#, "only the audit-frequency term"),
    ])
    func refused(_ element: String, _ message: String) throws {
        do {
            _ = try RegisterReader.read(bytes: Array(try Self.document(element).utf8), name: "t.xml")
            Issue.record("read without error")
        } catch let error as RegisterReadError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message.contains(message))
            #expect(diagnostic.line != nil)
        }
    }

    @Test("a calendar registre has no holidays for, or EU, is refused, located", arguments: ["EU", "XX-1", "de-by"])
    func unknownCalendar(_ code: String) throws {
        do {
            _ = try RegisterReader.read(bytes: Array(try Self.document("<calendar>\(code)</calendar>").utf8), name: "t.xml")
            Issue.record("read without error")
        } catch let error as RegisterReadError {
            #expect(error.diagnostics.first?.message.contains("names no known calendar") == true, "\(error)")
        }
    }

    @Test("the fixture of issue 14 holds both statements of the objection window")
    func fixture() throws {
        let register = try RegisterReader.read(file: Self.fixture)
        let agreement = try #require(register.agreement("dpa-nuagique"))
        #expect(agreement.statements(of: .objectionWindow).map(\.clause) == ["Art. 7.2", "Annexe 4, § 2"])
    }

    /// The complete register's agreement with `element` among its terms.
    static func document(_ element: String) throws -> String {
        let bytes = try RegisterWriter.bytes(of: CompleteRegister.register)
        let text = String(decoding: bytes, as: UTF8.self)
        return text.replacingOccurrences(of: "    <sub-processor ref=", with: "    \(element)\n    <sub-processor ref=", options: [], range: text.range(of: "    <sub-processor ref="))
    }
}
