import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("model drift as a spreadsheet")
struct ModelDriftSpreadsheetTests {
    @Test("one row per item under a header, read back as written, the same bytes each time")
    func rows() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let items = ModelDrift.items(in: register)
        #expect(!items.isEmpty, "the CCAS keeps its users' traces for less time than the model")
        let sheet = ModelDriftSpreadsheet.spreadsheet(of: items, language: .fr)
        #expect(sheet.sheets.count == 1)
        #expect(sheet.sheets[0].rows.count == items.count + 1)
        #expect(sheet.sheets[0].rows[0].map(\.text) == ["Adhérent", "Activité", "Modèle", "Rubrique", "Écart", "Message"])
        let contradiction = try #require(items.firstIndex { $0.kind == .contradicts })
        #expect(sheet.sheets[0].rows[contradiction + 1].map(\.text).prefix(5)
            == [items[contradiction].member, items[contradiction].activity, items[contradiction].model,
                "durées de conservation", "valeur propre contraire au modèle"])
        let read = try SpreadsheetReader().read(content: try OpenDocumentWriter.content(of: sheet), name: "drift.ods")
        #expect(read.sheets.map(\.name) == ["Écarts aux modèles"])
        #expect(read.sheets[0].rows.map { $0.map(\.text) } == sheet.sheets[0].rows.map { $0.map(\.text) })
        let bytes = try ModelDriftSpreadsheet.bytes(of: items, language: .en)
        #expect(bytes == (try ModelDriftSpreadsheet.bytes(of: items, language: .en)))
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
    }
}
