import Foundation
import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

/// The CNIL model filled by hand as a commune's DPO would (scripts/make-cnil-commune-fixture.py): the list
/// sheet's block on the mayor and the DPO, three record sheets, the example sheet and its row left in place.
let communeModel = Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods")

/// Every cell the script filled: sheet, cell, kind (text or date), text.
struct FilledCell {
    let sheet: String, cell: String, isDate: Bool, text: String

    static func all() throws -> [FilledCell] {
        let listing = try String(contentsOfFile: Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.cells.tsv"), encoding: .utf8)
        return listing.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return FilledCell(sheet: fields[0], cell: fields[1], isDate: fields[2] == "date", text: fields[3])
        }
    }

    var reference: String { "\(sheet)!\(cell)" }
}

@Suite("The CNIL model filled by a commune")
struct CNILModelCommuneTests {
    /// Where a filled cell went: its text in the register's XML (a date as ISO, a value from the model's
    /// lists as registre's code, a country as its ISO code), or a note naming its cell.
    static func placement(of filled: FilledCell, in imported: ImportedRegister, xml: String) -> String? {
        if imported.notes.contains(where: { $0.reference == filled.reference }) { return "noted" }
        let escaped = filled.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        if xml.contains(escaped) || xml.contains(escaped.replacingOccurrences(of: "'", with: "&apos;")) { return "text" }
        // A reference is the activity's id, as registre's ids are written (lower case).
        if imported.register.activities.contains(where: { $0.id == filled.text.lowercased() }) { return "id" }
        // A retention in the model's words ("2 ans") is a duration.
        if case .duration = CNILModel.retention(filled.text, data: nil).rule {
            let rule = CNILModel.retention(filled.text, data: nil).rule
            return imported.register.activities.contains { $0.retention.contains { $0.rule == rule } } ? "duration" : nil
        }
        let parts = filled.text.split(separator: "/").compactMap { Int($0) }
        if filled.isDate || parts.count == 3 {
            let iso = filled.isDate ? filled.text : String(format: "%04d-%02d-%02d", parts[2], parts[1], parts[0])
            return xml.contains(iso) ? "date" : nil
        }
        if let kind = CNILModel.recipientKinds.first(where: { $0.label == filled.text })?.kind {
            return xml.contains("kind=\"\(kind.rawValue)\"") ? "recipient kind" : nil
        }
        if let kind = CNILModel.securityKinds.first(where: { $0.label == filled.text })?.kind {
            return xml.contains("kind=\"\(kind.rawValue)\"") ? "measure kind" : nil
        }
        if let code = CNILModel.countries[filled.text] { return xml.contains(">\(code)<") ? "country" : nil }
        return nil
    }

    @Test("every filled cell is in the imported register, or the import names the cell and says why")
    func everyCellAccountedFor() throws {
        let imported = try CNILModelReader.read(file: communeModel)
        let xml = String(decoding: try RegisterWriter.bytes(of: imported.register), as: UTF8.self)
        let cells = try FilledCell.all()
        #expect(cells.count > 100)
        for filled in cells where !["Oui", "Non"].contains(filled.text) {
            #expect(Self.placement(of: filled, in: imported, xml: xml) != nil, "\(filled.reference) '\(filled.text)' is lost")
        }
        // "Données sensibles ? Oui/Non" of the list: the record sheets declare the same, or a note says not.
        for filled in cells where ["Oui", "Non"].contains(filled.text) {
            let row = filled.cell.dropFirst()
            let reference = try #require(cells.first { $0.sheet == filled.sheet && $0.cell == "B\(row)" }?.text)
            let activity = try #require(imported.register.activities.first { $0.id == reference.lowercased() })
            #expect(activity.specialCategories.isEmpty == (filled.text == "Non"), "\(filled.reference)")
        }
    }

