import Foundation
import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

/// The CNIL's own file, as published (see /work/shared/reference/cnil/README.md in the project's notes).
let cnilModel = Repository.path("Tests/RegistreDocumentsTests/Fixtures/registre-traitement-simplifie.ods")

@Suite("The CNIL model in")
struct CNILModelImportTests {
    @Test("the CNIL's own file, example kept (--keep-example): its example sheet is an activity, its empty model sheet is reported as empty")
    func cnilFile() throws {
        let imported = try CNILModelReader.read(file: cnilModel, keepExample: true)
        let register = imported.register
        #expect(register.activities.count == 1)
        let activity = try #require(register.activities.first)
        #expect(activity.name == "Gestion de la paie")
        #expect(activity.id == "1-exemple")
        #expect(activity.created == CalendarDate(year: 2018, month: 5, day: 26))
        #expect(activity.lastReviewed == CalendarDate(year: 2019, month: 5, day: 13))  // typed as text
        #expect(activity.purposes == [
            "Gestion de la paie", "Calcul des rémunérations", "Calcul du montant des versements adressés aux organismes sociaux",
            "Ordre de virement à la banque",
        ])
        #expect(activity.dataCategories.map(\.label) == ["Noms, prénoms, adresses", "RIB", "Numéros de sécurité sociale des salariés"])
        #expect(activity.dataCategories.map(\.code) == ["pd:Identifying", "pd:Financial", "pd:NationalIdentificationNumber"])
        #expect(activity.retention.count == 3)
        #expect(activity.retention[0] == RetentionPeriod(data: "Noms, prénoms, adresses", rule: .criterion("5 ans à compter du versement de la paie")))
        #expect(activity.dataSubjects.map(\.label) == ["Salariés"])
        #expect(activity.recipients == [
            Recipient("Dir. Administrative et Financière", kind: .internal), Recipient("Organismes sociaux", kind: .external),
            Recipient("Banque d'Andorre", kind: .external),
        ])
        #expect(activity.securityMeasures.map(\.kind) == [.softwareProtection, .backup, .accessControl])
        #expect(activity.transfers == [Transfer(
            recipient: "Banque d'Andorre", destination: .country("AD"), safeguard: .standardContractualClauses,
            documentation: "Contrat en date du 23/01/2018"
        )])
        let controller = try #require(register.organisation(activity.controller))
        #expect(controller.name == "Louise DUPONT")
        #expect(controller.address == "1 rue Rivoli, 75001 Paris")
        #expect(controller.country == "FR")
        #expect(controller.email == "exemple1@ets.com")
        #expect(controller.dpo?.name == "Martin HENRI")
        #expect(controller.dpo?.role == nil)  // "N/A"

        // The model sheet, untouched, is empty: said, not an error.
        #expect(imported.notes.contains { $0.severity == .info && $0.reference.hasPrefix("3_-_Modèle_de_fiche_de_registre!") })
        #expect(!imported.notes.contains { $0.severity == .error })
        #expect(!imported.notes.contains { $0.severity == .warning }, "\(imported.notes)")

        // What the model has no place for is a finding of the check, not a reading error.
        let codes = Set(RegisterCheck.findings(in: register).map(\.code))
        #expect(codes.contains(.art6_1_legal_basis), "\(codes)")
    }

    @Test("registers built from the model: record sheets renamed and copied, rows added, accents and case dropped, columns moved")
    func variants() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        let example = try #require(spreadsheet.sheets.first { $0.name == "4_-_Exemple_de_fiche" })
        // A second processing: the example copied, renamed, with its own reference and labels typed
        // without accents, in capitals, with extra spaces.
        var copy = example
        copy.name = "Fiche recrutement"
        for row in copy.rows.indices where !copy.rows[row].isEmpty {
            let label = copy.rows[row][0].text
            copy.rows[row][0].text = "  " + label.folding(options: .diacriticInsensitive, locale: nil).uppercased() + " "
            if label == "N° / RÉF" { copy.rows[row][1].text = "2" }
            if label == "Nom du traitement" { copy.rows[row][1].text = "Recrutement" }
        }
        // A purpose row added below the last, a column swapped in the transfers section, and an unknown
        // column beside the recipients.
        let purpose = try #require(copy.rows.firstIndex { LabelKeyProbe.same($0.first?.text, "Sous-finalité 3") })
        copy.rows.insert([Spreadsheet.Cell("Sous-finalité 4"), Spreadsheet.Cell("Entretiens")], at: purpose + 1)
        let transfers = try #require(copy.rows.firstIndex { LabelKeyProbe.same($0.first?.text, "Transferts hors UE") })
        copy.rows[transfers].swapAt(2, 3)
        copy.rows[transfers + 1].swapAt(2, 3)
        let recipients = try #require(copy.rows.firstIndex { LabelKeyProbe.same($0.first?.text, "Destinataires") })
        while copy.rows[recipients].count < 8 { copy.rows[recipients].append(.empty) }
        copy.rows[recipients][7] = Spreadsheet.Cell("Base légale")
        spreadsheet.sheets.append(copy)

        let imported = try CNILModelReader.read(spreadsheet, name: "variants.ods", keepExample: true)
        #expect(imported.register.activities.map(\.name) == ["Gestion de la paie", "Recrutement"])
        let second = imported.register.activities[1]
        #expect(second.id == "2")
        #expect(second.purposes.last == "Entretiens")
        #expect(second.transfers.first?.destination == .country("AD"))
        #expect(second.transfers.first?.safeguard == .standardContractualClauses)
        #expect(second.recipients.count == 3)
        // One organisation for the controller both sheets name.
        #expect(imported.register.organisations.count == 1)
        let unknown = try #require(imported.notes.first { $0.severity == .warning })
        #expect(unknown.reference == "Fiche recrutement!H\(recipients + 1)")
        #expect(unknown.message.fr.contains("Base légale"))
    }

    @Test("an unknown sheet and an unknown row are reported with their cell, not dropped silently")
    func unknownSheetAndRow() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        spreadsheet.sheets.append(Spreadsheet.Sheet(name: "Feuille 3", rows: [[], [.empty, Spreadsheet.Cell("notes")]]))
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        spreadsheet.sheets[index].rows.insert([Spreadsheet.Cell("Base légale"), Spreadsheet.Cell("Contrat de travail")], at: 18)
        let imported = try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true)
        #expect(imported.notes.contains { $0.severity == .warning && $0.reference == "Feuille 3!A1" })
        #expect(imported.notes.contains { $0.severity == .warning && $0.reference == "4_-_Exemple_de_fiche!A19" })
    }

    @Test("a spreadsheet with no filled-in record sheet says so rather than importing nothing in silence")
    func nothingToImport() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        spreadsheet.sheets.removeAll { $0.name == "4_-_Exemple_de_fiche" }
        let imported = try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true)
        #expect(imported.register.activities.isEmpty)
        #expect(imported.notes.contains { $0.severity == .warning && $0.message.en.contains("nothing to import") })
    }

    @Test("a record sheet filled in without a name, or a value that is not a date, is refused with its cell")
    func refusals() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        spreadsheet.sheets[index].rows[6][1] = Spreadsheet.Cell("mai 2019")
        #expect {
            try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true)
        } throws: { error in
            "\(error)".contains("4_-_Exemple_de_fiche!B7") && "\(error)".contains("not a date")
        }
        spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        spreadsheet.sheets[index].rows[3][1] = .empty
        #expect {
            try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true)
        } throws: { error in
            "\(error)".contains("Nom du traitement")
        }
    }

    @Test("a value is held to the same rules as in XML: a transfer with no recipient is refused by the schema")
    func sameValidation() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        #expect(spreadsheet.sheets[index].rows[38][1].text == "Banque d'Andorre")
        spreadsheet.sheets[index].rows[38][1] = .empty
        #expect(throws: RegisterReadError.self) { try CNILModelReader.read(spreadsheet, name: "x.ods", keepExample: true) }
    }
}

