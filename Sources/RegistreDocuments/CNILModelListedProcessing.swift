import Foundation
import RegistreCore
import RegistreXML

/// A row of the model's list of processings (sheet "2 - Liste des traitements"): a name, a reference, and
/// what the record sheet says again in full (dates, purpose, whether sensitive data are processed).
struct ListedProcessing {
    let sheet: Spreadsheet.Sheet
    let row: Int
    let name: String
    let reference: String?
    /// The list's other columns, by their header.
    let columns: [ListColumn: Int]

    /// The cell of the name, where notes about the row point.
    var at: String { Spreadsheet.reference(sheet: sheet.name, row: row, column: 0) }
}

/// The columns of the list besides the name and reference, found by their header (the CNIL's model puts
/// the purpose in E and "Données sensibles ?" in H, registre's export in E and F).
enum ListColumn: CaseIterable {
    case created, updated, purpose, sensitive, controller

    /// The column a header names, trying the header row, then the row above it (the model's "Finalité du
    /// traitement" and "Données sensibles ?" sit one row higher than the other headers).
    static func columns(of sheet: Spreadsheet.Sheet, header: Int) -> [ListColumn: Int] {
        var columns: [ListColumn: Int] = [:]
        for row in [header, header - 1] where row >= 0 {
            for (index, cell) in sheet.rows[row].enumerated() where index > 1 {
                guard let column = ListColumn(header: LabelKey(cell.text)), columns[column] == nil else { continue }
                columns[column] = index
            }
        }
        return columns
    }

    init?(header: LabelKey) {
        let value = header.value
        if value.hasPrefix("date de creation") { self = .created }
        else if value.hasPrefix("derniere mise a jour") || value.hasPrefix("mise a jour") { self = .updated }
        else if value.hasPrefix("finalite") { self = .purpose }
        else if value.hasPrefix("donnees sensibles") || value == "oui non" { self = .sensitive }
        else if value.hasPrefix("responsable du traitement") { self = .controller }
        else { return nil }
    }
}

extension ModelReading {
    /// Checks a listed processing's cells against its record sheet, which the register keeps: a value the
    /// sheet gives as well is in the register; another is noted at its cell, with what the sheet says.
    mutating func compare(_ entry: ListedProcessing, with activity: ProcessingActivity) {
        let columns = entry.columns
        let sheet = entry.sheet, row = entry.row
        if let column = columns[.created] { compare(date: column, of: entry, with: activity.created, fr: "création", en: "creation") }
        if let column = columns[.updated] { compare(date: column, of: entry, with: activity.lastReviewed, fr: "mise à jour", en: "update") }
        if let column = columns[.purpose], let purpose = checkedValue(sheet, row, column) {
            let purposes = LabelKey(activity.purposes.joined(separator: " ")).value
            if !purposes.contains(LabelKey(purpose).value) {
                note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: column),
                     fr: "finalité « \(purpose) » de la liste absente de la fiche « \(activity.name) » : non placée (les finalités importées sont celles de la fiche)",
                     en: "purpose '\(purpose)' of the list is not on the record sheet of '\(activity.name)': not placed (the purposes imported are the record sheet's)")
            }
        }
        if let column = columns[.sensitive], let said = checkedValue(sheet, row, column) {
            compare(sensitive: said, at: Spreadsheet.reference(sheet: sheet.name, row: row, column: column), with: activity)
        }
        if let column = columns[.controller], let controller = checkedValue(sheet, row, column),
           LabelKey(controller) != LabelKey(register.organisation(activity.controller)?.name ?? activity.controller) {
            note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: column),
                 fr: "responsable « \(controller) » de la liste : la fiche de « \(activity.name) » en nomme un autre, celui de la fiche est gardé",
                 en: "controller '\(controller)' of the list: the record sheet of '\(activity.name)' names another, the record sheet's is kept")
        }
        reportStray(sheet, row, sheet.rows[row], from: 2, known: Set(columns.values))
    }

    mutating func compare(date column: Int, of entry: ListedProcessing, with kept: CalendarDate?, fr: String, en: String) {
        let cell = entry.sheet.cell(row: entry.row, column: column)
        guard let text = checkedValue(entry.sheet, entry.row, column) else { return }
        let date = cell.date.flatMap(CalendarDate.init(iso:)) ?? Self.dayMonthYear(text)
        guard date == nil || date != kept else { return }
        note(.warning, Spreadsheet.reference(sheet: entry.sheet.name, row: entry.row, column: column),
             fr: "date de \(fr) « \(text) » de la liste : la fiche dit « \(kept?.iso ?? "rien") », celle de la fiche est gardée",
             en: "\(en) date '\(text)' of the list: the record sheet says '\(kept?.iso ?? "nothing")', the record sheet's is kept")
    }

    mutating func compare(sensitive said: String, at reference: String, with activity: ProcessingActivity) {
        let declared = !activity.specialCategories.isEmpty || activity.criminalOffenceData != nil
        let answer = LabelKey(said).value
        guard answer == "oui" || answer == "non" else {
            note(.warning, reference, fr: "« \(said) » : attendu « Oui » ou « Non » ; non lu", en: "'\(said)': expected 'Oui' or 'Non'; not read")
            return
        }
        guard (answer == "oui") != declared else { return }
        note(.warning, reference,
             fr: "la liste dit « \(said) » pour les données sensibles de « \(activity.name) », la fiche en déclare \(declared ? "" : "aucune ")(art. 9, 10) : la fiche est gardée",
             en: "the list says '\(said)' for the sensitive data of '\(activity.name)', the record sheet declares \(declared ? "some" : "none") (Art. 9, 10): the record sheet is kept")
    }

    /// DD/MM/YYYY or YYYY-MM-DD typed as text, nil for anything else (the list's dates only repeat the
    /// record sheet's: one that is no date is noted, not an error).
    static func dayMonthYear(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDate(year: parts[2] < 100 ? 2000 + parts[2] : parts[2], month: parts[1], day: parts[0])
    }
}
