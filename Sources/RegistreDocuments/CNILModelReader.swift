import Foundation
import RegistreCore
public import RegistreXML

/// Reads a register kept in the CNIL's register model (`registre-traitement-simplifie.ods`): each record
/// sheet (sheet 3 of the model, copied once per processing and renamed) becomes an activity, its
/// controller, DPO, representative and joint controllers organisations.
///
/// Sheets are recognised by their content, not their names; rows by their label in column A and columns
/// by their header, whatever their case, accents, spacing and order. Nothing is dropped silently: a sheet,
/// row or column the model does not have is noted with its cell. What the model leaves empty is left
/// empty, for `registre check` to find (a missing legal basis is a finding, not a reading error).
///
/// Then the register goes through the same reader as registre's XML (schema and identity checks), so
/// that a value from a spreadsheet is held to the same rules as one from XML.
public enum CNILModelReader {
    /// Reads the spreadsheet at `path`.
    /// - Throws: `RegisterReadError` when the file is not an OpenDocument spreadsheet within the reader's
    /// limits, or gives a register the XML reader refuses.
    public static func read(file path: String) throws(RegisterReadError) -> ImportedRegister {
        try read(try spreadsheet(file: path), name: path)
    }

    /// The sheets and cells of an OpenDocument spreadsheet, read within the limits of `SpreadsheetReader`.
    public static func spreadsheet(file path: String) throws(RegisterReadError) -> Spreadsheet {
        try SpreadsheetReader().read(content: try OpenDocumentPackage.spreadsheetContent(of: path), name: path)
    }

    /// Reads a spreadsheet already opened; `name` is what notes and diagnostics call it.
    /// - Throws: `RegisterReadError` when the register it gives is refused by the XML reader.
    public static func read(_ spreadsheet: Spreadsheet, name: String) throws(RegisterReadError) -> ImportedRegister {
        var reading = ModelReading()
        for sheet in spreadsheet.sheets { reading.read(sheet) }
        reading.checkListed()
        if reading.register.activities.isEmpty {
            reading.note(.warning, "\(spreadsheet.sheets.first?.name ?? "?")!A1",
                         fr: "aucune fiche de registre remplie dans ce classeur : rien à importer",
                         en: "no filled-in record sheet in this spreadsheet: nothing to import")
        }
        var register = reading.register
        register.title = reading.title
        return try ImportedRegister.checked(register, notes: reading.notes, name: name)
    }
}

