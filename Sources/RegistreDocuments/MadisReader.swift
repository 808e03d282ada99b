import CSV
import Foundation
import RegistreCore
public import RegistreXML

/// Reads the processings export of Madis (the register tool of many French mutualisation structures): a
/// CSV, `;`-separated, UTF-8 with a byte-order mark, one row per processing, one organisation per
/// "Structure". Columns are found by their header, whatever their order, case and accents (one lookup
/// in a table of the headers, however many columns there are); a column registre does not know is
/// noted with its cell. A quote never closed, text after a closing quote, or a control character (a NUL)
/// is refused with its line and field, before anything is read (see `MadisCSVCheck`).
///
/// Madis 2.4 writes the eight "Personnes concernées" values in another order than their headers
/// (Usagers third, though its header is seventh): a file whose headers are in that layout has its
/// people concerned left out and said so, rather than mapped to the wrong categories.
public enum MadisReader {
    /// Madis's exports stay well under this; a larger file is refused before it is read.
    public static let sizeLimit = 64 << 20

    /// Reads the Madis export at `path`.
    /// - Throws: `RegisterReadError` when the file is too large, not UTF-8 text, not a Madis export, or
    /// gives a register the XML reader refuses.
    public static func read(file path: String) throws(RegisterReadError) -> ImportedRegister {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= sizeLimit else {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "is \(size) bytes; a Madis export is read up to \(sizeLimit)")])
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "cannot be read as UTF-8 text (a Madis export is UTF-8)")])
        }
        return try read(csv: text, name: path)
    }

    /// Reads a Madis export held in memory; `name` is what notes and diagnostics call it.
    /// - Throws: `RegisterReadError` when the text is not a Madis export, or gives a register the XML
    /// reader refuses.
    public static func read(csv text: String, name: String) throws(RegisterReadError) -> ImportedRegister {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // What the CSV parser would take silently (a quote never closed, a NUL) is refused first.
        let problems = MadisCSVCheck.problems(in: body, name: name)
        guard problems.found.isEmpty else { throw RegisterReadError(problems.found, omitted: problems.omitted) }
        let rows: [[String]]
        do {
            let reader = try CSVReader(string: body, hasHeaderRow: false, delimiter: ";")
            var all: [[String]] = []
            while let row = reader.next() { all.append(row) }
            if let error = reader.error { throw error }
            rows = all
        } catch {
            throw RegisterReadError([XMLDiagnostic(file: name, message: "is not a readable CSV (\(error))")])
        }
        guard let header = rows.first else { throw RegisterReadError([XMLDiagnostic(file: name, message: "is empty")]) }
        var reading = MadisReading(header: header)
        guard reading.column("Nom") != nil, reading.column("Structure - Nom") != nil else {
            throw RegisterReadError([XMLDiagnostic(
                file: name, message: "is not a Madis processings export: the columns 'Nom' and 'Structure - Nom' are expected on line 1"
            )])
        }
        for (index, row) in rows.enumerated().dropFirst() where row.contains(where: { !$0.isEmpty }) {
            reading.read(row, line: index)
        }
        return try ImportedRegister.checked(reading.register, notes: reading.notes, name: name)
    }
}

/// The pass over the rows.
private struct MadisReading {
    let header: [String]
    var register = Register()
    var notes: [ImportNote] = []
    /// LabelKey value of a header → its column.
    var columns: [String: Int] = [:]
    var people: [(label: String, check: Int, comment: Int?)] = []
    var measures: [(label: String, check: Int, comment: Int?)] = []
    var criteria: [(label: String, column: Int)] = []
    var peopleMisaligned = false
    /// The ids given to activities so far.
    var usedIDs: Set<String> = []

    static let peoplePrefix = "Détails - Personnes concernées - "
    static let securityPrefix = "Mesures de sécurité et confidentialité - "
    static let specificPrefix = "Traitement spécifique - "
    static let known = [
        "Nom", "Structure - Nom", "Structure - SIREN", "En tant que", "Finalités", "Base légale",
        "Justification de la base légale", "Catégorie de données", "Destination - Catégorie de destinataires",
        "Destination - Sous-traitants", "Détails - Délai de conservation - Durée", "Détails - Délai de conservation - Nom",
        "Détails - Délai de conservation - Sort final", "Statut", "Détails - Logiciel",
    ]

