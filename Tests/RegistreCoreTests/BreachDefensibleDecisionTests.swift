import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Issue 25's breach cases, written as facts → decision, each citing the guidance it follows. For each
/// rule, one case where it fires and one where it stays quiet.
///
/// Sources: EDPB Guidelines 9/2022 on personal data breach notification (v2.0, the update of WP250),
/// §II.D (conditions where notification is not required), §III.D (conditions where communication is
/// not required), §IV.B (assessing risk and high risk); EDPB Guidelines 01/2021 on examples regarding
/// data breach notification (v2.0), by case number; ENISA, Recommendations for a methodology of the
/// assessment of severity of personal data breaches (2013).
@Suite("Breach decisions a DPO can defend (issue 25)")
struct BreachDefensibleDecisionTests {
    let aware = CompleteRegister.aware

    func decide(_ facts: @escaping (inout Breach) -> Void) -> (BreachDecision, [Finding]) {
        let register = CompleteRegister.with(breach: { breach in
            breach.notifications = []
            breach.communication = nil
            facts(&breach)
        })
        let decision = BreachDecision(register.breaches[0], in: register, now: aware)
        let findings = RegisterCheck.findings(in: register, now: aware).filter { $0.subject == EntityKey(.breach, register.breaches[0].id) }
        return (decision, findings)
    }

