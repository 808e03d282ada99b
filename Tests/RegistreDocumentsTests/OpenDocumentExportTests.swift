import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

@Suite("OpenDocument export")
struct OpenDocumentExportTests {
    let samples = try! Repository.sampleRegisters.map { try RegisterReader.read(file: $0) }

    @Test("the same register gives the same bytes, with the mimetype first and stored as ODF requires")
    func deterministic() throws {
        for register in samples {
            let first = try OpenDocumentExport.spreadsheet(register)
            #expect(first == (try OpenDocumentExport.spreadsheet(register)))
            let text = try OpenDocumentExport.text(register, language: .fr)
            #expect(text == (try OpenDocumentExport.text(register, language: .fr)))
            for bytes in [first, text] {
                // Local header: name at offset 30, method (offset 8) 0 = stored.
                #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
                #expect(bytes[8] == 0 && bytes[9] == 0)
                #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
            }
            #expect(String(decoding: first[38..<84], as: UTF8.self) == OpenDocumentWriter.spreadsheetMediaType)
        }
    }

    @Test("two different registers give different files")
    func different() throws {
        #expect(try OpenDocumentExport.spreadsheet(samples[0]) != OpenDocumentExport.spreadsheet(samples[1]))
    }

    @Test("the spreadsheet has the list sheet, one record sheet per activity in the model's labels, and the processors' records")
    func spreadsheetLayout() throws {
        let register = try RegisterReader.read(file: Repository.incubator)
        let sheets = RegisterSpreadsheet.spreadsheet(of: register).sheets
        #expect(sheets.map(\.name) == ["Liste des traitements"] + register.activities.map(\.id) + ["Registre du sous-traitant"])
        let record = sheets[1]
        let labels = record.rows.compactMap { $0.first?.text }
        for label in ["Nom du traitement", "N° / RÉF", "Responsable du traitement", "Finalité principale",
                      "Catégories de données personnelles concernées", "Données sensibles", "Catégories de personnes concernées",
                      "Destinataires", "Mesures de sécurité", "Transferts hors UE"] {
            #expect(labels.contains(label), "missing \(label)")
        }
        #expect(record.rows.contains { $0.count > 1 && $0[0].text == "Nom du traitement" && $0[1].text == register.activities[0].name })
        let created = try #require(record.rows.first { $0.first?.text == "Date de création du traitement" })
        #expect(created[1].date == register.activities[0].created?.iso)
    }

    @Test("sheet names never repeat and never hold a character spreadsheets refuse")
    func sheetNames() {
        var activity = CompleteRegister.activity
        activity.id = "a/b:c"
        let register = Register(organisations: [CompleteRegister.controller], activities: [activity, activity])
        let names = RegisterSpreadsheet.spreadsheet(of: register).sheets.map(\.name)
        #expect(names == ["Liste des traitements", "a-b-c", "a-b-c (2)"])
    }
}

@Suite("Report layout")
struct ReportLayoutTests {
    @Test("banners become headings, labelled lines a table, dashes a list, indented blocks sub-headings")
    func layout() {
        let text = """
            TITLE
            ==========
            PART ONE
            ==========
            Address     : 1 rue X
            Email       : a@b.fr

            ----------
            ACTIVITY: Payroll
            Reference: pay — status: active
            ----------
            Purposes (Art. 30(1)(b))
              - Pay the staff
              - Declare to URSSAF
            Detected at 15:30 (Europe/Paris).
            """
        let document = ReportLayout.document(fromUnfolded: text, language: "en")
        #expect(document.blocks == [
            .heading(level: 1, text: "TITLE"),
            .heading(level: 1, text: "PART ONE"),
            .table([["Address", "1 rue X"], ["Email", "a@b.fr"]]),
            .heading(level: 2, text: "ACTIVITY: Payroll"),
            .table([["Reference", "pay — status: active"]]),
            .heading(level: 3, text: "Purposes (Art. 30(1)(b))"),
            .list(["Pay the staff", "Declare to URSSAF"]),
            .paragraph("Detected at 15:30 (Europe/Paris)."),
        ])
        #expect(document.title == "TITLE")
    }

    @Test("every line of the register's text is in the document, in the same order")
    func sameContent() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        for language in Language.allCases {
            let text = RegisterTextReport.render(register, language: language, folded: false)
            let document = ReportLayout.document(fromUnfolded: text, language: language.rawValue)
            let words = document.blocks.flatMap { block -> [String] in
                switch block {
                case .heading(_, let text), .paragraph(let text): [text]
                case .list(let items): items
                case .table(let rows): rows.flatMap { $0 }
                }
            }.joined(separator: " ").split(separator: " ")
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter {
                !$0.allSatisfy { $0 == "=" || $0 == "-" } && $0 != ":"
            }.map { $0.hasSuffix(":") ? $0.dropLast() : $0 }
            let got = words.filter { $0 != ":" }.map { $0.hasSuffix(":") ? $0.dropLast() : $0 }
            #expect(got == expected)
        }
    }
}