/// The model's labels as the reading compares them, folded once.
private enum Keys {
    static let controller = LabelKey(CNILModel.controller)
    static let created = LabelKey(CNILModel.created)
    static let dataSubjectRow = LabelKey(CNILModel.dataSubjectRow)
    static let dpo = LabelKey(CNILModel.dpo)
    static let dpoCompany = LabelKey(CNILModel.dpoCompany)
    static let mainPurpose = LabelKey(CNILModel.mainPurpose)
    static let name = LabelKey(CNILModel.name)
    static let otherCategory = LabelKey(CNILModel.otherCategory)
    static let otherRetention = LabelKey(CNILModel.otherRetention)
    static let privacyShield = LabelKey(CNILModel.privacyShield)
    static let recipientRow = LabelKey(CNILModel.recipientRow)
    static let reference = LabelKey(CNILModel.reference)
    static let representative = LabelKey(CNILModel.representative)
    static let securityRow = LabelKey(CNILModel.securityRow)
    static let subPurpose = LabelKey(CNILModel.subPurpose)
    static let transferRow = LabelKey(CNILModel.transferRow)
    static let updated = LabelKey(CNILModel.updated)
    static let createdSheet = LabelKey("Date de création de la fiche")
    static let lastUpdate = LabelKey("Dernière mise à jour")
    static let dpoCompanyShort = LabelKey("Société du DPO")
    static let responsible = LabelKey("Responsable")
    static let registerTitle = LabelKey("Registre des activités de traitement")
    static let nom = LabelKey("Nom")
    static let adresse = LabelKey("Adresse")
    static let postcode = LabelKey("Code Postal")
    static let ville = LabelKey("Ville")
    static let pays = LabelKey("Pays")
    static let telephone = LabelKey("Téléphone")
    static let email = LabelKey("Adresse mél")
    static let placeholder = LabelKey(CNILModel.placeholder)
    static let sections = ModelReading.sections.map { (key: LabelKey($0.label), label: $0.label, section: $0.section, columns: $0.columns.map(LabelKey.init)) }
    /// Every column header of the model, folded once.
    static let columns = Dictionary(
        (CNILModel.actorColumns + CNILModel.categoryColumns + CNILModel.detailColumns + CNILModel.recipientColumns
            + CNILModel.securityColumns + CNILModel.transferColumns).map { ($0, LabelKey($0)) },
        uniquingKeysWith: { first, _ in first })
    static func column(_ label: String) -> LabelKey { columns[label] ?? LabelKey(label) }
    static let processorColumns = CNILModel.processorColumns.map(LabelKey.init)
    static let categoryRows = CNILModel.categoryRows.map { (key: LabelKey($0.label), label: $0.label, code: $0.code) }
    static let sensitiveRows = CNILModel.sensitiveRows.map { (key: LabelKey($0.label), label: $0.label, category: $0.category) }
    static let recipientKinds = CNILModel.recipientKinds.map { (key: LabelKey($0.label), kind: $0.kind) }
    static let securityKinds = CNILModel.securityKinds.map { (key: LabelKey($0.label), kind: $0.kind) }
    static let safeguards = CNILModel.safeguards.map { (key: LabelKey($0.label), safeguard: $0.safeguard) }
    static let countries = Dictionary(CNILModel.countries.map { (LabelKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
}

/// The pass over the sheets.
private struct ModelReading {
    var register = Register()
    var notes: [ImportNote] = []
    var title: String?
    var activityIDs: Set<EntityID> = []

    mutating func note(_ severity: ImportNote.Severity, _ reference: String, fr: String, en: String) {
        notes.append(ImportNote(severity, at: reference, LocalizedText(fr: fr, en: en)))
    }


    /// What a sheet is, from what it holds.
    enum Kind { case list, record, processors, help, unknown }

    func kind(of sheet: Spreadsheet.Sheet) -> Kind {
        let nameKey = LabelKey(sheet.name.replacingOccurrences(of: "_", with: " ")).value
        if nameKey.contains("tutoriel") || nameKey.hasSuffix("listes") { return .help }
        let firstColumn = sheet.rows.map { LabelKey($0.first?.text ?? "") }
        let name = Keys.name, reference = Keys.reference
        for (row, first) in zip(sheet.rows, firstColumn) where row.count > 1 {
            if first == name, LabelKey(row[1].text) == reference { return .list }
            if first == Keys.processorColumns[0], LabelKey(row[1].text) == Keys.processorColumns[1] { return .processors }
        }
        if firstColumn.contains(name) && firstColumn.contains(reference) { return .record }
        return .unknown
    }

    mutating func read(_ sheet: Spreadsheet.Sheet) {
        switch kind(of: sheet) {
        case .help:
            break
        case .list:
            readList(sheet)
        case .record:
            readRecord(sheet)
        case .processors:
            note(.warning, "\(sheet.name)!A1",
                 fr: "les registres du sous-traitant (art. 30(2)) ne sont pas relus depuis un tableur : importez-les en XML",
                 en: "processors' records (Art. 30(2)) are not read back from a spreadsheet: import them as XML")
        case .unknown:
            if sheet.rows.contains(where: { $0.contains { !$0.isEmpty } }) {
                note(.warning, "\(sheet.name)!A1",
                     fr: "feuille inconnue du modèle de la CNIL (ni liste des traitements ni fiche de registre) : non lue",
                     en: "sheet unknown to the CNIL model (neither the list of processings nor a record sheet): not read")
            }
        }
    }

    // MARK: Values

    /// A cell's value as the register takes it: trimmed, with the model's placeholders read as empty.
    func value(_ sheet: Spreadsheet.Sheet, _ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let cell = sheet.cell(row: row, column: column)
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        // Folding is costly: only texts that could be a placeholder ("Sélectionnez…", "N/A") are folded.
        if text.count <= 4 || text.first == "S" || text.first == "s" {
            let key = LabelKey(text)
            if key == Keys.placeholder || key.value == "n a" || key.value == "na" { return nil }
        }
        return text
    }

    /// A row that names a kind from one of the model's lists and gives details: the kind (or `otherwise`,
    /// with a warning at the cell when the text is not in the list) and the text to keep (the details, or
    /// the kind's own words); nil for an empty row.
    mutating func kindAndDetail<Kind>(
        _ sheet: Spreadsheet.Sheet, _ row: Int, _ kindColumn: Int?, _ detailColumn: Int?,
        in list: [(key: LabelKey, kind: Kind)], otherwise: Kind, fr: (what: String, readAs: String), en: (what: String, readAs: String)
    ) -> (kind: Kind, text: String)? {
        let kindText = checkedValue(sheet, row, kindColumn), detail = checkedValue(sheet, row, detailColumn)
        guard let text = detail ?? kindText else { return nil }
        let kind = kindText.flatMap { text in list.first { $0.key.matches(LabelKey(text)) }?.kind }
        if let kindText, kind == nil, let kindColumn {
            note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: kindColumn),
                 fr: "\(fr.what) « \(kindText) » inconnu de la liste du modèle : lu comme \(fr.readAs)",
                 en: "\(en.what) '\(kindText)' is not in the model's list: read as \(en.readAs)")
        }
        return (kind ?? otherwise, text)
    }

    mutating func checkedValue(_ sheet: Spreadsheet.Sheet, _ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        if let formula = sheet.cell(row: row, column: column).formula {
            note(.error, Spreadsheet.reference(sheet: sheet.name, row: row, column: column),
                 fr: "formule (\(formula)) : registre ne calcule pas les formules ; remplacez-la par sa valeur",
                 en: "formula (\(formula)): registre does not evaluate formulas; replace it with its value")
            return nil
        }
        return value(sheet, row, column)
    }

    mutating func date(_ sheet: Spreadsheet.Sheet, _ row: Int, _ column: Int) -> CalendarDate? {
        let cell = sheet.cell(row: row, column: column)
        if let iso = cell.date, let date = CalendarDate(iso: iso) { return date }
        guard let text = checkedValue(sheet, row, column) else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        if parts.count == 3, let date = CalendarDate(year: parts[2] < 100 ? 2000 + parts[2] : parts[2], month: parts[1], day: parts[0]) {
            return date
        }
        note(.error, Spreadsheet.reference(sheet: sheet.name, row: row, column: column),
             fr: "« \(text) » n'est pas une date (attendu : JJ/MM/AAAA, AAAA-MM-JJ ou une cellule de type date)",
             en: "'\(text)' is not a date (expected DD/MM/YYYY, YYYY-MM-DD or a date cell)")
        return nil
    }

    /// An id as registre's XML accepts it, from a reference or a name: "1 - Exemple" is `1-exemple`.
    static func identifier(_ text: String) -> String {
        String(LabelKey(text).value.split(separator: " ").joined(separator: "-").prefix(128))
    }

    // MARK: The list of processings

    mutating func readList(_ sheet: Spreadsheet.Sheet) {
        // The organisation block above the list, and the list itself, are what the record sheets say
        // again in full: the list is read only to find processings that have no record sheet.
        guard let header = sheet.rows.firstIndex(where: { $0.count > 1 && LabelKey($0[0].text) == Keys.name }) else { return }
        if let first = sheet.rows.first, first.count > 1, LabelKey(first[0].text) == Keys.registerTitle {
            title = value(sheet, 0, 1)
        }
        for row in sheet.rows.indices where row > header {
            if let name = value(sheet, row, 0) {
                listed.append((name: name, reference: value(sheet, row, 1), at: Spreadsheet.reference(sheet: sheet.name, row: row, column: 0)))
            }
        }
    }

    var listed: [(name: String, reference: String?, at: String)] = []

    /// A processing in the list without a record sheet is said, not invented: the list holds too little
    /// of it (no controller, no categories) to make an activity.
    mutating func checkListed() {
        let ids = Set(register.activities.map(\.id))
        let names = Set(register.activities.map { LabelKey($0.name) })
        for entry in listed {
            guard !ids.contains(Self.identifier(entry.reference ?? entry.name)), !names.contains(LabelKey(entry.name)) else { continue }
            note(.warning, entry.at,
                 fr: "« \(entry.name) » figure dans la liste des traitements sans fiche de registre : non importé",
                 en: "'\(entry.name)' is in the list of processings but has no record sheet: not imported")
        }
    }

    // MARK: A record sheet

    enum Section {
        case description, actors, purposes, categories, sensitive, subjects, recipients, security, transfers
    }

    static let sections: [(label: String, section: Section, columns: [String])] = [
        (CNILModel.description, .description, []),
        (CNILModel.actors, .actors, CNILModel.actorColumns),
        (CNILModel.purposes, .purposes, []),
        (CNILModel.dataCategories, .categories, CNILModel.categoryColumns),
        (CNILModel.sensitiveData, .sensitive, CNILModel.categoryColumns),
        (CNILModel.dataSubjects, .subjects, CNILModel.detailColumns),
        (CNILModel.recipients, .recipients, CNILModel.recipientColumns),
        (CNILModel.securityMeasures, .security, CNILModel.securityColumns),
        (CNILModel.transfers, .transfers, CNILModel.transferColumns),
    ]

    /// Cells of the model that are not data: its help links, titles and instructions.
    static func isFurniture(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("►") || (trimmed.first == "C" && LabelKey(trimmed).value.hasPrefix("consulter les guides"))
    }

    mutating func readRecord(_ sheet: Spreadsheet.Sheet) {
        var section: Section?
        var columns: [String: Int] = [:]  // LabelKey value → column index
        var activityName: String?, reference: String?, created: CalendarDate?, updated: CalendarDate?
        var controller: Organisation?, dpo: Contact?, dpoCompany: String?, representative: Contact?
        var joint: [Organisation] = []
        var purposes: [String] = []
        var categories: [Category] = [], retention: [RetentionPeriod] = [], special: [SpecialCategoryData] = []
        var criminal: CriminalOffenceData?
        var subjects: [Category] = [], recipients: [Recipient] = [], measures: [SecurityMeasure] = [], transfers: [Transfer] = []
        var filled = false
        var started = false

        func column(_ label: String) -> Int? { columns[Keys.column(label).value] }

        for (row, cells) in sheet.rows.enumerated() {
            guard let labelText = value(sheet, row, 0) else {
                if started { reportStray(sheet, row, cells, from: 1, known: []) }
                continue
            }
            let label = LabelKey(labelText)
            if let header = Keys.sections.first(where: { label.matches($0.key) }) {
                started = true
                section = header.section
                columns = [:]
                let known = Set(header.columns.map(\.value))
                for (index, cell) in cells.enumerated() where index > 0 && !cell.isEmpty && !Self.isFurniture(cell.text) {
                    let key = LabelKey(cell.text).value
                    if known.contains(key) {
                        columns[key] = index
                    } else {
                        note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: index),
                             fr: "colonne « \(cell.text) » inconnue du modèle dans la section « \(header.label) » : non lue",
                             en: "column '\(cell.text)' is not in the model's section '\(header.label)': not read")
                    }
                }
                // The model's own column positions when a header is missing (the description and purposes
                // sections have none).
                for (offset, key) in header.columns.enumerated() where columns[key.value] == nil {
                    columns[key.value] = Self.defaultColumn(header.section, offset)
                }
                continue
            }
            guard started, let section else { continue }  // the sheet's title and instructions
            var used: Set<Int> = [1]
            switch section {
            case .description:
                if label == Keys.name {
                    activityName = checkedValue(sheet, row, 1)
                } else if label == Keys.reference {
                    reference = checkedValue(sheet, row, 1)
                } else if label == Keys.created || label == Keys.createdSheet {
                    created = date(sheet, row, 1)
                } else if label == Keys.updated || label.begins(with: Keys.lastUpdate) {
                    updated = date(sheet, row, 1)
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .actors:
                used = Set(columns.values)
                let name = checkedValue(sheet, row, column("Nom"))
                let street = checkedValue(sheet, row, column("Adresse"))
                let town = [checkedValue(sheet, row, column("Code Postal")), checkedValue(sheet, row, column("Ville"))].compactMap { $0 }.joined(separator: " ")
                let address = [street, town.isEmpty ? nil : town].compactMap { $0 }.joined(separator: ", ")
                let country = checkedValue(sheet, row, column("Pays"))
                let phone = checkedValue(sheet, row, column("Téléphone"))
                let email = checkedValue(sheet, row, column("Adresse mél"))
                let contact = name.map { Contact(name: $0, email: email, phone: phone, address: address.isEmpty ? nil : address) }
                if label == Keys.controller {
                    controller = name.map {
                        Organisation(id: Self.identifier($0), name: $0, address: address.isEmpty ? nil : address,
                                     country: countryCode(country, sheet, row, column("Pays"), required: false),
                                     email: email, phone: phone)
                    }
                } else if label == Keys.dpo {
                    dpo = contact
                } else if label.matches(Keys.dpoCompany) || label.begins(with: Keys.dpoCompanyShort) {
                    dpoCompany = name
                } else if label == Keys.representative {
                    representative = contact
                } else if label.begins(with: Keys.responsible) && label.value.contains("conjoint") {
                    if let name {
                        joint.append(Organisation(id: Self.identifier(name), name: name, address: address.isEmpty ? nil : address,
                                                  country: countryCode(country, sheet, row, column("Pays"), required: false),
                                                  email: email, phone: phone))
                    }
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .purposes:
                if label == Keys.mainPurpose || label.begins(with: Keys.subPurpose) {
                    if let purpose = checkedValue(sheet, row, 1) { purposes.append(purpose) }
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .categories:
                let descriptionColumn = column("Description"), retentionColumn = column("Durée de conservation")
                used = [descriptionColumn, retentionColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                let description = checkedValue(sheet, row, descriptionColumn)
                let kept = checkedValue(sheet, row, retentionColumn)
                if label.matches(Keys.otherRetention) {
                    if let kept { retention.append(CNILModel.retention(kept, data: description)) }
                } else if let model = Keys.categoryRows.first(where: { label.matches($0.key) }) {
                    if description != nil || kept != nil {
                        let category = Category(description ?? model.label, code: model.code)
                        categories.append(category)
                        if let kept { retention.append(CNILModel.retention(kept, data: category.label)) }
                    }
                } else if label.matches(Keys.otherCategory) || description != nil {
                    // A row a DPO added: its label is the category when it has no description.
                    let category = Category(description ?? labelText)
                    categories.append(category)
                    if let kept { retention.append(CNILModel.retention(kept, data: category.label)) }
                    if !label.matches(Keys.otherCategory) {
                        note(.info, Spreadsheet.reference(sheet: sheet.name, row: row, column: 0),
                             fr: "ligne ajoutée « \(labelText) » lue comme une catégorie de données",
                             en: "added row '\(labelText)' read as a data category")
                    }
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .sensitive:
                let descriptionColumn = column("Description"), retentionColumn = column("Durée de conservation")
                used = [descriptionColumn, retentionColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                let description = checkedValue(sheet, row, descriptionColumn)
                let kept = checkedValue(sheet, row, retentionColumn)
                if label.matches(Keys.otherRetention) {
                    if let kept { retention.append(CNILModel.retention(kept, data: description)) }
                } else if let model = Keys.sensitiveRows.first(where: { label.matches($0.key) }) {
                    guard description != nil || kept != nil else { break }
                    let detail = description ?? model.label
                    if let category = model.category {
                        special.append(SpecialCategoryData(category, detail: detail == model.label ? nil : detail))
                    } else {
                        criminal = CriminalOffenceData(description: detail)
                    }
                    if let kept { retention.append(CNILModel.retention(kept, data: detail)) }
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .subjects:
                let kindColumn = column("Description"), detailColumn = column("Précisions")
                used = [kindColumn, detailColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                if label.begins(with: Keys.dataSubjectRow) {
                    let kind = checkedValue(sheet, row, kindColumn), detail = checkedValue(sheet, row, detailColumn)
                    if let text = [kind, detail].compactMap({ $0 }).joined(separator: " — ").nonEmpty { subjects.append(Category(text)) }
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .recipients:
                let kindColumn = column("Type de destinataire"), detailColumn = column("Précisions")
                used = [kindColumn, detailColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                if label.begins(with: Keys.recipientRow) {
                    guard let read = kindAndDetail(sheet, row, kindColumn, detailColumn, in: Keys.recipientKinds, otherwise: .external,
                                                   fr: ("type de destinataire", "organisme externe"),
                                                   en: ("recipient type", "an external organisation"))
                    else { break }
                    recipients.append(Recipient(read.text, kind: read.kind))
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .security:
                let kindColumn = column("Type de mesure de sécurité"), detailColumn = column("Précisions")
                used = [kindColumn, detailColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                if label.begins(with: Keys.securityRow) {
                    guard let read = kindAndDetail(sheet, row, kindColumn, detailColumn, in: Keys.securityKinds, otherwise: .other,
                                                   fr: ("type de mesure", "« Autres mesures »"),
                                                   en: ("measure type", "'other measures'"))
                    else { break }
                    measures.append(SecurityMeasure(read.kind, read.text))
                } else {
                    unknownRow(sheet, row, labelText)
                }
            case .transfers:
                let recipientColumn = column("Destinataire"), countryColumn = column("Pays")
                let safeguardColumn = column("Type de Garanties"), documentationColumn = column("Liens vers la documentation")
                used = [recipientColumn, countryColumn, safeguardColumn, documentationColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                if label.begins(with: Keys.transferRow) {
                    let recipient = checkedValue(sheet, row, recipientColumn)
                    let country = checkedValue(sheet, row, countryColumn)
                    let safeguardText = checkedValue(sheet, row, safeguardColumn)
                    let documentation = checkedValue(sheet, row, documentationColumn)
                    guard recipient != nil || country != nil || safeguardText != nil || documentation != nil else { break }
                    var safeguard: Transfer.Safeguard?
                    if let safeguardText, let safeguardColumn {
                        safeguard = Keys.safeguards.first { $0.key.matches(LabelKey(safeguardText)) }?.safeguard
                        if LabelKey(safeguardText) == Keys.privacyShield {
                            note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: safeguardColumn),
                                 fr: "« Privacy Shield » a été invalidé par la CJUE (arrêt C-311/18 du 16 juillet 2020) : transfert lu sans garantie (art. 44)",
                                 en: "'Privacy Shield' was invalidated by the CJEU (C-311/18, 16 July 2020): transfer read with no safeguard (Art. 44)")
                        } else if safeguard == nil {
                            note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: safeguardColumn),
                                 fr: "garantie « \(safeguardText) » inconnue de la liste du modèle : transfert lu sans garantie",
                                 en: "safeguard '\(safeguardText)' is not in the model's list: transfer read with no safeguard")
                        }
                    }
                    let code = countryCode(country, sheet, row, countryColumn, required: true)
                    transfers.append(Transfer(
                        recipient: recipient ?? "", destination: .country(code ?? ""), safeguard: safeguard, documentation: documentation
                    ))
                } else {
                    unknownRow(sheet, row, labelText)
                }
            }
            filled = filled || cells.enumerated().contains { index, cell in
                index > 0 && !cell.isEmpty && !Self.isFurniture(cell.text) && value(sheet, row, index) != nil
                    && !(section == .description && label == Keys.reference)
            }
            reportStray(sheet, row, cells, from: 1, known: used)
        }

        guard let activityName else {
            if filled {
                note(.error, "\(sheet.name)!B1",
                     fr: "fiche remplie sans « \(CNILModel.name) » : le nom du traitement est attendu (art. 30(1)(b))",
                     en: "record sheet filled in without '\(CNILModel.name)': the processing's name is expected (Art. 30(1)(b))")
            } else {
                note(.info, "\(sheet.name)!A1", fr: "fiche de registre vide : ignorée", en: "empty record sheet: skipped")
            }
            return
        }
        guard var controller else {
            note(.error, "\(sheet.name)!B1",
                 fr: "« \(activityName) » : le nom du « \(CNILModel.controller) » (section Acteurs) est attendu (art. 30(1)(a))",
                 en: "'\(activityName)': the name of the '\(CNILModel.controller)' (Actors section) is expected (Art. 30(1)(a))")
            return
        }
        if var dpo {
            dpo.role = dpoCompany
            controller.dpo = dpo
        }
        controller.euRepresentative = representative
        merge(controller)
        joint.forEach { merge($0) }
        let id = Self.identifier(reference ?? activityName)
        guard activityIDs.insert(id).inserted else {
            note(.error, "\(sheet.name)!B1",
                 fr: "la référence « \(reference ?? activityName) » est déjà celle d'une autre fiche : chaque traitement a la sienne",
                 en: "reference '\(reference ?? activityName)' is already another record sheet's: each processing needs its own")
            return
        }
        register.activities.append(ProcessingActivity(
            id: id, name: activityName, created: created, lastReviewed: updated, controller: controller.id,
            jointControllers: joint.map { .init(organisation: $0.id) }, purposes: purposes, specialCategories: special,
            criminalOffenceData: criminal, dataSubjects: subjects, dataCategories: categories, recipients: recipients,
            transfers: transfers, retention: retention, securityMeasures: measures
        ))
    }

    /// Where the model puts a section's columns, for a sheet whose header row lost a label.
    static func defaultColumn(_ section: Section, _ offset: Int) -> Int {
        switch section {
        case .actors: offset + 1
        case .transfers: [1, 2, 3, 5][offset]
        default: [1, 4][offset]
        }
    }

    /// Adds an organisation, or completes the one of the same id with what it lacks.
    mutating func merge(_ organisation: Organisation) {
        guard let index = register.organisations.firstIndex(where: { $0.id == organisation.id }) else {
            register.organisations.append(organisation)
            return
        }
        var known = register.organisations[index]
        known.address = known.address ?? organisation.address
        known.country = known.country ?? organisation.country
        known.email = known.email ?? organisation.email
        known.phone = known.phone ?? organisation.phone
        known.dpo = known.dpo ?? organisation.dpo
        known.euRepresentative = known.euRepresentative ?? organisation.euRepresentative
        register.organisations[index] = known
    }

    mutating func countryCode(_ text: String?, _ sheet: Spreadsheet.Sheet, _ row: Int, _ column: Int?, required: Bool) -> String? {
        guard let text else { return nil }
        if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { return text.uppercased() }
        let key = LabelKey(text)
        if let code = Keys.countries[key] { return code }
        note(required ? .error : .warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: column ?? 0),
             fr: "pays « \(text) » inconnu : attendu un code ISO 3166 (US, CH…) ou un nom de la liste du modèle",
             en: "unknown country '\(text)': expected an ISO 3166 code (US, CH…) or a name from the model's list")
        return nil
    }

    mutating func unknownRow(_ sheet: Spreadsheet.Sheet, _ row: Int, _ label: String) {
        note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: 0),
             fr: "ligne « \(label) » inconnue du modèle à cet endroit : non lue",
             en: "row '\(label)' is not in the model at this place: not read")
    }

    /// Cells with content outside the columns the section reads.
    mutating func reportStray(_ sheet: Spreadsheet.Sheet, _ row: Int, _ cells: [Spreadsheet.Cell], from first: Int, known: Set<Int>) {
        for (index, cell) in cells.enumerated() where index >= first && !known.contains(index) && !cell.isEmpty {
            if Self.isFurniture(cell.text) || value(sheet, row, index) == nil { continue }
            note(.warning, Spreadsheet.reference(sheet: sheet.name, row: row, column: index),
                 fr: "valeur « \(cell.text.prefix(40)) » hors des colonnes du modèle : non lue",
                 en: "value '\(cell.text.prefix(40))' outside the model's columns: not read")
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
