import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Each fact the EDPB reasons from, changing the decision one way and the other. The base breach is
/// scored "unlikely" by ENISA (ordinary data, hardly identifiable), so only the facts move it.
@Suite("Breach decision: each fact weighs, both ways")
struct BreachFactDecisionTests {
    let aware = CompleteRegister.aware

    func level(_ nature: [Breach.Nature], _ facts: (inout Breach) -> Void) -> RiskLevel? {
        let register = CompleteRegister.with(breach: { breach in
            breach.nature = nature
            breach.assessment = RiskAssessment(data: [.init(.simple)], identification: .negligible)
            breach.subjects = 40
            facts(&breach)
        })
        return BreachDecision(register.breaches[0], in: register, now: aware).level
    }

    @Test("a low score alone no longer exempts: without a fact, the authority is notified")
    func lowScoreAlone() {
        #expect(level([.confidentiality]) { _ in } == .risk)
        #expect(level([.availability]) { _ in } == .risk)
        #expect(level([.integrity]) { _ in } == .risk)
    }

    @Test("encryption: state of the art with a safe key exempts; a compromised, unknown or weak key does not")
    func encryption() {
        #expect(level([.confidentiality]) { $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false) } == .unlikely)
        #expect(level([.confidentiality]) { $0.encryption = Encryption(.stateOfTheArt, keyCompromised: true) } == .risk)
        #expect(level([.confidentiality]) { $0.encryption = Encryption(.stateOfTheArt) } == .risk)
        #expect(level([.confidentiality]) { $0.encryption = Encryption(.weak, keyCompromised: false) } == .risk)
    }

    @Test("exfiltration: excluded on evidence exempts; excluded on no evidence, or possible, does not")
    func exfiltration() {
        #expect(level([.confidentiality]) { $0.exfiltration = Exfiltration(.excluded, evidence: "Journaux du pare-feu") } == .unlikely)
        #expect(level([.confidentiality]) { $0.exfiltration = Exfiltration(.excluded) } == .risk)
        #expect(level([.confidentiality]) { $0.exfiltration = Exfiltration(.possible, evidence: "Journaux incomplets") } == .risk)
    }

