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
    /// Reads the spreadsheet at `path`; the model's own example sheet is skipped with a note unless
    /// `keepExample`.
    /// - Throws: `RegisterReadError` when the file is not an OpenDocument spreadsheet within the reader's
    /// limits, or gives a register the XML reader refuses.
    public static func read(file path: String, keepExample: Bool = false) throws(RegisterReadError) -> ImportedRegister {
        try read(try spreadsheet(file: path), name: path, keepExample: keepExample)
    }

    /// The sheets and cells of an OpenDocument spreadsheet, read within the limits of `SpreadsheetReader`.
    public static func spreadsheet(file path: String) throws(RegisterReadError) -> Spreadsheet {
        try SpreadsheetReader().read(content: try OpenDocumentPackage.spreadsheetContent(of: path), name: path)
    }

    /// Reads a spreadsheet already opened; `name` is what notes and diagnostics call it. The model's own
    /// example sheet (the fictitious payroll processing, known by its content whatever its tab is called)
    /// is skipped with a note, unless `keepExample`.
    /// - Throws: `RegisterReadError` when the register it gives is refused by the XML reader.
    public static func read(_ spreadsheet: Spreadsheet, name: String, keepExample: Bool = false) throws(RegisterReadError) -> ImportedRegister {
        var reading = ModelReading(keepExample: keepExample)
        for sheet in spreadsheet.sheets { reading.read(sheet) }
        reading.checkListed()
        reading.placeListBlock()
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
enum Keys {
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
    static let placeholder = LabelKey(CNILModel.placeholder)
    static let sections = ModelReading.sections.map {
        ModelReading.SectionHeader(key: LabelKey($0.label), label: $0.label, section: $0.section, columns: $0.columns.map(LabelKey.init))
    }
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
struct ModelReading {
    /// Whether the model's own example sheet is imported as an activity.
    let keepExample: Bool
    var register = Register()
    var notes: [ImportNote] = []
    var title: String?
    var activityIDs: Set<EntityID> = []
    /// The block of contact details above the list of processings.
    var listBlock = ListBlock()
    /// The names and references of the example sheets skipped, for the list's row of the example.
    var skippedExamples: [String] = []

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
        // The list is read to find processings that have no record sheet, and its other cells checked
        // against the record sheets, which say the same in full; the block above it gives the contact
        // details of the controller's responsible person and DPO.
        guard let header = sheet.rows.firstIndex(where: { $0.count > 1 && LabelKey($0[0].text) == Keys.name }) else { return }
        if let first = sheet.rows.first, first.count > 1, LabelKey(first[0].text) == Keys.registerTitle {
            title = value(sheet, 0, 1)
        } else {
            readListBlock(sheet, above: header)
        }
        let columns = ListColumn.columns(of: sheet, header: header)
        for row in sheet.rows.indices where row > header {
            if let name = value(sheet, row, 0) {
                listed.append(ListedProcessing(sheet: sheet, row: row, name: name, reference: value(sheet, row, 1), columns: columns))
            } else {
                reportStray(sheet, row, sheet.rows[row], from: 1, known: [])
            }
        }
    }

    var listed: [ListedProcessing] = []

    /// A processing in the list without a record sheet is said, not invented: the list holds too little
    /// of it (no controller, no categories) to make an activity. One with a record sheet has its other
    /// cells checked against it.
    mutating func checkListed() {
        for entry in listed {
            let id = Self.identifier(entry.reference ?? entry.name), name = LabelKey(entry.name)
            // By reference first: several record sheets may share a name (one per member of a structure).
            if let activity = register.activities.first(where: { $0.id == id }) ?? register.activities.first(where: { LabelKey($0.name) == name }) {
                compare(entry, with: activity)
            } else if skippedExamples.contains(where: { Self.identifier($0) == id || Self.isExampleRow(entry.name, $0) }) {
                note(.info, entry.at,
                     fr: "« \(entry.name) » : la ligne de l'exemple du modèle, ignorée avec sa fiche",
                     en: "'\(entry.name)': the model's example row, skipped with its record sheet")
            } else {
                note(.warning, entry.at,
                     fr: "« \(entry.name) » figure dans la liste des traitements sans fiche de registre : non importé",
                     en: "'\(entry.name)' is in the list of processings but has no record sheet: not imported")
            }
        }
    }

    /// "(EXEMPLE) Gestion de la paie" is the list's row of the example sheet named "Gestion de la paie".
    static func isExampleRow(_ listed: String, _ example: String) -> Bool {
        let key = LabelKey(listed).value
        return key.hasPrefix("exemple ") && key.hasSuffix(LabelKey(example).value)
    }

    // MARK: A record sheet

    enum Section {
        case description, actors, purposes, categories, sensitive, subjects, recipients, security, transfers
    }

    /// A section's header row as the reading recognises it: its label and the columns it names.
    struct SectionHeader {
        let key: LabelKey
        let label: String
        let section: Section
        let columns: [LabelKey]
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

    /// Reads a record sheet section by section: a section's header row names the columns its rows are
    /// read in, and each row goes to the function of its section.
    mutating func readRecord(_ sheet: Spreadsheet.Sheet) {
        var record = RecordDraft()
        var section: (kind: Section, columns: [String: Int])?
        for (index, cells) in sheet.rows.enumerated() {
            guard let labelText = value(sheet, index, 0) else {
                if section != nil { reportStray(sheet, index, cells, from: 1, known: []) }
                continue
            }
            let label = LabelKey(labelText)
            if let header = Keys.sections.first(where: { label.matches($0.key) }) {
                section = (header.section, columns(of: header, sheet, index, cells))
                continue
            }
            guard let section else { continue }  // the sheet's title and instructions
            let row = RecordRow(sheet: sheet, index: index, cells: cells, text: labelText, label: label, columns: section.columns)
            let used = read(row, in: section.kind, into: &record)
            record.filled = record.filled || fills(row, in: section.kind)
            reportStray(sheet, index, cells, from: 1, known: used)
        }
        add(record, from: sheet)
    }

    /// The columns a section's header row names (LabelKey value → column index), with a warning for a
    /// header the model does not have there.
    mutating func columns(of header: SectionHeader, _ sheet: Spreadsheet.Sheet, _ row: Int, _ cells: [Spreadsheet.Cell]) -> [String: Int] {
        var columns: [String: Int] = [:]
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
        return columns
    }

    /// Reads one row of a section into the record; returns the columns the section reads, so that a value
    /// elsewhere in the row is reported as stray.
    mutating func read(_ row: RecordRow, in section: Section, into record: inout RecordDraft) -> Set<Int> {
        switch section {
        case .description: readDescription(row, into: &record)
        case .actors: readActor(row, into: &record)
        case .purposes: readPurpose(row, into: &record)
        case .categories: readCategory(row, into: &record)
        case .sensitive: readSensitiveData(row, into: &record)
        case .subjects: readDataSubjects(row, into: &record)
        case .recipients: readRecipient(row, into: &record)
        case .security: readSecurityMeasure(row, into: &record)
        case .transfers: readTransfer(row, into: &record)
        }
    }

    /// Whether a row gives the record a value: a sheet with none is an empty copy of the model, skipped.
    /// The reference alone does not count.
    func fills(_ row: RecordRow, in section: Section) -> Bool {
        row.cells.enumerated().contains { index, cell in
            index > 0 && !cell.isEmpty && !Self.isFurniture(cell.text) && value(row.sheet, row.index, index) != nil
                && !(section == .description && row.label == Keys.reference)
        }
    }

    // MARK: The sections of a record sheet

    mutating func readDescription(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let label = row.label
        if label == Keys.name {
            record.activityName = checkedValue(row.sheet, row.index, 1)
        } else if label == Keys.reference {
            record.reference = checkedValue(row.sheet, row.index, 1)
        } else if label == Keys.created || label == Keys.createdSheet {
            record.created = date(row.sheet, row.index, 1)
        } else if label == Keys.updated || label.begins(with: Keys.lastUpdate) {
            record.updated = date(row.sheet, row.index, 1)
        } else {
            unknownRow(row)
        }
        return [1]
    }

    mutating func readActor(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let actor = actorCells(row)
        let label = row.label
        if label == Keys.controller {
            record.controller = organisation(actor, row)
        } else if label == Keys.dpo {
            record.dpo = actor.contact
        } else if label.matches(Keys.dpoCompany) || label.begins(with: Keys.dpoCompanyShort) {
            record.dpoCompany = actor.name
        } else if label == Keys.representative {
            record.representative = actor.contact
        } else if label.begins(with: Keys.responsible) && label.value.contains("conjoint") {
            if let joint = organisation(actor, row) { record.joint.append(joint) }
        } else {
            unknownRow(row)
        }
        return Set(row.columns.values)
    }

    /// An actor's row as the model lays it out: a name and its contact details.
    struct ActorCells {
        var name: String?, address: String?, country: String?, phone: String?, email: String?

        /// A person's details: registre keeps no country for a contact, so the country ends the address.
        var contact: Contact? {
            name.map { Contact(name: $0, email: email, phone: phone, address: [address, country].compactMap { $0 }.joined(separator: ", ").nonEmpty) }
        }
    }

    mutating func actorCells(_ row: RecordRow) -> ActorCells {
        let name = checkedValue(row.sheet, row.index, row.column("Nom"))
        let street = checkedValue(row.sheet, row.index, row.column("Adresse"))
        let town = [checkedValue(row.sheet, row.index, row.column("Code Postal")), checkedValue(row.sheet, row.index, row.column("Ville"))]
            .compactMap { $0 }.joined(separator: " ")
        let address = [street, town.nonEmpty].compactMap { $0 }.joined(separator: ", ")
        let country = checkedValue(row.sheet, row.index, row.column("Pays"))
        let phone = checkedValue(row.sheet, row.index, row.column("Téléphone"))
        let email = checkedValue(row.sheet, row.index, row.column("Adresse mél"))
        return ActorCells(name: name, address: address.nonEmpty, country: country, phone: phone, email: email)
    }

    /// The organisation an actor's row names (the controller or a joint controller), nil without a name.
    mutating func organisation(_ actor: ActorCells, _ row: RecordRow) -> Organisation? {
        guard let name = actor.name else { return nil }
        return Organisation(id: Self.identifier(name), name: name, address: actor.address,
                            country: countryCode(actor.country, row.sheet, row.index, row.column("Pays"), required: false),
                            email: actor.email, phone: actor.phone)
    }

    mutating func readPurpose(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        if row.label == Keys.mainPurpose || row.label.begins(with: Keys.subPurpose) {
            if let purpose = checkedValue(row.sheet, row.index, 1) { record.purposes.append(purpose) }
        } else {
            unknownRow(row)
        }
        return [1]
    }

    /// The two cells of a row of data (a data category or sensitive data): what the data is, and how long
    /// it is kept.
    mutating func dataCells(_ row: RecordRow) -> (description: String?, kept: String?, used: Set<Int>) {
        let descriptionColumn = row.column("Description"), retentionColumn = row.column("Durée de conservation")
        let description = checkedValue(row.sheet, row.index, descriptionColumn)
        let kept = checkedValue(row.sheet, row.index, retentionColumn)
        return (description, kept, Set([descriptionColumn, retentionColumn].compactMap { $0 }))
    }

    mutating func readCategory(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let (description, kept, used) = dataCells(row)
        let label = row.label
        if label.matches(Keys.otherRetention) {
            record.keep(kept, data: description)
        } else if let model = Keys.categoryRows.first(where: { label.matches($0.key) }) {
            if description != nil || kept != nil {
                record.add(Category(description ?? model.label, code: model.code), kept: kept)
            }
        } else if label.matches(Keys.otherCategory) || description != nil {
            // A row a DPO added: its label is the category when it has no description.
            record.add(Category(description ?? row.text), kept: kept)
            if !label.matches(Keys.otherCategory) {
                note(.info, Spreadsheet.reference(sheet: row.sheet.name, row: row.index, column: 0),
                     fr: "ligne ajoutée « \(row.text) » lue comme une catégorie de données",
                     en: "added row '\(row.text)' read as a data category")
            }
        } else {
            unknownRow(row)
        }
        return used
    }

    mutating func readSensitiveData(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let (description, kept, used) = dataCells(row)
        let label = row.label
        if label.matches(Keys.otherRetention) {
            record.keep(kept, data: description)
        } else if let model = Keys.sensitiveRows.first(where: { label.matches($0.key) }) {
            guard description != nil || kept != nil else { return used }
            let detail = description ?? model.label
            if let category = model.category {
                record.special.append(SpecialCategoryData(category, detail: detail == model.label ? nil : detail))
            } else {
                record.criminal = CriminalOffenceData(description: detail)
            }
            record.keep(kept, data: detail)
        } else {
            unknownRow(row)
        }
        return used
    }

    mutating func readDataSubjects(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let kindColumn = row.column("Description"), detailColumn = row.column("Précisions")
        if row.label.begins(with: Keys.dataSubjectRow) {
            let kind = checkedValue(row.sheet, row.index, kindColumn), detail = checkedValue(row.sheet, row.index, detailColumn)
            if let text = [kind, detail].compactMap({ $0 }).joined(separator: " — ").nonEmpty { record.subjects.append(Category(text)) }
        } else {
            unknownRow(row)
        }
        return Set([kindColumn, detailColumn].compactMap { $0 })
    }

    mutating func readRecipient(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let kindColumn = row.column("Type de destinataire"), detailColumn = row.column("Précisions")
        if row.label.begins(with: Keys.recipientRow) {
            if let read = kindAndDetail(row.sheet, row.index, kindColumn, detailColumn, in: Keys.recipientKinds, otherwise: .external,
                                        fr: ("type de destinataire", "organisme externe"),
                                        en: ("recipient type", "an external organisation")) {
                record.recipients.append(Recipient(read.text, kind: read.kind))
            }
        } else {
            unknownRow(row)
        }
        return Set([kindColumn, detailColumn].compactMap { $0 })
    }

    mutating func readSecurityMeasure(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let kindColumn = row.column("Type de mesure de sécurité"), detailColumn = row.column("Précisions")
        if row.label.begins(with: Keys.securityRow) {
            if let read = kindAndDetail(row.sheet, row.index, kindColumn, detailColumn, in: Keys.securityKinds, otherwise: .other,
                                        fr: ("type de mesure", "« Autres mesures »"),
                                        en: ("measure type", "'other measures'")) {
                record.measures.append(SecurityMeasure(read.kind, read.text))
            }
        } else {
            unknownRow(row)
        }
        return Set([kindColumn, detailColumn].compactMap { $0 })
    }

    mutating func readTransfer(_ row: RecordRow, into record: inout RecordDraft) -> Set<Int> {
        let recipientColumn = row.column("Destinataire"), countryColumn = row.column("Pays")
        let safeguardColumn = row.column("Type de Garanties"), documentationColumn = row.column("Liens vers la documentation")
        let used = Set([recipientColumn, countryColumn, safeguardColumn, documentationColumn].compactMap { $0 })
        guard row.label.begins(with: Keys.transferRow) else {
            unknownRow(row)
            return used
        }
        let recipient = checkedValue(row.sheet, row.index, recipientColumn)
        let country = checkedValue(row.sheet, row.index, countryColumn)
        let safeguardText = checkedValue(row.sheet, row.index, safeguardColumn)
        let documentation = checkedValue(row.sheet, row.index, documentationColumn)
        guard recipient != nil || country != nil || safeguardText != nil || documentation != nil else { return used }
        let safeguard = self.safeguard(safeguardText, row, safeguardColumn)
        let code = countryCode(country, row.sheet, row.index, countryColumn, required: true)
        record.transfers.append(Transfer(
            recipient: recipient ?? "", destination: .country(code ?? ""), safeguard: safeguard, documentation: documentation,
            statedSafeguard: safeguard == nil ? safeguardText : nil
        ))
        return used
    }

    /// A transfer's safeguard from the model's list; none, with a warning, for one the list does not have
    /// or the invalidated Privacy Shield.
    mutating func safeguard(_ text: String?, _ row: RecordRow, _ column: Int?) -> Transfer.Safeguard? {
        guard let text, let column else { return nil }
        let key = LabelKey(text)
        let safeguard = Keys.safeguards.first { $0.key.matches(key) }?.safeguard
        if key == Keys.privacyShield {
            note(.warning, Spreadsheet.reference(sheet: row.sheet.name, row: row.index, column: column),
                 fr: "« Privacy Shield » a été invalidé par la CJUE (arrêt C-311/18 du 16 juillet 2020) : transfert lu sans garantie valable (art. 44), « \(text) » gardé comme garantie indiquée",
                 en: "'Privacy Shield' was invalidated by the CJEU (C-311/18, 16 July 2020): transfer read with no valid safeguard (Art. 44), '\(text)' kept as the safeguard stated")
        } else if safeguard == nil {
            note(.warning, Spreadsheet.reference(sheet: row.sheet.name, row: row.index, column: column),
                 fr: "garantie « \(text) » inconnue de la liste du modèle : transfert lu sans garantie reconnue, le texte gardé comme garantie indiquée",
                 en: "safeguard '\(text)' is not in the model's list: transfer read with no safeguard recognised, the text kept as the safeguard stated")
        }
        return safeguard
    }

    // MARK: The record's activity

    /// Adds the activity a record sheet describes, with its controller and joint controllers; a sheet
    /// without a name or a controller is noted and adds nothing.
    mutating func add(_ record: RecordDraft, from sheet: Spreadsheet.Sheet) {
        guard let activityName = record.activityName else {
            if record.filled {
                note(.error, "\(sheet.name)!B1",
                     fr: "fiche remplie sans « \(CNILModel.name) » : le nom du traitement est attendu (art. 30(1)(b))",
                     en: "record sheet filled in without '\(CNILModel.name)': the processing's name is expected (Art. 30(1)(b))")
            } else {
                note(.info, "\(sheet.name)!A1", fr: "fiche de registre vide : ignorée", en: "empty record sheet: skipped")
            }
            return
        }
        guard var controller = record.controller else {
            note(.error, "\(sheet.name)!B1",
                 fr: "« \(activityName) » : le nom du « \(CNILModel.controller) » (section Acteurs) est attendu (art. 30(1)(a))",
                 en: "'\(activityName)': the name of the '\(CNILModel.controller)' (Actors section) is expected (Art. 30(1)(a))")
            return
        }
        if !keepExample, isModelExample(record) {
            skippedExamples += [activityName] + (record.reference.map { [$0] } ?? [])
            note(.info, "\(sheet.name)!A1",
                 fr: "fiche d'exemple du modèle de la CNIL (traitement fictif « \(activityName) » de « \(controller.name) ») : non importée ; --keep-example pour l'importer",
                 en: "the CNIL model's example sheet (fictitious processing '\(activityName)' of '\(controller.name)'): not imported; --keep-example imports it")
            return
        }
        if var dpo = record.dpo {
            dpo.role = record.dpoCompany
            controller.dpo = dpo
        }
        controller.euRepresentative = record.representative
        merge(controller)
        record.joint.forEach { merge($0) }
        let reference = record.reference ?? activityName
        let id = Self.identifier(reference)
        guard activityIDs.insert(id).inserted else {
            note(.error, "\(sheet.name)!B1",
                 fr: "la référence « \(reference) » est déjà celle d'une autre fiche : chaque traitement a la sienne",
                 en: "reference '\(reference)' is already another record sheet's: each processing needs its own")
            return
        }
        register.activities.append(ProcessingActivity(
            id: id, name: activityName, created: record.created, lastReviewed: record.updated, controller: controller.id,
            jointControllers: record.joint.map { .init(organisation: $0.id) }, purposes: record.purposes,
            specialCategories: record.special, criminalOffenceData: record.criminal, dataSubjects: record.subjects,
            dataCategories: record.categories, recipients: record.recipients, transfers: record.transfers,
            retention: record.retention, securityMeasures: record.measures
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

    mutating func unknownRow(_ row: RecordRow) {
        note(.warning, Spreadsheet.reference(sheet: row.sheet.name, row: row.index, column: 0),
             fr: "ligne « \(row.text) » inconnue du modèle à cet endroit : non lue",
             en: "row '\(row.text)' is not in the model at this place: not read")
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

/// A row of a record sheet below a section's header: its label, and the columns the header named.
struct RecordRow {
    let sheet: Spreadsheet.Sheet
    let index: Int
    let cells: [Spreadsheet.Cell]
    /// The label in column A, as written.
    let text: String
    let label: LabelKey
    /// The section's columns: LabelKey value → column index.
    let columns: [String: Int]

    /// The column of one of the model's headers in this section, nil when the section has no such column.
    func column(_ header: String) -> Int? { columns[Keys.column(header).value] }
}

/// What a record sheet says, gathered row by row before it becomes an activity.
struct RecordDraft {
    var activityName: String?, reference: String?, created: CalendarDate?, updated: CalendarDate?
    var controller: Organisation?, dpo: Contact?, dpoCompany: String?, representative: Contact?
    var joint: [Organisation] = []
    var purposes: [String] = []
    var categories: [Category] = [], retention: [RetentionPeriod] = [], special: [SpecialCategoryData] = []
    var criminal: CriminalOffenceData?
    var subjects: [Category] = [], recipients: [Recipient] = [], measures: [SecurityMeasure] = [], transfers: [Transfer] = []
    /// Whether any row gave a value: a sheet filled in without a name is an error, an empty one is not.
    var filled = false

    /// A data category, and how long it is kept when the row says.
    mutating func add(_ category: Category, kept: String?) {
        categories.append(category)
        keep(kept, data: category.label)
    }

    /// A retention period in the model's words, for `data`; nothing when the row gives none.
    mutating func keep(_ kept: String?, data: String?) {
        if let kept { retention.append(CNILModel.retention(kept, data: data)) }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