@Suite("ODS round trip")
struct OpenDocumentRoundTripTests {
    /// What the CNIL model holds of a register, with organisations named rather than identified (the
    /// model has no ids for them).
    struct Held: Equatable {
        var activities: [String]

        init(_ register: Register) {
            func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }
            func organisation(_ id: EntityID) -> String {
                guard let o = register.organisation(id) else { return id }
                return [o.name, o.address, o.country, o.email, o.phone, o.dpo?.name, o.dpo?.email, o.dpo?.phone, o.dpo?.address, o.dpo?.role,
                        o.euRepresentative?.name].map { $0 ?? "-" }.joined(separator: "|")
            }
            activities = register.activities.map { a in
                let parts: [String] = [
                    a.id, a.name, a.created?.iso ?? "-", a.lastReviewed?.iso ?? "-", organisation(a.controller),
                    a.jointControllers.map { name($0.organisation) }.joined(separator: ","),
                    a.purposes.joined(separator: "/"),
                    a.dataCategories.map(\.label).joined(separator: "/"),
                    a.dataCategories.map { c in CNILModel.categoryRows.contains { $0.code == c.code && c.code != nil } ? c.code! : "-" }.joined(separator: "/"),
                    a.specialCategories.map { "\($0.category.rawValue):\($0.detail ?? "-")" }.joined(separator: "/"),
                    a.criminalOffenceData?.description ?? "-",
                    a.dataSubjects.map(\.label).joined(separator: "/"),
                    a.recipients.map { "\($0.kind.rawValue):\($0.label)" }.joined(separator: "/"),
                    a.securityMeasures.map { "\($0.kind.rawValue):\($0.description)" }.joined(separator: "/"),
                    a.transfers.map { "\($0.recipient):\($0.destination):\($0.safeguard?.rawValue ?? "-"):\($0.documentation ?? "-")" }.joined(separator: "/"),
                    a.retention.map { "\($0.data ?? "-")=\(CNILModel.describe($0))" }.sorted().joined(separator: "/"),
                ]
                return parts.joined(separator: "\n")
            }
        }
    }

    @Test("export --format ods then import gives the same register for every item the model holds", arguments: Repository.sampleRegisters)
    func roundTrip(sample: String) throws {
        let register = try RegisterReader.read(file: sample)
        let folder = try ScratchDirectory()
        let file = folder.path("register.ods")
        try Data(try OpenDocumentExport.spreadsheet(register)).write(to: URL(fileURLWithPath: file))
        let imported = try CNILModelReader.read(file: file)
        #expect(!imported.notes.contains { $0.severity != .info && !$0.reference.hasPrefix(CNILModel.processorSheet) }, "\(imported.notes)")
        let before = Held(register).activities, after = Held(imported.register).activities
        #expect(before.count == after.count)
        for (original, reread) in zip(before, after) {
            #expect(original == reread)
        }
        #expect(imported.register.title == register.title)
    }
}

/// Label comparison for building fixtures, as loose as the reader's.
enum LabelKeyProbe {
    static func same(_ text: String?, _ label: String) -> Bool {
        func fold(_ s: String) -> String {
            s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        }
        return text.map(fold) == fold(label)
    }
}
