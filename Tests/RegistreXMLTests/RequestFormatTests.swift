import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Requests of the people in the XML format")
struct RequestFormatTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// A request with every part the format holds.
    static var full: DataSubjectRequest {
        DataSubjectRequest(
            id: "request-20250131-1", controller: "mende", person: "dossier 2025-014",
            receipt: RequestReceipt(day: day("2025-01-31"), channel: .inPerson, service: "Accueil de la mairie"),
            rights: [.access, .erasure], activities: ["etat-civil"], unregisteredProcessing: ["Fichier des bénévoles"],
            identity: IdentityVerification(asked: day("2025-02-03"), received: day("2025-02-07"), doubt: "Adresse inconnue du dossier"),
            extended: RequestExtension(decided: day("2025-02-20"), reason: "Archives papier à consulter", personTold: day("2025-02-21")),
            manifestAbuse: ManifestAbuse(ground: .excessive, reasoning: "Troisième demande identique en un mois"),
            answer: RequestAnswer(sent: day("2025-04-01"), outcome: .partly, reason: "Actes d'état civil conservés par obligation légale",
                                  exception: "Art. 17(3)(b)", remediesGiven: true),
            recipients: RecipientNotification(kind: .impossible, day: day("2025-04-02")),
            retention: PeriodLength(6, .years))
    }

    static var register: Register {
        Register(
            organisations: [Organisation(id: "mende", name: "Mende")],
            activities: [ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende", purposes: ["Actes"])],
            requests: [full, DataSubjectRequest(
                id: "request-20250201-1", controller: "mende", person: "request-20250201-1",
                receipt: RequestReceipt(day: day("2025-02-01"), channel: .email), rights: [.objection])])
    }

    @Test("a request is written, read back equal, written again to the same bytes, and valid for xmllint")
    func roundTrip() throws {
        let bytes = try RegisterWriter.bytes(of: Self.register)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<request id=\"request-20250131-1\" controller=\"mende\">"))
        #expect(text.contains("<received channel=\"in-person\" service=\"Accueil de la mairie\">2025-01-31</received>"))
        let read = try RegisterReader.read(bytes: bytes, name: "requests.xml")
        #expect(read == Self.register)
        #expect(try RegisterWriter.bytes(of: read) == bytes)
        let scratch = try ScratchDirectory()
        let path = scratch.path("requests.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let lint = try CommandRunner.xmllintValidates(path)
        #expect(lint.status == 0, "\(lint.standardError)")
    }

    @Test("a request naming an activity or a controller the register lacks is refused by registre and by xmllint")
    func unknownReferences() throws {
        for change in [{ (request: inout DataSubjectRequest) in request.activities = ["cantine"] }, { $0.controller = "florac" }] {
            var register = Self.register
            change(&register.requests[0])
            let bytes = try RegisterWriter.bytes(of: register)
            #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: bytes, name: "requests.xml") }
            let scratch = try ScratchDirectory()
            let path = scratch.path("requests.xml")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try CommandRunner.xmllintValidates(path).status != 0)
        }
    }

    @Test("a value the format cannot hold is refused by the same validation as a file: an empty reference, a day that does not exist")
    func entryValidation() throws {
        var empty = Self.full
        empty.person = ""
        #expect(throws: RegisterReadError.self) { try EntryValidation.check(.request(empty)) }
        var spaced = Self.full
        spaced.answer?.reason = "   "
        #expect(throws: RegisterReadError.self) { try EntryValidation.check(.request(spaced)) }
        try EntryValidation.check(.request(Self.full))
        let text = String(decoding: try RegisterWriter.bytes(of: Self.register), as: UTF8.self)
            .replacingOccurrences(of: ">2025-01-31</received>", with: ">2025-02-30</received>")
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(text.utf8), name: "requests.xml") }
    }
}
