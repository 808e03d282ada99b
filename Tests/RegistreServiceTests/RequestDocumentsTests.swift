import Foundation
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// 2026-09-21T14:13:20Z, a Monday.
private let monday = Date(timeIntervalSince1970: 1_790_000_000)

/// The documents of the requests from the register of record (issue 27): the register of requests drawn
/// up from the store one entry at a time, as text, XML valid against the schema and ODS; the letters.
@Suite("The documents of the requests of the people")
struct RequestDocumentsTests {
    let sample: SampleRegisterOfRecord
    var store: RegisterStore { sample.store }

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Mende: one answered in time, one answered late and refused, one running; Marvejols: one overdue.
    init() throws {
        sample = try SampleRegisterOfRecord(at: monday)
        let acts = RequestActs(store: sample.store)
        let dpo = Acting(actor: "dpo@cdg48", now: monday)
        let open = { (controller: EntityID, received: String, rights: [DataSubjectRight]) throws -> EntityID in
            let request = DataSubjectRequest(
                id: "x", controller: controller, person: "", receipt: RequestReceipt(day: Self.day(received), channel: .email), rights: rights,
                activities: controller == "mende" ? ["mende-rdv"] : [])
            return try acts.open(request, chosenID: nil, by: dpo).request.id
        }
        let inTime = try open("mende", "2026-06-01", [.access])
        _ = try acts.change(inTime, by: dpo) { $0.answer = RequestAnswer(sent: Self.day("2026-06-15"), outcome: .granted) }
        let late = try open("mende", "2026-06-02", [.erasure, .objection])
        _ = try acts.change(late, by: dpo) {
            $0.answer = RequestAnswer(sent: Self.day("2026-08-20"), outcome: .refused, reason: "Obligation légale", exception: "Art. 17(3)(b)", remediesGiven: true)
        }
        _ = try open("mende", "2026-09-14", [.rectification])
        _ = try open("marvejols", "2026-07-01", [.access])
    }

    func register(_ scope: RequestRegister.Scope, _ format: RequestDocuments.RegisterFormat, language: Language = .fr) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try RequestDocuments.register(of: store, scope: scope, as: format, language: language, now: monday) { bytes += $0 }
        return bytes
    }

    @Test("the text register: a line per request of the scope, then the counts and the share answered in time")
    func text() throws {
        let text = String(decoding: try register(.controller("mende"), .text, language: .en), as: UTF8.self)
        #expect(text.hasPrefix("REGISTER OF DATA SUBJECT REQUESTS (Articles 12 to 22 GDPR)"))
        #expect(text.contains("request-20260601-1  mende  request-20260601-1  2026-06-01  access  2026-07-01  answered-in-time  -  2026-06-15  granted\n"))
        #expect(text.contains("request-20260602-1  mende  request-20260602-1  2026-06-02  erasure,objection  2026-07-02  answered-late  -  2026-08-20  refused\n"))
        #expect(text.contains("  running  "))
        #expect(!text.contains("marvejols"))
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("Requests : 3"))
        #expect(lines.contains("right of access (Art. 15) : 1"))
        #expect(lines.contains("Refused : 1"))
        #expect(lines.contains("Share answered in time : 50 % (1/2)"))
    }

    @Test("a structure's register counts per member; the XML is a valid document of the register schema")
    func structureAsXML() throws {
        let bytes = try register(.membersOf("cdg48"), .xml)
        try RegisterReader.validate(bytes: bytes, name: "request-register.xml")
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains("<request-register xmlns=\"urn:registre:1\" version=\"1.0\""))
        #expect(xml.contains("structure=\"cdg48\""))
        #expect(xml.components(separatedBy: "<handled ").count - 1 == 4)
        #expect(xml.contains("<counts requests=\"4\" granted=\"1\" partly=\"0\" refused=\"1\" unanswered=\"2\" extended=\"0\" answered-in-time=\"1\" answered-late=\"1\" overdue=\"1\">"))
        #expect(xml.contains("<counts organisation=\"marvejols\" requests=\"1\""))
        #expect(xml.contains("<counts organisation=\"ccas-mende\" requests=\"0\""))
    }

    @Test("what the account may not read is left out; an organisation the register lacks is refused before anything is written")
    func admittedAndUnknown() throws {
        var bytes: [UInt8] = []
        try RequestDocuments.register(of: store, scope: .whole, as: .text, language: .fr, now: monday, admitted: { $0.controller == "marvejols" }) { bytes += $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("marvejols"))
        #expect(!text.contains("request-20260601-1"))
        for hostile in ["nowhere", "mende'--", "../../etc/passwd", ""] {
            var written: [UInt8] = []
            #expect(throws: RequestRegister.UnknownScope(organisation: hostile)) {
                try RequestDocuments.register(of: store, scope: .controller(hostile), as: .xml, language: .fr, now: monday) { written += $0 }
            }
            #expect(written.isEmpty)
        }
    }

    @Test("the spreadsheet and the letters are OpenDocument packages")
    func packages() throws {
        let ods = try register(.whole, .ods)
        #expect(Array(ods.prefix(2)) == Array("PK".utf8))
        #expect(String(decoding: ods, as: UTF8.self).contains("application/vnd.oasis.opendocument.spreadsheet"))
        let around = try store.register(around: [EntityKey(.request, "request-20260601-1")])
        let request = try #require(around.requests.first)
        let odt = try RequestDocuments.letter(.answer, of: request, in: around, as: .odt, now: monday, language: .fr)
        #expect(String(decoding: odt.prefix(80), as: UTF8.self).contains("application/vnd.oasis.opendocument.text"))
        let text = String(decoding: try RequestDocuments.letter(.answer, of: request, in: around, as: .text, now: monday, language: .fr), as: UTF8.self)
        #expect(text.contains("Nous faisons droit à votre demande."))
        #expect(RequestDocuments.letterFileName(.answer, of: request.id, as: .odt) == "reponse-request-20260601-1.odt")
    }
}
