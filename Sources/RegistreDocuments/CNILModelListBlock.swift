import RegistreCore
import RegistreXML

/// The block above the model's list of processings (sheet "2 - Liste des traitements", rows 1 to 6): the
/// contact details of the person responsible for the organisation, of its representative and of its DPO,
/// each field a label cell ("Nom :", "Téléphone :") followed by its value.
struct ListBlock {
    /// Whose details a part of the block gives.
    enum Part: CaseIterable {
        case responsible, representative, dpo

        /// The part a label in column A opens, nil for another label.
        init?(label: LabelKey) {
            let value = label.value
            if value.hasPrefix("coordonnees du responsable") { self = .responsible }
            else if value.hasPrefix("coordonnees du representant") { self = .representative }
            else if value.hasPrefix("coordonnees du delegue") || value.hasPrefix("coordonnees du dpo") { self = .dpo }
            else { return nil }
        }
    }

    /// A field of a part, as its label cell names it.
    enum Field: CaseIterable {
        case surname, givenName, company, street, postcode, town, phone, email

        init?(label: LabelKey) {
            switch label.value {
            case "nom": self = .surname
            case "prenom": self = .givenName
            case "adresse": self = .street
            case "adresse mel", "adresse mail", "mel", "courriel", "e mail", "email": self = .email
            case "code postal": self = .postcode
            case "ville", "commune": self = .town
            case "telephone", "tel": self = .phone
            default:
                guard label.value.hasPrefix("societe") else { return nil }
                self = .company
            }
        }
    }

    /// A value typed in the block, with the cell it was typed in.
    struct Value {
        let text: String
        let reference: String
    }

    var values: [Part: [Field: Value]] = [:]

    var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }

    /// The contact a part gives: "Prénom Nom" as the name, the street, postcode and town as the address;
    /// nil when the part names no one.
    func contact(_ part: Part) -> Contact? {
        let fields = values[part] ?? [:]
        guard let name = [fields[.givenName]?.text, fields[.surname]?.text].compactMap({ $0 }).joined(separator: " ").nonEmpty
        else { return nil }
        let town = [fields[.postcode]?.text, fields[.town]?.text].compactMap { $0 }.joined(separator: " ").nonEmpty
        let address = [fields[.street]?.text, town].compactMap { $0 }.joined(separator: ", ").nonEmpty
        return Contact(name: name, role: fields[.company]?.text, email: fields[.email]?.text, phone: fields[.phone]?.text, address: address)
    }

    /// The cells a part was read from, in the order of the sheet.
    func references(_ part: Part) -> [String] {
        (values[part] ?? [:]).values.map(\.reference).sorted()
    }
}

extension ModelReading {
    /// Reads the block above the list's header row: each part's fields, a value beside no label noted with
    /// its cell.
    mutating func readListBlock(_ sheet: Spreadsheet.Sheet, above header: Int) {
        var part: ListBlock.Part?
        for row in 0..<header {
            let cells = sheet.rows[row]
            if let label = cells.first.map({ LabelKey($0.text) }), !label.value.isEmpty { part = ListBlock.Part(label: label) }
            guard let part else { continue }
            var read: Set<Int> = []
            for (column, cell) in cells.enumerated() where column > 0 {
                guard let field = ListBlock.Field(label: LabelKey(cell.text)), cell.text.contains(":") else { continue }
                read.formUnion([column, column + 1])
                if let text = checkedValue(sheet, row, column + 1) {
                    listBlock.values[part, default: [:]][field] = .init(
                        text: text, reference: Spreadsheet.reference(sheet: sheet.name, row: row, column: column + 1))
                }
            }
            reportStray(sheet, row, cells, from: 1, known: read)
        }
    }

    /// Gives the block's details to the register's controller: the person responsible as its legal
    /// representative, the representative (Art. 27) and the DPO (Art. 37) where the record sheets name none
    /// or the same person, whose missing details the block completes. A value that cannot be placed (no
    /// controller, several, another person already named) is noted with its cell.
    mutating func placeListBlock() {
        guard !listBlock.isEmpty else { return }
        let controllers = Array(Set(register.activities.map(\.controller))).sorted()
        guard controllers.count == 1, let index = register.organisations.firstIndex(where: { $0.id == controllers[0] }) else {
            for part in ListBlock.Part.allCases {
                for reference in listBlock.references(part) {
                    note(.warning, reference,
                         fr: "coordonnées non placées : la liste ne dit pas à quel responsable de traitement elles sont, et les fiches importées en nomment \(controllers.count)",
                         en: "contact details not placed: the list does not say whose they are, and the record sheets imported name \(controllers.count) controllers")
                }
            }
            return
        }
        var organisation = register.organisations[index]
        place(.responsible, in: &organisation.legalRepresentative, of: organisation.name,
              fr: "la personne responsable", en: "the person responsible")
        place(.representative, in: &organisation.euRepresentative, of: organisation.name,
              fr: "le représentant (art. 27)", en: "the representative (Art. 27)")
        place(.dpo, in: &organisation.dpo, of: organisation.name, fr: "le DPO (art. 37)", en: "the DPO (Art. 37)")
        register.organisations[index] = organisation
    }

    /// One part of the block into one contact of the controller: taken when the controller has none,
    /// completing it when it names the same person, noted cell by cell when it names another.
    mutating func place(_ part: ListBlock.Part, in contact: inout Contact?, of controller: String, fr: String, en: String) {
        guard let given = listBlock.contact(part) else {
            for reference in listBlock.references(part) {
                note(.warning, reference,
                     fr: "coordonnées sans nom (« Nom : ») pour \(fr) : non placées",
                     en: "contact details with no name ('Nom :') for \(en): not placed")
            }
            return
        }
        guard var known = contact else {
            contact = given
            return
        }
        guard Self.samePerson(known.name, given.name) else {
            for reference in listBlock.references(part) {
                note(.warning, reference,
                     fr: "la liste nomme « \(given.name) » pour \(fr) de « \(controller) », les fiches « \(known.name) » : celui des fiches est gardé, cette valeur n'est pas placée",
                     en: "the list names '\(given.name)' as \(en) of '\(controller)', the record sheets '\(known.name)': the record sheets' is kept, this value is not placed")
            }
            return
        }
        complete(&known.role, with: given.role, part, [.company])
        complete(&known.email, with: given.email, part, [.email])
        complete(&known.phone, with: given.phone, part, [.phone])
        complete(&known.address, with: given.address, part, [.street, .postcode, .town])
        contact = known
    }

    /// A detail of a contact the record sheets named: taken when they gave none; the same (or part of what
    /// they gave, as a street of a full address) is already there; another is noted at its cells.
    mutating func complete(_ known: inout String?, with given: String?, _ part: ListBlock.Part, _ fields: [ListBlock.Field]) {
        guard let given else { return }
        guard let kept = known else {
            known = given
            return
        }
        let keptKey = LabelKey(kept).value
        for field in fields {
            guard let value = listBlock.values[part]?[field], !keptKey.contains(LabelKey(value.text).value) else { continue }
            note(.warning, value.reference,
                 fr: "« \(value.text) » : les fiches donnent « \(kept) » ; celui des fiches est gardé, cette valeur n'est pas placée",
                 en: "'\(value.text)': the record sheets give '\(kept)'; the record sheets' is kept, this value is not placed")
        }
    }

    /// "Thomas ROUX" and "ROUX Thomas" are one person: the same words, whatever their order and case.
    static func samePerson(_ one: String, _ other: String) -> Bool {
        Set(LabelKey(one).value.split(separator: " ")) == Set(LabelKey(other).value.split(separator: " "))
    }
}