@Suite("OpenDocument in LibreOffice", .tags(.libreOffice), .enabled(if: LibreOffice.isInstalled, "soffice is not installed (scripts/setup installs it)"))
struct LibreOfficeConversionTests {
    @Test("the samples' ODS and ODT, a breach report and an audit notice open in LibreOffice with every activity's name")
    func convert() throws {
        let folder = try ScratchDirectory()
        var texts: [String] = []
        var sheets: [String] = []
        var names: [String: [String]] = [:]
        for (index, file) in Repository.sampleRegisters.enumerated() {
            let register = try RegisterReader.read(file: file)
            let ods = folder.path("register\(index).ods")
            let odt = folder.path("register\(index).odt")
            try Data(try OpenDocumentExport.spreadsheet(register)).write(to: URL(fileURLWithPath: ods))
            try Data(try OpenDocumentExport.text(register, language: .fr)).write(to: URL(fileURLWithPath: odt))
            sheets.append(ods)
            texts.append(odt)
            names["register\(index)"] = register.activities.map(\.name)
        }
        let register = CompleteRegister.register
        let breach = folder.path("breach.odt")
        try Data(try OpenDocumentExport.breachReport(register.breaches[0], in: register, now: CompleteRegister.aware, language: .en))
            .write(to: URL(fileURLWithPath: breach))
        let notice = folder.path("notice.odt")
        try Data(try OpenDocumentExport.auditNotice(register.audits[0], in: register, language: .fr)).write(to: URL(fileURLWithPath: notice))

        let textRun = try LibreOffice.convert(texts + [breach, notice], to: "txt:Text (encoded):UTF8", in: folder)
        #expect(textRun.status == 0, "\(textRun.standardError)")
        // One CSV per sheet (the last option, -1), UTF-8 (76).
        let sheetRun = try LibreOffice.convert(sheets, to: #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"#, in: folder)
        #expect(sheetRun.status == 0, "\(sheetRun.standardError)")

        let outputs = try FileManager.default.contentsOfDirectory(atPath: folder.path("out"))
        for (stem, activities) in names {
            let text = try String(contentsOfFile: folder.path("out/\(stem).txt"), encoding: .utf8)
            let csv = try outputs.filter { $0.hasPrefix(stem) && $0.hasSuffix(".csv") }
                .map { try String(contentsOf: folder.url.appending(path: "out").appending(path: $0), encoding: .utf8) }.joined()
            for name in activities {
                #expect(text.contains(name), "\(stem).odt lacks \(name)")
                #expect(csv.contains(name), "\(stem).ods lacks \(name)")
            }
            #expect(text.contains("REGISTRE DES ACTIVITÉS DE TRAITEMENT"))
        }
        let breachText = try String(contentsOfFile: folder.path("out/breach.txt"), encoding: .utf8)
        #expect(breachText.contains(register.breaches[0].title))
        let noticeText = try String(contentsOfFile: folder.path("out/notice.txt"), encoding: .utf8)
        #expect(noticeText.contains(register.audits[0].id))
    }
}

@Suite("OpenDocument limits")
struct OpenDocumentLimitTests {
    @Test("a register of more activities than a spreadsheet holds sheets is refused with the way out; one at the limit is laid out")
    func sheetLimit() throws {
        let activities = (0..<Spreadsheet.sheetLimit).map { index in
            var activity = CompleteRegister.activity
            activity.id = "a\(index)"
            return activity
        }
        let tooMany = Register(organisations: [CompleteRegister.controller], activities: activities)
        #expect { try OpenDocumentExport.spreadsheet(tooMany) } throws: { "\($0)".contains("--controller") }
        let most = Register(organisations: [CompleteRegister.controller], activities: Array(activities.dropLast()))
        let spreadsheet = RegisterSpreadsheet.spreadsheet(of: most)
        #expect(spreadsheet.sheets.count == Spreadsheet.sheetLimit)
    }
}
