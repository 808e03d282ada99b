import Foundation
import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

/// A Madis processings export, as its CSV generator writes it: `;`, quoted, UTF-8 with a BOM.
enum MadisExport {
    static let people = ["Particuliers", "Internautes", "Agents", "Élus", "Entreprises", "Partenaires", "Usagers", "Autres"]

    static func header(people order: [String]) -> [String] {
        ["Nom", "Structure - Nom", "Structure - SIREN", "Structure - Code INSEE", "En tant que", "Finalités", "Statut", "Base légale",
         "Justification de la base légale", "Catégorie de données", "Destination - Catégorie de destinataires", "Destination - Sous-traitants"]
            + order.flatMap { ["Détails - Personnes concernées - \($0)", "Détails - Personnes concernées - \($0) - Commentaire"] }
            + ["Détails - Logiciel", "Détails - Délai de conservation - Durée", "Détails - Délai de conservation - Nom",
               "Détails - Délai de conservation - Sort final",
               "Mesures de sécurité et confidentialité - Contrôle d'accès", "Mesures de sécurité et confidentialité - Contrôle d'accès - Commentaire",
               "Mesures de sécurité et confidentialité - Sauvegarde", "Mesures de sécurité et confidentialité - Sauvegarde - Commentaire",
               "Traitement spécifique - Surveillance systématique", "Traitement spécifique - Collecte à grande échelle",
               "Traitement spécifique - Personnes vulnérables"]
    }

    /// One processing of the commune of Mende; `checked` are the people categories answered "Oui".
    static func row(name: String, siren: String = "214800955", people order: [String], checked: Set<String>) -> [String] {
        ["\(name)", "Commune de Mende", siren, "48095", "Responsable de traitement", "Inscrire les enfants\nFacturer les repas", "Actif",
         "L'exécution d'une mission d'intérêt public", "Code de l'éducation, art. L. 131-13", "État civil - Coordonnées - Vie personnelle",
         "Service enfance", "Prestataire logiciel"]
            + order.flatMap { checked.contains($0) ? ["Oui", $0 == "Usagers" ? "familles" : ""] : ["Non", ""] }
            + ["Logiciel cantine", "1: 1 an\r\n2: 10 ans", "1: Dossiers d'inscription\r\n2: Factures", "1: Destruction\r\n2: Archivage",
               "Oui", "Comptes nominatifs", "Oui", "", "Non", "Non", "Oui"]
    }

    static func csv(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { row in
            row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

@Suite("Madis in")
struct MadisImportTests {
    /// A layout whose headers follow the values' order (Usagers third).
    let aligned = ["Particuliers", "Internautes", "Usagers", "Agents", "Élus", "Entreprises", "Partenaires", "Autres"]

    @Test("a processing of a Madis export becomes an activity of its structure, every column in its place")
    func activity() throws {
        let text = MadisExport.csv([
            MadisExport.header(people: aligned),
            MadisExport.row(name: "Restauration scolaire", people: aligned, checked: ["Usagers", "Agents"]),
            MadisExport.row(name: "État civil", people: aligned, checked: ["Particuliers"]),
        ])
        let imported = try MadisReader.read(csv: text, name: "madis.csv")
        let register = imported.register
        #expect(register.organisations.map(\.id) == ["siren-214800955"])
        #expect(register.organisations[0].identifiers == [.siren("214800955")])
        #expect(register.activities.map(\.name) == ["Restauration scolaire", "État civil"])
        let activity = register.activities[0]
        #expect(activity.id == "siren-214800955-restauration-scolaire")
        #expect(activity.purposes == ["Inscrire les enfants", "Facturer les repas"])
        #expect(activity.legalBases == [LegalBasis(.publicTask, reference: "Code de l'éducation, art. L. 131-13")])
        #expect(activity.dataCategories.map(\.label) == ["État civil", "Coordonnées", "Vie personnelle"])
        #expect(activity.dataSubjects.map(\.label) == ["Usagers — familles", "Agents"])
        #expect(activity.recipients == [Recipient("Service enfance", kind: .external), Recipient("Prestataire logiciel", kind: .processor)])
        #expect(activity.retention == [
            RetentionPeriod(data: "Dossiers d'inscription", rule: .duration(PeriodLength(1, .years), from: nil), then: "Destruction"),
            RetentionPeriod(data: "Factures", rule: .duration(PeriodLength(10, .years), from: nil), then: "Archivage"),
        ])
        #expect(activity.securityMeasures == [
            SecurityMeasure(.accessControl, "Comptes nominatifs"), SecurityMeasure(.backup, "Sauvegarde"),
        ])
        #expect(activity.impactAssessment?.criteria == [.vulnerableDataSubjects])
        #expect(activity.application == "Logiciel cantine")
        // Columns registre has no place for are said, with their cell.
        #expect(imported.notes.contains { $0.severity == .info && $0.reference == "D1" })
        #expect(!imported.notes.contains { $0.severity == .warning })
    }

    @Test("Madis 2.4's misaligned 'Personnes concernées' columns are detected and said, not mis-mapped")
    func misaligned() throws {
        // Madis 2.4: headers in this order, values written with Usagers third.
        let headers = MadisExport.people
        let written = aligned
        let text = MadisExport.csv([
            MadisExport.header(people: headers),
            MadisExport.row(name: "Restauration scolaire", people: written, checked: ["Usagers"]),
        ])
        let imported = try MadisReader.read(csv: text, name: "madis-2.4.csv")
        #expect(imported.register.activities[0].dataSubjects.isEmpty)
        let warning = try #require(imported.notes.first { $0.severity == .warning })
        // The Usagers header, seventh pair: column 12 + 2 × 6 = 24, i.e. Y.
        #expect(warning.reference == "Y1")
        #expect(warning.message.en.contains("Madis 2.4"))
        #expect(warning.message.fr.contains("art. 30(1)(c)"))
    }

    @Test("a SIREN with a wrong key, a row with no name, a file that is not Madis's: refused with their cell, nothing imported")
    func refusals() throws {
        let badSIREN = MadisExport.csv([MadisExport.header(people: aligned), MadisExport.row(name: "Paie", siren: "214800956", people: aligned, checked: [])])
        #expect { try MadisReader.read(csv: badSIREN, name: "m.csv") } throws: { "\($0)".contains("m.csv: C2:") && "\($0)".contains("SIREN") }
        let noName = MadisExport.csv([MadisExport.header(people: aligned), MadisExport.row(name: "", people: aligned, checked: [])])
        #expect { try MadisReader.read(csv: noName, name: "m.csv") } throws: { "\($0)".contains("m.csv: A2:") }
        #expect { try MadisReader.read(csv: "a;b\n1;2\n", name: "x.csv") } throws: { "\($0)".contains("not a Madis processings export") }
    }

    @Test("what Madis leaves out becomes findings of the check, not reading errors")
    func findings() throws {
        let text = MadisExport.csv([MadisExport.header(people: aligned), MadisExport.row(name: "Paie", people: aligned, checked: ["Agents"])])
        let register = try MadisReader.read(csv: text, name: "m.csv").register
        let codes = Set(RegisterCheck.findings(in: register).map(\.code))
        #expect(codes.contains(.art30_1_a_controller_contact), "\(codes)")
    }
}
