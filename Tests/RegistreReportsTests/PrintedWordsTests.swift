import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import Testing

/// What people read says labels, never raw codes, and French agrees with its heading (issue 14).
@Suite("Printed words: agreement and labels")
struct PrintedWordsTests {
    static let empty = Register(
        organisations: [Organisation(id: "c", name: "Commune")],
        activities: [ProcessingActivity(id: "a", name: "Activité vide", controller: "c")],
        processorRecords: [ProcessorRecord(id: "r", processor: "c", controller: "c")]
    )

    @Test("'non renseigné' agrees in gender and number with the heading it follows", arguments: [
        "Date de création        : non renseignée", "Dernière mise à jour    : non renseignée",
        "Finalités (art. 30(1)(b))\n  non renseignées", "Base légale (art. 6(1))\n  non renseignée",
        "Catégories de personnes concernées (art. 30(1)(c))\n  non renseignées",
        "Catégories de données personnelles (art. 30(1)(c))\n  non renseignées",
        "Catégories de destinataires (art. 30(1)(d))\n  non renseignées",
        "Durées de conservation (art. 30(1)(f))\n  non renseignées", "Mesures de sécurité (art. 30(1)(g))\n  non renseignées",
        "Analyse d'impact (AIPD, art. 35)\n  non renseignée", "Adresse                : non renseignée",
        "Logiciel ou application : non renseigné", "Téléphone              : non renseigné",
        "Catégories de traitements (art. 30(2)(b))\n    non renseignées", "  Date de création     : non renseignée",
    ])
    func agreement(_ line: String) {
        #expect(RegisterTextReport.render(Self.empty, language: .fr).contains(line))
    }

    @Test("a safeguard stated as written and judged invalid is printed as such, not as 'not recorded' (issue 25)")
    func statedSafeguard() {
        let register = CompleteRegister.with(activity: {
            $0.transfers = [Transfer(recipient: "Mailchimp", destination: .country("US"), statedSafeguard: "Privacy shield")]
        })
        #expect(RegisterTextReport.render(register, language: .fr).contains("Mailchimp — États-Unis — garantie : aucune valable (« Privacy shield » indiquée)"))
        #expect(RegisterTextReport.render(register, language: .en).contains("Mailchimp — United States — safeguard: none valid ('Privacy shield' stated)"))
        let none = CompleteRegister.with(activity: { $0.transfers = [Transfer(recipient: "Mailchimp", destination: .country("US"))] })
        #expect(RegisterTextReport.render(none, language: .en).contains("Mailchimp — United States — safeguard: not recorded"))
    }

    @Test("countries are named, never coded; the heading says the EEA the checks use")
    func countries() {
        var register = CompleteRegister.with(activity: {
            $0.transfers = [Transfer(recipient: "Éditeur américain", destination: .country("US"), safeguard: .standardContractualClauses)]
        })
        register.processorRecords[0].transfers = [Transfer(recipient: "Support", destination: .country("CH"), safeguard: .adequacyDecision)]
        let french = RegisterTextReport.render(register, language: .fr)
        #expect(french.contains("Éditeur américain — États-Unis — garantie"))
        #expect(french.contains("Support — Suisse — garantie"))
        #expect(french.contains("Hôtel de ville, 48000 Mende (France)"))
        #expect(!french.contains("— US —") && !french.contains("(FR)"))
        #expect(french.contains("Transferts hors de l'Espace économique européen (art. 30(1)(e))"))
        #expect(!french.contains("hors de l'Union européenne"))
        let english = RegisterTextReport.render(register, language: .en)
        #expect(english.contains("Éditeur américain — United States — "))
        #expect(english.contains("Transfers outside the European Economic Area (Art. 30(1)(e))"))
    }

    @Test("findings name special categories, DPIA criteria and countries by their labels")
    func findingLabels() throws {
        let health = RegisterCheck.findings(in: CompleteRegister.with(activity: { $0.specialCategories = [SpecialCategoryData(.health)] }))
        let art9 = try #require(health.first { $0.code == .art9_2_condition })
        #expect(art9.message.fr.contains("Données sensibles (santé)") && art9.message.en.contains("(health)"))
        #expect(!art9.message.fr.contains("(health)"))
        let dpia = RegisterCheck.findings(in: CompleteRegister.with(activity: {
            $0.impactAssessment = ImpactAssessment(criteria: [.vulnerableDataSubjects, .largeScale], status: .required)
        }))
        let missing = try #require(dpia.first { $0.code == .art35_dpia_missing })
        #expect(missing.message.fr.contains("(traitement à grande échelle, personnes vulnérables)"))
        #expect(!missing.message.en.contains("large-scale,"))
        let transfer = RegisterCheck.findings(in: CompleteRegister.with(activity: { $0.transfers = [usTransferForWords] }))
        let unsafe = try #require(transfer.first { $0.code == .art30_1_e_transfer_safeguard })
        #expect(unsafe.message.fr.contains("Transfert vers « États-Unis »") && unsafe.message.en.contains("'United States'"))
    }
}

let usTransferForWords = Transfer(recipient: "Éditeur américain", destination: .country("US"))