    @Test("the commune's register: three activities, the example skipped with a note, the mayor and the DPO from the list's block")
    func register() throws {
        let imported = try CNILModelReader.read(file: communeModel)
        let register = imported.register
        #expect(register.activities.map(\.id) == ["ec-01", "enf-02", "com-03"])
        #expect(imported.notes.contains { $0.severity == .info && $0.reference == "4_-_Exemple_de_fiche!A1" && $0.message.en.contains("--keep-example") })
        #expect(imported.notes.contains { $0.severity == .info && $0.reference == "2_-_Liste_des_traitements!A9" })
        #expect(!imported.notes.contains { $0.severity == .error })
        let commune = try #require(register.organisations.first)
        #expect(register.organisations.count == 1)
        #expect(commune.legalRepresentative == Contact(
            name: "Claire MARTIN", email: "mairie@saint-clair.fr", phone: "04 66 32 00 00", address: "Place de la Mairie, 48100 Saint-Clair"))
        #expect(commune.dpo == Contact(
            name: "Thomas ROUX", role: "Centre de gestion de la Lozère", email: "dpo@cdg48.fr", phone: "04 66 65 34 50",
            address: "11 boulevard des Capucins, 48000 Mende, France"))
        // "Privacy shield" kept as written, with no safeguard: the check says it is not a valid one.
        let newsletter = try #require(register.activities.last)
        #expect(newsletter.transfers.first?.safeguard == nil)
        #expect(newsletter.transfers.first?.statedSafeguard == "Privacy shield")
        let warnings = imported.notes.filter { $0.severity == .warning }
        #expect(warnings.map(\.reference) == ["Lettre d'information!D59"], "\(warnings)")
        let transfer = try #require(RegisterCheck.findings(in: register).first { $0.code == .art30_1_e_transfer_safeguard })
        #expect(transfer.message.en.contains("'Privacy shield', is not a valid one") && transfer.message.en.contains("C-311/18"))
        #expect(transfer.message.fr.contains("« Privacy shield », n'en est pas une valable"))
        // A category typed with no retention beside it, where the others have one (ART5-1-E-RETENTION-MISSING-FOR-DATA).
        let missing = RegisterCheck.findings(in: register).filter { $0.code == .art5_1_e_retention_missing_for_data }
        #expect(missing.map(\.subject.id) == ["ec-01"])
        #expect(missing.first?.message.en.contains("'Situation matrimoniale'") == true)
        // Each "Sous-traitants" row, bound by no agreement of the register (ART28-3-NO-AGREEMENT).
        let unbound = RegisterCheck.findings(in: register).filter { $0.code == .art28_3_no_agreement }
        #expect(unbound.map(\.subject.id) == ["ec-01", "enf-02", "com-03"])
        #expect(unbound.first?.message.fr.contains("« Éditeur du logiciel d'état civil (hébergement) »") == true)
    }

    @Test("the example is known by its content: renamed, it is still skipped; kept with --keep-example")
    func exampleByContent() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: communeModel)
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        spreadsheet.sheets[index].name = "Paie"
        let skipped = try CNILModelReader.read(spreadsheet, name: "x.ods")
        #expect(!skipped.register.activities.contains { $0.name == "Gestion de la paie" })
        #expect(skipped.notes.contains { $0.reference == "Paie!A1" && $0.message.fr.contains("fiche d'exemple du modèle") })
        let kept = try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true)
        #expect(kept.register.activities.map(\.name).contains("Gestion de la paie"))
        #expect(!kept.notes.contains { $0.reference == "Paie!A1" })
        // Two controllers now: the list's block cannot say whose it is, and says so at each cell.
        #expect(kept.notes.contains { $0.severity == .warning && $0.reference == "2_-_Liste_des_traitements!C1" })
    }

    @Test("a sheet adapted from the example (its name, controller and DPO replaced) is the DPO's own, not the example")
    func adaptedExampleIsImported() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        var sheet = spreadsheet.sheets[index]
        sheet.rows[3][1].text = "Paie des agents"  // B4, the name
        sheet.rows[4][1].text = "RH-1"  // B5, the reference
        sheet.rows[9][1].text = "Commune de Saint-Clair"  // B10, the controller
        sheet.rows[9][7].text = "mairie@saint-clair.fr"
        sheet.rows[10][1].text = "Thomas ROUX"  // B11, the DPO
        sheet.rows[10][7].text = "dpo@cdg48.fr"
        spreadsheet.sheets[index] = sheet
        let imported = try CNILModelReader.read(spreadsheet, name: "x.ods")
        #expect(imported.register.activities.map(\.name) == ["Paie des agents"])
    }

    @Test("a list value the record sheet contradicts is noted at its cell; a block naming another DPO is noted, not placed")
    func listContradicted() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: communeModel)
        let list = try #require(spreadsheet.sheets.firstIndex { $0.name == "2_-_Liste_des_traitements" })
        spreadsheet.sheets[list].rows[9][3] = Spreadsheet.Cell("01/01/2025")  // D10, the update date
        spreadsheet.sheets[list].rows[4][2] = Spreadsheet.Cell("DURAND")  // C5, the DPO's surname
        let imported = try CNILModelReader.read(spreadsheet, name: "x.ods")
        let date = try #require(imported.notes.first { $0.reference == "2_-_Liste_des_traitements!D10" })
        #expect(date.message.en.contains("2024-09-04"))
        #expect(imported.notes.contains { $0.reference == "2_-_Liste_des_traitements!C5" && $0.message.en.contains("Thomas DURAND") })
        #expect(imported.register.organisations.first?.dpo?.name == "Thomas ROUX")
    }

    @Test("the CNIL's file as published holds only the example: nothing to import, said")
    func publishedModel() throws {
        let imported = try CNILModelReader.read(file: cnilModel)
        #expect(imported.register.activities.isEmpty)
        #expect(imported.notes.contains { $0.message.en.contains("nothing to import") })
    }
}