    @Test("recipients: a trusted one bound to confidentiality who deleted the data exempts a low score; trusted alone, or unknown intentions, do not")
    func recipients() {
        #expect(level([.confidentiality]) {
            $0.disclosure = Disclosure(.trusted, recipients: "Le service voisin", boundToConfidentiality: true, returnedOrDeleted: true)
        } == .unlikely)
        #expect(level([.confidentiality]) { $0.disclosure = Disclosure(.trusted, recipients: "Le service voisin") } == .risk)
        #expect(level([.confidentiality]) { $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Un ancien agent") } == .risk)
    }

    @Test("restoration: intact backup, quick, nothing lost exempts; slow, lossy or without backup does not")
    func restoration() {
        #expect(level([.availability]) { $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 4, dataLost: false, impact: .noConsequence) } == .unlikely)
        #expect(level([.availability]) { $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 48, dataLost: false) } == .risk)
        #expect(level([.availability]) { $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 4, dataLost: true) } == .risk)
        #expect(level([.availability]) { $0.restoration = Restoration(backupAvailable: false, hoursToRestore: 4) } == .risk)
        #expect(level([.integrity]) { $0.restoration = Restoration(backupAvailable: true, dataLost: false) } == .unlikely)
        #expect(level([.integrity]) { $0.restoration = Restoration(backupAvailable: false) } == .risk)
    }

    @Test("every loss needs its own fact: encryption says nothing of availability")
    func everyLoss() {
        #expect(level([.confidentiality, .availability]) { $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false) } == .risk)
        #expect(level([.confidentiality, .availability]) {
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 2, dataLost: false, impact: .noConsequence)
        } == .unlikely)
    }

    @Test("scale: many people whose data were taken make the risk high; a few do not; an approximation counts by its lower bound")
    func scale() throws {
        let taken: (inout Breach) -> Void = { $0.exfiltration = Exfiltration(.confirmed) }
        #expect(level([.confidentiality]) { taken(&$0); $0.subjects = 5_000 } == .high)
        #expect(level([.confidentiality]) { taken(&$0); $0.subjects = try! Count(about: 1_200) } == .high)
        #expect(level([.confidentiality]) { taken(&$0); $0.subjects = try! Count(from: 500, to: 2_000) } == .risk)
        #expect(level([.confidentiality]) { taken(&$0); $0.subjects = 50 } == .risk)
        #expect(level([.confidentiality]) { taken(&$0); $0.subjects = .unknown } == .risk)
    }

    @Test("vulnerable people whose data are held by someone untrusted make the risk high; none recorded does not")
    func vulnerable() {
        let held: (inout Breach) -> Void = { $0.disclosure = Disclosure(.intentionsUnknown) }
        #expect(level([.confidentiality]) { held(&$0); $0.vulnerableGroups = [.children] } == .high)
        #expect(level([.confidentiality]) { held(&$0); $0.vulnerableGroups = [] } == .risk)
        // Vulnerable people do not weigh when the data are unintelligible.
        #expect(level([.confidentiality]) { $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false); $0.vulnerableGroups = [.children] } == .unlikely)
    }

    @Test("Art. 9 and Art. 10 data taken make the risk high; flagged absent, they do not")
    func sensitiveData() {
        let taken: (inout Breach) -> Void = { $0.exfiltration = Exfiltration(.confirmed) }
        #expect(level([.confidentiality]) { taken(&$0); $0.specialCategories = [.health] } == .high)
        #expect(level([.confidentiality]) { taken(&$0); $0.specialCategories = [] } == .risk)
        #expect(level([.confidentiality]) { taken(&$0); $0.criminalOffenceData = true } == .high)
        #expect(level([.confidentiality]) { taken(&$0); $0.criminalOffenceData = false } == .risk)
    }

    @Test("harm seen makes the risk high even where a fact would have exempted it; none seen leaves the exemption")
    func harmSeen() {
        let encrypted: (inout Breach) -> Void = { $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false) }
        #expect(level([.confidentiality]) { encrypted(&$0); $0.observedConsequences = [.identityTheft] } == .high)
        #expect(level([.confidentiality]) { encrypted(&$0); $0.observedConsequences = [] } == .unlikely)
    }

    @Test("lost data that vulnerable people depend on make the risk high; restored in time, they do not")
    func availabilityForVulnerablePeople() {
        #expect(level([.availability]) { $0.restoration = Restoration(backupAvailable: false, dataLost: true); $0.vulnerableGroups = [.patients] } == .high)
        #expect(level([.availability]) {
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 3, dataLost: false, impact: .noConsequence); $0.vulnerableGroups = []
        } == .unlikely)
    }

    @Test("the ENISA score is one input: a high score on data shown unintelligible is not notified, and the report says why")
    func scoreIsOneInput() throws {
        let register = CompleteRegister.with(breach: {
            $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .maximum, confidentiality: .unknownRecipients, malicious: true)
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
            $0.notifications = []
        })
        let decision = BreachDecision(register.breaches[0], in: register, now: aware)
        #expect(decision.scoredLevel == .high)
        #expect(decision.level == .unlikely)
        #expect(decision.clock == .notRequired)
        #expect(decision.exemptingFacts.map(\.en) == [
            "confidentiality: data encrypted to the state of the art, key not compromised — unintelligible to whoever holds them (EDPB Guidelines 9/2022, §II.D)",
        ])
        #expect(decision.reasons.contains { $0.en.hasPrefix("The ENISA score alone would support 'high-risk'; it is one input only") })
    }

    @Test("a DPO more cautious than the facts is kept; a DPO less cautious than the aggravating facts is not")
    func override() {
        #expect(level([.confidentiality]) {
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
            $0.assessment?.override = RiskAssessment.Override(.risk, justification: "Clé confiée à un prestataire")
        } == .risk)
        #expect(level([.confidentiality]) {
            $0.exfiltration = Exfiltration(.confirmed)
            $0.specialCategories = [.health]
            $0.assessment?.override = RiskAssessment.Override(.unlikely, justification: "Peu de personnes")
        } == .high)
    }

    @Test("the reasons for notifying name the facts that are missing, in both languages")
    func reasonsNameMissingFacts() throws {
        let register = CompleteRegister.with(breach: {
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .negligible)
        })
        let reason = try #require(BreachDecision(register.breaches[0], in: register, now: aware).reasons.first { $0.en.hasPrefix("Art. 33(1)") })
        #expect(reason.en.contains("no evidence (logs) that nothing was taken"))
        #expect(reason.fr.contains("ni preuve (journaux) que rien n'a été pris"))
        #expect(reason.en.contains("EDPB Guidelines 9/2022"))
    }

    @Test("over generated breaches: never 'no notification' without one named fact per loss, and never below what harm seen demands",
          arguments: 0..<100)
    func invariants(seed: Int) {
        var generator = RegisterGenerator(seed: UInt64(seed))
        let register = generator.register()
        for breach in register.breaches {
            let decision = BreachDecision(breach, in: register, now: breach.aware)
            if decision.level == .unlikely {
                #expect(decision.exemptingFacts.count == breach.nature.count, "\(breach.id)")
                #expect(decision.notifyAuthority == false)
            } else {
                #expect(decision.exemptingFacts.isEmpty)
            }
            if breach.assessment != nil, !(breach.observedConsequences ?? []).isEmpty {
                #expect(decision.level == .high, "\(breach.id): harm seen")
            }
        }
    }
}