    init(header: [String]) {
        self.header = header
        let keys = header.map { LabelKey($0).value }
        // First the table of every header, so that a column's comment is found in it, wherever it is.
        for (index, key) in keys.enumerated() where columns[key] == nil { columns[key] = index }
        var unknown: [Int] = []
        for (index, title) in header.enumerated() {
            let key = keys[index]
            if let label = Self.suffix(title, key: key, after: Self.peoplePrefix) {
                if key.hasSuffix(" commentaire") { continue }
                people.append((label, index, comment(for: title)))
            } else if let label = Self.suffix(title, key: key, after: Self.securityPrefix) {
                if key.hasSuffix(" commentaire") { continue }
                measures.append((label, index, comment(for: title)))
            } else if let label = Self.suffix(title, key: key, after: Self.specificPrefix) {
                criteria.append((label, index))
            } else if !Self.knownKeys.contains(key) && !title.isEmpty {
                unknown.append(index)
            }
        }
        for index in unknown {
            notes.append(ImportNote(.info, at: Self.cell(row: 0, column: index), LocalizedText(
                fr: "colonne « \(header[index]) » : sans équivalent dans registre, non lue",
                en: "column '\(header[index])': no counterpart in registre, not read")))
        }
        // Madis 2.4: eight categories, Usagers' header after Partenaires, its value written third.
        let labels = people.map { LabelKey($0.label).value }
        if people.count == 8, let usagers = labels.firstIndex(of: "usagers"), let partners = labels.firstIndex(of: "partenaires"), usagers > partners {
            peopleMisaligned = true
            notes.append(ImportNote(.warning, at: Self.cell(row: 0, column: people[usagers].check), LocalizedText(
                fr: "colonnes « Personnes concernées » dans la disposition de Madis 2.4, qui n'écrit pas leurs valeurs dans l'ordre de leurs en-têtes (Usagers en troisième) : les catégories de personnes concernées ne sont pas importées ; saisissez-les (art. 30(1)(c)) ou exportez depuis une version corrigée de Madis",
                en: "'Personnes concernées' columns in the layout of Madis 2.4, which does not write their values in the order of their headers (Usagers third): the categories of data subjects are not imported; enter them (Art. 30(1)(c)) or export from a fixed version of Madis")))
        }
    }

    /// A cell as spreadsheets name it (`C12`); the file's name comes before it in every message.
    static func cell(row: Int, column: Int) -> String {
        "\(Spreadsheet.columnName(column))\(row + 1)"
    }

    private func comment(for title: String) -> Int? {
        columns[LabelKey(title + " - Commentaire").value]
    }

    /// The LabelKey value of each prefix and known header, worked out once.
    static let prefixKeys = Dictionary(uniqueKeysWithValues: [peoplePrefix, securityPrefix, specificPrefix].map { ($0, LabelKey($0).value) })
    static let knownKeys = Set(known.map { LabelKey($0).value })
    static let keyOfKnown = Dictionary(uniqueKeysWithValues: known.map { ($0, LabelKey($0).value) })

    /// The label after `prefix` when `title` (whose LabelKey value is `key`) starts with it.
    static func suffix(_ title: String, key: String, after prefix: String) -> String? {
        guard let prefixKey = prefixKeys[prefix], key.hasPrefix(prefixKey + " ") else { return nil }
        // The label as written, after the prefix's last " - ".
        return title.components(separatedBy: " - ").dropFirst(prefix.components(separatedBy: " - ").count - 1).joined(separator: " - ")
    }

    func column(_ title: String) -> Int? { columns[Self.keyOfKnown[title] ?? LabelKey(title).value] }

