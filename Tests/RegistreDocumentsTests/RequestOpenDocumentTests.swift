import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreTestSupport
import RegistreTestTags
import Testing

/// The letters about a request as ODT and the register of requests as ODS (issue 27), opened by
/// LibreOffice without a display, as the other OpenDocument files are.
@Suite("Requests' documents in LibreOffice", .tags(.libreOffice), .enabled(if: LibreOffice.isInstalled, "soffice is not installed (scripts/setup installs it)"))
struct RequestOpenDocumentTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static let now = DeadlineCalculator().start(of: day("2025-03-10"))

    static var register: Register {
        var register = Register(
            organisations: [Organisation(id: "mende", name: "Commune de Mende", isPublicBody: true, country: "FR")],
            activities: [
                ProcessingActivity(id: "etat-civil", name: "Tenue de l'état civil", controller: "mende", purposes: ["Tenue des registres d'état civil"],
                                   dataCategories: [Category("Filiation")]),
            ])
        register.requests = [
            DataSubjectRequest(
                id: "request-20250131-1", controller: "mende", person: "dossier 2025-014",
                receipt: RequestReceipt(day: day("2025-01-31"), channel: .letter), rights: [.access], activities: ["etat-civil"],
                answer: RequestAnswer(sent: day("2025-02-20"), outcome: .granted)),
            DataSubjectRequest(
                id: "request-20250203-1", controller: "mende", person: "dossier 2025-015",
                receipt: RequestReceipt(day: day("2025-02-03"), channel: .email), rights: [.erasure]),
        ]
        return register
    }

    @Test("the acknowledgement and the answer in both languages open as text with the register's words; the register of requests as a spreadsheet")
    func convert() throws {
        let folder = try ScratchDirectory()
        let register = Self.register
        var files: [String] = []
        for language in Language.allCases {
            for kind in RequestLetter.Kind.allCases {
                let path = folder.path("\(kind.rawValue)-\(language.rawValue).odt")
                try Data(try OpenDocumentExport.requestLetter(kind, of: register.requests[0], in: register, now: Self.now, language: language))
                    .write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        var drawn = RequestRegister(scope: .whole, now: Self.now)
        var spreadsheet = RequestRegisterSpreadsheet(language: .fr)
        for entry in register.entries {
            if let row = try drawn.take(entry) { spreadsheet.add(row, now: Self.now) }
        }
        try drawn.settle()
        let ods = folder.path("demandes.ods")
        try Data(try spreadsheet.bytes(drawn)).write(to: URL(fileURLWithPath: ods))

        let textRun = try LibreOffice.convert(files, to: "txt:Text (encoded):UTF8", in: folder)
        #expect(textRun.status == 0, "\(textRun.standardError)")
        let sheetRun = try LibreOffice.convert([ods], to: #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"#, in: folder)
        #expect(sheetRun.status == 0, "\(sheetRun.standardError)")

        for language in Language.allCases {
            let answer = try String(contentsOfFile: folder.path("out/answer-\(language.rawValue).txt"), encoding: .utf8)
            #expect(answer.contains("Tenue des registres d'état civil"))
            #expect(answer.contains("Filiation"))
            #expect(answer.contains("dossier 2025-014"))
            let acknowledgement = try String(contentsOfFile: folder.path("out/acknowledgement-\(language.rawValue).txt"), encoding: .utf8)
            #expect(acknowledgement.contains(language == .fr ? "28 février 2025" : "28 February 2025"))
        }
        let outputs = try FileManager.default.contentsOfDirectory(atPath: folder.path("out"))
        let csv = try outputs.filter { $0.hasPrefix("demandes") && $0.hasSuffix(".csv") }
            .map { try String(contentsOf: folder.url.appending(path: "out").appending(path: $0), encoding: .utf8) }.joined()
        #expect(csv.contains("request-20250131-1"))
        #expect(csv.contains("request-20250203-1"))
        #expect(csv.contains("Part répondue dans le délai"))
        #expect(csv.contains("50 % (1/2)"))
    }
}
