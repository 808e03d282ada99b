import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Ten breaches written by registre's developers from the EDPB's reasoning (Guidelines 9/2022 and
/// 01/2021): their own scenarios, not the guidelines' cases. For each, the decision before the facts were
/// weighed (the ENISA band, or the DPO's override, was the last word) and after.
@Suite("Ten breaches decided before and after the facts weigh")
struct BreachScenarioTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        let name: String
        let before: RiskLevel
        let after: RiskLevel
        let breach: @Sendable (inout Breach) -> Void
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "1. Newsletter sent to 300 residents with every address visible", before: .unlikely, after: .risk) {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .knownRecipients)
            $0.subjects = 300
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Les 300 destinataires de la lettre")
        },
        Scenario(name: "2. Canteen application: about 2,400 pupils' names, classes and allergies taken", before: .unlikely, after: .high) {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .significant, confidentiality: .unknownRecipients, malicious: true)
            $0.subjects = try! Count(about: 2_400)
            $0.exfiltration = Exfiltration(.confirmed, evidence: "Fichier mis en vente sur un forum")
            $0.vulnerableGroups = [.children]
            $0.specialCategories = [.health]
        },
        Scenario(name: "3. Ransomware on the town hall file server, restored in 5 hours, logs show nothing left", before: .unlikely, after: .unlikely) {
            $0.nature = [.availability, .confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.behavioural)], identification: .limited, availability: .temporary, malicious: true)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 5, dataLost: false, impact: .noConsequence)
            $0.exfiltration = Exfiltration(.excluded, evidence: "Journaux du pare-feu sur 30 jours : aucun flux sortant")
        },
        Scenario(name: "4. Ransomware at a care home, no usable backup, a month of records lost", before: .high, after: .high) {
            $0.nature = [.availability]
            $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .significant, availability: .permanent, malicious: true)
            $0.restoration = Restoration(backupAvailable: false, hoursToRestore: 72, dataLost: true)
            $0.vulnerableGroups = [.elderly, .patients]
            $0.specialCategories = [.health]
        },
        Scenario(name: "5. HR laptop stolen, full-disk encryption, key safe, files on the server", before: .high, after: .unlikely) {
            $0.nature = [.confidentiality, .availability]
            $0.assessment = RiskAssessment(data: [.init(.financial)], identification: .maximum, confidentiality: .unknownRecipients, malicious: true)
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 2, dataLost: false, impact: .noConsequence)
        },
        Scenario(name: "6. A departing agent copies 800 customers' contacts for a new employer", before: .unlikely, after: .risk) {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .knownRecipients)
            $0.subjects = 800
            $0.exfiltration = Exfiltration(.confirmed, evidence: "Export USB dans les journaux du poste")
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "L'ancien agent")
        },
        Scenario(name: "7. Credential stuffing on the citizen portal, 1,500 accounts taken over", before: .high, after: .high) {
            $0.nature = [.confidentiality, .integrity]
            $0.assessment = RiskAssessment(data: [.init(.simple, adjustment: 1)], identification: .maximum, confidentiality: .unknownRecipients,
                                           integrity: .recoverable, malicious: true)
            $0.subjects = 1_500
            $0.observedConsequences = [.accountTakeover]
        },
        Scenario(name: "8. Social aid decision posted to the neighbours, who returned it unopened", before: .high, after: .unlikely) {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.financial)], identification: .maximum, confidentiality: .knownRecipients)
            $0.subjects = 1
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Le foyer voisin", returnedOrDeleted: true, identified: true)
            // Returned unopened: nobody read it, which the envelope shows.
            $0.exfiltration = Exfiltration(.excluded, evidence: "Pli rendu fermé, cachet intact")
        },
        Scenario(name: "9. Phished mailbox of the municipal police: 40 incident reports read by the attacker", before: .unlikely, after: .high) {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .knownRecipients, malicious: true)
            $0.subjects = 40
            $0.criminalOffenceData = true
        },
        Scenario(name: "10. Health centre booking down for 30 hours after a failed update, nothing lost", before: .risk, after: .risk) {
            $0.nature = [.availability]
            $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .limited, availability: .temporary)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 30, dataLost: false)
            $0.vulnerableGroups = [.patients]
            $0.specialCategories = [.health]
        },
    ]

    @Test("before: the ENISA band alone; after: the facts weighed", arguments: scenarios)
    func scenario(_ scenario: Scenario) throws {
        let register = CompleteRegister.with(breach: { $0.notifications = []; scenario.breach(&$0) })
        let breach = register.breaches[0]
        let assessment = try #require(breach.assessment)
        // What registre decided before: the band's tier, or the DPO's override.
        #expect((assessment.override?.level ?? SeverityScore(assessment).supportedLevel) == scenario.before)
        let decision = BreachDecision(breach, in: register, now: CompleteRegister.aware)
        #expect(decision.level == scenario.after)
        #expect(decision.scoredLevel == scenario.before)
        if scenario.after == .unlikely {
            #expect(!decision.exemptingFacts.isEmpty, "no notification without the facts named")
        }
    }
}