    func value(_ row: [String], _ column: Int?) -> String? {
        guard let column, row.indices.contains(column) else { return nil }
        let text = row[column].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func yes(_ row: [String], _ column: Int) -> Bool {
        LabelKey(value(row, column) ?? "").value == "oui"
    }

    mutating func note(_ severity: ImportNote.Severity, _ line: Int, _ column: Int?, fr: String, en: String) {
        notes.append(ImportNote(severity, at: Self.cell(row: line, column: column ?? 0), LocalizedText(fr: fr, en: en)))
    }

    static let bases: [(label: String, basis: LawfulBasis)] = [
        ("Le consentement", .consent), ("L'obligation légale", .legalObligation), ("L'exécution d'un contrat", .contract),
        ("L'exécution d'une mission d'intérêt public", .publicTask), ("L'intérêt légitime", .legitimateInterests),
        ("L'intérêt vital", .vitalInterests),
    ]

    mutating func read(_ row: [String], line: Int) {
        guard let name = value(row, column("Nom")) else {
            note(.error, line, column("Nom"), fr: "traitement sans nom (colonne « Nom »)", en: "processing with no name (column 'Nom')")
            return
        }
        guard let structure = value(row, column("Structure - Nom")) else {
            note(.error, line, column("Structure - Nom"), fr: "« \(name) » : structure sans nom", en: "'\(name)': structure with no name")
            return
        }
        if let role = value(row, column("En tant que")), LabelKey(role).value.contains("sous traitant") {
            note(.warning, line, column("En tant que"),
                 fr: "« \(name) » : traitement tenu en tant que sous-traitant, sans son responsable dans l'export : non importé (registre du sous-traitant, art. 30(2), à saisir)",
                 en: "'\(name)': kept as a processor, with no controller in the export: not imported (processor's record, Art. 30(2), to be entered)")
            return
        }
        let organisation = self.organisation(structure, row, line: line)
        var activity = ProcessingActivity(id: uniqueID(organisation.id + " " + name), name: name, controller: organisation.id)
        activity.purposes = (value(row, column("Finalités")) ?? "").components(separatedBy: .newlines)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let basisText = value(row, column("Base légale")) {
            if let basis = Self.bases.first(where: { LabelKey($0.label) == LabelKey(basisText) })?.basis {
                activity.legalBases = [LegalBasis(basis, reference: value(row, column("Justification de la base légale")))]
            } else if LabelKey(basisText) != LabelKey("À déterminer") {
                note(.warning, line, column("Base légale"),
                     fr: "base légale « \(basisText) » inconnue : non importée (art. 6(1))", en: "unknown legal basis '\(basisText)': not imported (Art. 6(1))")
            }
        }
        activity.dataCategories = (value(row, column("Catégorie de données")) ?? "").components(separatedBy: " - ")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { Category($0) }
        if let recipients = value(row, column("Destination - Catégorie de destinataires")) {
            activity.recipients = recipients.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map { Recipient($0, kind: .external) }
        }
        if let processors = value(row, column("Destination - Sous-traitants")) {
            activity.recipients += processors.components(separatedBy: " - ").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map { Recipient($0, kind: .processor) }
        }
        if !peopleMisaligned {
            for person in people where yes(row, person.check) {
                activity.dataSubjects.append(Category([person.label, value(row, person.comment)].compactMap { $0 }.joined(separator: " — ")))
            }
        }
        activity.retention = retention(row)
        for measure in measures where yes(row, measure.check) {
            activity.securityMeasures.append(SecurityMeasure(Self.kind(of: measure.label), value(row, measure.comment) ?? measure.label))
        }
        let met = criteria.filter { yes(row, $0.column) }.compactMap { Self.criterion($0.label) }
        if !met.isEmpty { activity.impactAssessment = ImpactAssessment(criteria: met) }
        if let status = value(row, column("Statut")) { activity.status = LabelKey(status).value == "inactif" ? .retired : .active }
        activity.application = value(row, column("Détails - Logiciel"))
        register.activities.append(activity)
    }

    mutating func uniqueID(_ text: String) -> String {
        let base = String(LabelKey(text).value.split(separator: " ").joined(separator: "-").prefix(120))
        var id = base, suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        return id
    }

    mutating func organisation(_ name: String, _ row: [String], line: Int) -> Organisation {
        var identifiers: [LegalIdentifier] = []
        if let siren = value(row, column("Structure - SIREN")) {
            do {
                identifiers = [try LegalIdentifier(scheme: "SIREN", value: siren.filter { !$0.isWhitespace })]
            } catch {
                note(.error, line, column("Structure - SIREN"),
                     fr: "« \(siren) » n'est pas un SIREN valide (9 chiffres, clé de Luhn)", en: "'\(siren)' is not a valid SIREN (9 digits, Luhn key)")
            }
        }
        let id = identifiers.first.map { "siren-\($0.value)" } ?? LabelKey(name).value.split(separator: " ").joined(separator: "-")
        if let known = register.organisation(id) { return known }
        let organisation = Organisation(id: id, name: name, identifiers: identifiers)
        register.organisations.append(organisation)
        return organisation
    }

    /// "1: 5 ans\r\n2: …" in each of the three columns, lined up by their numbers.
    func retention(_ row: [String]) -> [RetentionPeriod] {
        func lines(_ title: String) -> [String] {
            (value(row, column(title)) ?? "").components(separatedBy: .newlines).map { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard let colon = trimmed.firstIndex(of: ":"), Int(trimmed[..<colon]) != nil else { return trimmed }
                return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        }
        let durations = lines("Détails - Délai de conservation - Durée")
        let names = lines("Détails - Délai de conservation - Nom")
        let fates = lines("Détails - Délai de conservation - Sort final")
        return durations.enumerated().map { index, duration in
            var period = CNILModel.retention(duration, data: index < names.count ? names[index] : nil)
            period.then = index < fates.count ? fates[index] : nil
            return period
        }
    }

    static func kind(of label: String) -> SecurityMeasure.Kind {
        let key = LabelKey(label).value
        if key.contains("acces") { return .accessControl }
        if key.contains("tracabilite") { return .traceability }
        if key.contains("sauvegarde") { return .backup }
        if key.contains("mise a jour") || key.contains("mises a jour") { return .softwareProtection }
        if key.contains("chiffrement") { return .encryption }
        return .other
    }

    static func criterion(_ label: String) -> ImpactAssessment.Criterion? {
        let key = LabelKey(label).value
        let table: [(String, ImpactAssessment.Criterion)] = [
            ("surveillance", .systematicMonitoring), ("grande echelle", .largeScale), ("vulnerable", .vulnerableDataSubjects),
            ("croisement", .matchingOrCombiningDatasets), ("evaluation", .evaluationOrScoring), ("notation", .evaluationOrScoring),
            ("decision", .automatedDecisionWithLegalEffect), ("exclusion", .preventsExercisingRight), ("innovant", .innovativeTechnology),
            ("sensible", .sensitiveOrHighlyPersonalData),
        ]
        return table.first { key.contains($0.0) }?.1
    }
}