    /// 60,000 patients' health records sent to a lawyer: ENISA SE = 4 × 1 + 0.25 = 4.25, very high.
    static let healthRecordsToALawyer: @Sendable (inout Breach) -> Void = {
        $0.nature = [.confidentiality]
        $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .maximum, confidentiality: .knownRecipients)
        $0.subjects = 60_000
        $0.specialCategories = [.health]
    }

    // MARK: 1. One mitigating fact does not override everything

    @Test("9/2022 §IV.B: a recipient recorded as trusted, but not shown bound to confidentiality nor to have deleted the data, does not lower a very high severity")
    func trustedAloneDoesNotCount() {
        let (decision, _) = decide {
            Self.healthRecordsToALawyer(&$0)
            $0.disclosure = Disclosure(.trusted, recipients: "Un cabinet d'avocats")
        }
        #expect(decision.score?.band == .veryHigh)
        #expect(decision.level == .high)
        #expect(decision.notifyAuthority == true)
        #expect(decision.reasons.contains { $0.en.contains("Recipient recorded as trusted, but not shown: bound to confidentiality, data returned or deleted") })
        #expect(decision.reasons.contains { $0.fr.contains("Destinataire dit « de confiance », mais non établi") })
    }

    @Test("01/2021 case no. 09 and 9/2022 §IV.B: a trusted recipient bound to confidentiality who deleted the data lowers the likelihood one tier — a very high severity stays notifiable, never 'no risk'")
    func trustedLowersOneTierOnly() {
        let (decision, _) = decide {
            Self.healthRecordsToALawyer(&$0)
            $0.disclosure = Disclosure(.trusted, recipients: "Un cabinet d'avocats", boundToConfidentiality: true, returnedOrDeleted: true)
        }
        #expect(decision.score?.band == .veryHigh)
        #expect(decision.level == .risk)
        #expect(decision.notifyAuthority == true)
        #expect(decision.communicateToSubjects == false)
        #expect(decision.exemptingFacts.isEmpty)
        // The fact and its effect, in each language.
        #expect(decision.reasons.contains {
            $0.en.contains("trusted recipient (Un cabinet d'avocats), bound to confidentiality")
                && $0.en.contains("lowers the likelihood of misuse, not the severity — one tier down at most, 'high-risk' → 'risk'")
        })
        #expect(decision.reasons.contains { $0.fr.contains("un niveau de moins au plus, « risque élevé » → « risque »") })
    }

    @Test("01/2021 case no. 09: the same trusted recipient on a medium severity shows no notification is due (quiet case)")
    func trustedOnAMediumSeverity() {
        let (decision, _) = decide {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.financial)], identification: .significant, confidentiality: .knownRecipients)
            $0.disclosure = Disclosure(.trusted, recipients: "L'agent d'assurance", boundToConfidentiality: true, returnedOrDeleted: true)
        }
        #expect(decision.scoredLevel == .risk)
        #expect(decision.level == .unlikely)
        #expect(decision.exemptingFacts.count == 1)
    }

    // MARK: 2. A backup does not make an outage harmless, whatever the data

    static let healthOutage: @Sendable (inout Breach) -> Void = {
        $0.nature = [.availability]
        $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .limited, availability: .temporary)
        $0.specialCategories = [.health]
    }

    @Test("01/2021 case no. 03: a 20-hour loss of health data restored from an intact backup is not exempt while what it did to the people is not recorded")
    func restorationAloneDoesNotExempt() {
        let (decision, _) = decide {
            Self.healthOutage(&$0)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 20, dataLost: false)
        }
        #expect(decision.level != .unlikely)
        #expect(decision.notifyAuthority == true)
        #expect(decision.reasons.contains { $0.en.contains("what the unavailability did to the people is not recorded") })
    }

    @Test("01/2021 case no. 03: the same outage stopping care is a high risk, however it was restored")
    func criticalServiceAggravates() {
        let (decision, _) = decide {
            Self.healthOutage(&$0)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 20, dataLost: false, impact: .critical)
        }
        #expect(decision.level == .high)
        #expect(decision.reasons.contains { $0.en.hasPrefix("Aggravating fact: a service critical to the people") && $0.en.contains("case no. 03") })
    }

    @Test("01/2021 case no. 01: the same outage with no consequence for the people is shown unlikely to result in a risk (quiet case)")
    func outageWithoutConsequence() {
        let (decision, _) = decide {
            Self.healthOutage(&$0)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 20, dataLost: false, impact: .noConsequence)
        }
        #expect(decision.level == .unlikely)
        #expect(decision.exemptingFacts.map(\.en) == [
            "availability: restored from an intact backup in 20 hour(s), without data lost or consequence for the people (EDPB Guidelines 01/2021, §2.1, case no. 01; §2.3, case no. 03)",
        ])
        // Disrupted services are not "no consequence": at least a risk.
        let (disrupted, _) = decide {
            Self.healthOutage(&$0)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 20, dataLost: false, impact: .disruption)
        }
        #expect(disrupted.level != .unlikely)
    }

    // MARK: 3. An exception the check rejects is not relied on

    @Test("9/2022 §III.D: Art. 34(3)(a) recorded without the encryption it needs — the check fires and the decision requires the communication, naming what is missing")
    func exceptionNotShownIsNotReliedOn() {
        let (decision, findings) = decide {
            Self.healthRecordsToALawyer(&$0)
            $0.disclosure = Disclosure(.hostile, recipients: "Un attaquant")
            $0.communication = SubjectCommunication(exception: .unintelligible, detail: "Données chiffrées")
        }
        #expect(findings.map(\.code).contains(.art34_3_a_not_shown))
        #expect(decision.level == .high)
        #expect(decision.exceptionReliedOn == nil)
        #expect(decision.communicateToSubjects == true)
        #expect(!decision.reasons.contains { $0.en.contains("is relied on: no communication") })
        #expect(decision.reasons.contains {
            $0.en.hasPrefix("High risk: communication to the data subjects required (Art. 34(1)). The exception of Art. 34(3)(a) is recorded, but the register does not show its conditions")
                && $0.en.contains("no state-of-the-art encryption with an uncompromised key is recorded")
        })
    }

    @Test("9/2022 §III.D: Art. 34(3)(b) with a subsequent measure and no harm seen is relied on (quiet case)")
    func exceptionShownIsReliedOn() {
        let (decision, findings) = decide {
            Self.healthRecordsToALawyer(&$0)
            $0.disclosure = Disclosure(.hostile, recipients: "Un attaquant")
            $0.observedConsequences = []
            $0.measures = ["Injonction de suppression exécutée, copie détruite sous contrôle d'huissier"]
            $0.communication = SubjectCommunication(exception: .riskNoLongerLikely, detail: "Copie détruite")
        }
        #expect(!findings.map(\.code).contains(.art34_3_b_not_shown))
        #expect(decision.level == .high)
        #expect(decision.exceptionReliedOn == .riskNoLongerLikely)
        #expect(decision.communicateToSubjects == false)
    }

    // MARK: 4. Contradictory facts are a finding, and the less favourable one is weighed

    @Test("9/2022 §II.D (in doubt, notify): 'exfiltration excluded' with recipients of unknown intentions — BREACH-FACTS-CONTRADICT names both and the exclusion is set aside")
    func contradictionFires() throws {
        let (decision, findings) = decide {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .limited)
            $0.exfiltration = Exfiltration(.excluded, evidence: "Journaux du serveur")
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Un ancien prestataire")
        }
        let finding = try #require(findings.first { $0.code == .breach_facts_contradict })
        #expect(finding.severity == .error)
        #expect(finding.message.en.contains("'exfiltration excluded' and 'recipients whose intentions are unknown hold the data' cannot both be true"))
        #expect(finding.message.fr.contains("« exfiltration exclue » et « des destinataires aux intentions inconnues détiennent les données »"))
        #expect(decision.level == .risk)
        #expect(decision.notifyAuthority == true)
        #expect(decision.contradictions.count == 1)
        #expect(decision.reasons.contains { $0.en.hasPrefix("Contradictory facts:") })
    }

    @Test("the other contradictions: exfiltration confirmed against 'no evidence of access', nothing lost against a permanent loss, a trusted recipient against a confirmed exfiltration")
    func otherContradictions() {
        let (confirmed, confirmedFindings) = decide {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .limited, confidentiality: .noEvidenceOfAccess)
            $0.exfiltration = Exfiltration(.confirmed)
            $0.disclosure = Disclosure(.trusted, boundToConfidentiality: true, returnedOrDeleted: true)
        }
        #expect(confirmedFindings.filter { $0.code == .breach_facts_contradict }.count == 2)
        #expect(confirmed.level == .risk)
        let (lost, lostFindings) = decide {
            $0.nature = [.availability]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .limited, availability: .permanent)
            $0.restoration = Restoration(backupAvailable: true, hoursToRestore: 2, dataLost: false, impact: .noConsequence)
        }
        #expect(lostFindings.map(\.code).contains(.breach_facts_contradict))
        #expect(lost.level == .risk, "the permanent loss is weighed, not the quick restoration")
    }

    @Test("consistent facts raise no contradiction: exclusion with a trusted recipient, or with a letter returned unopened (quiet case)")
    func contradictionQuiet() {
        let (trusted, trustedFindings) = decide {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .limited)
            $0.exfiltration = Exfiltration(.excluded, evidence: "Journaux du serveur")
            $0.disclosure = Disclosure(.trusted)
        }
        #expect(!trustedFindings.map(\.code).contains(.breach_facts_contradict))
        #expect(trusted.level == .unlikely)
        let (returned, returnedFindings) = decide {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.financial)], identification: .maximum, confidentiality: .knownRecipients)
            $0.exfiltration = Exfiltration(.excluded, evidence: "Pli rendu fermé")
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Le voisin", returnedOrDeleted: true, identified: true)
        }
        #expect(!returnedFindings.map(\.code).contains(.breach_facts_contradict))
        #expect(returned.level == .unlikely)
    }

    // MARK: 5. Facts the decision could not express

    @Test("01/2021 case no. 06: passwords stored as salted hashes with a current algorithm and a safe salt are of no use to the attacker; a compromised salt is")
    func saltedHashes() {
        let stolen: (inout Breach) -> Void = {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .significant, confidentiality: .unknownRecipients, malicious: true)
            $0.exfiltration = Exfiltration(.confirmed, evidence: "Injection SQL dans les journaux")
        }
        let (safe, _) = decide { stolen(&$0); $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false, form: .saltedHash) }
        #expect(safe.level == .unlikely)
        #expect(safe.exemptingFacts.first?.en.contains("salted hashes with a state-of-the-art algorithm, salt not compromised") == true)
        #expect(safe.exemptingFacts.first?.en.contains("EDPB Guidelines 01/2021, §3.2, case no. 06") == true)
        let (compromised, _) = decide { stolen(&$0); $0.encryption = Encryption(.stateOfTheArt, keyCompromised: true, form: .saltedHash) }
        #expect(compromised.level != .unlikely)
    }

    @Test("01/2021 §6 (mispostal): a wrong but identified recipient who confirmed deletion lowers the likelihood one tier; unidentified, nothing")
    func identifiedRecipientWhoDeleted() {
        let misaddressed: (inout Breach) -> Void = {
            $0.nature = [.confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.financial)], identification: .significant, confidentiality: .knownRecipients)
        }
        let (identified, _) = decide {
            misaddressed(&$0)
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "M. Martin, destinataire du courriel", returnedOrDeleted: true, identified: true)
        }
        #expect(identified.scoredLevel == .risk)
        #expect(identified.level == .unlikely)
        #expect(identified.exemptingFacts.first?.en.contains("wrong but identified recipient (M. Martin, destinataire du courriel)") == true)
        let (unidentified, _) = decide {
            misaddressed(&$0)
            $0.disclosure = Disclosure(.intentionsUnknown, returnedOrDeleted: true, identified: false)
        }
        #expect(unidentified.level == .risk)
        let (onHighSeverity, _) = decide {
            Self.healthRecordsToALawyer(&$0)
            $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Un particulier", returnedOrDeleted: true, identified: true)
        }
        #expect(onHighSeverity.level == .risk, "one tier down from a very high severity, never to 'no risk'")
    }

    @Test("01/2021 case no. 04: data lost for good with no backup, and contact data taken usable for phishing, is a high risk; not usable for phishing, a risk")
    func permanentLossAndPhishing() {
        let ransomware: (inout Breach) -> Void = {
            $0.nature = [.availability, .confidentiality]
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .unknownRecipients,
                                           availability: .permanent, malicious: true)
            $0.subjects = 300
            $0.restoration = Restoration(backupAvailable: false, dataLost: true)
        }
        let (phishing, _) = decide { ransomware(&$0); $0.exfiltration = Exfiltration(.confirmed, evidence: "Revendication du groupe", usableForPhishing: true) }
        #expect(phishing.level == .high)
        #expect(phishing.communicateToSubjects == true)
        #expect(phishing.reasons.contains { $0.en.contains("Data lost for good, with no backup") && $0.en.contains("case no. 02") })
        #expect(phishing.reasons.contains { $0.en.contains("usable to deceive the people in the controller's name (phishing, fraud)") && $0.en.contains("case no. 04") })
        let (notPhishing, _) = decide { ransomware(&$0); $0.exfiltration = Exfiltration(.confirmed, usableForPhishing: false) }
        #expect(notPhishing.level == .risk)
    }

    // MARK: The property behind all of them

    @Test("over generated breaches: a fact that lowers only the likelihood never takes a high or very high severity to 'no risk'", arguments: 0..<60)
    func noSingleLikelihoodFactToNoRisk(seed: Int) {
        var generator = RegisterGenerator(seed: UInt64(seed))
        let register = generator.register()
        for var breach in register.breaches {
            guard let assessment = breach.assessment, assessment.override == nil,
                  SeverityScore(assessment).supportedLevel == .high else { continue }
            breach.nature = [.confidentiality]
            breach.encryption = nil
            breach.exfiltration = nil
            breach.disclosure = Disclosure(.trusted, boundToConfidentiality: true, returnedOrDeleted: true, identified: true)
            let decision = BreachDecision(breach, in: register, now: breach.aware)
            #expect(decision.level != .unlikely, "\(breach.id)")
        }
    }
}
