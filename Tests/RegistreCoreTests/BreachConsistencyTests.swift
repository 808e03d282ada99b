import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// The quiet side of the Art. 34(3) and timeline rules: each exception backed by its facts, and
/// timelines that tell a possible story, give no finding. (Their firing side is in `breakages`.)
@Suite("Art. 34(3) exceptions and timelines: quiet when the facts support them")
struct BreachConsistencyTests {
    static func high(_ breach: inout Breach) { breach.assessment?.data = [.init(.sensitive)] }

    @Test("(a) with state-of-the-art encryption, a safe key, and limited identification")
    func unintelligibleShown() {
        let register = CompleteRegister.with(breach: {
            $0.assessment = RiskAssessment(data: [.init(.sensitive)], identification: .limited, confidentiality: .unknownRecipients, malicious: true,
                                           override: RiskAssessment.Override(.high, justification: "Clé détenue par un prestataire"))
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
            $0.communication = SubjectCommunication(exception: .unintelligible)
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("(b) with the measures recorded and no harm seen")
    func riskNoLongerLikelyShown() {
        let register = CompleteRegister.with(breach: {
            Self.high(&$0)
            $0.observedConsequences = []
            $0.communication = SubjectCommunication(exception: .riskNoLongerLikely, detail: "Comptes bloqués avant tout usage")
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("(c) with a dated public communication")
    func publicCommunication() {
        let register = CompleteRegister.with(breach: {
            Self.high(&$0)
            $0.communication = SubjectCommunication(at: $0.aware.addingTimeInterval(86_400), exception: .disproportionateEffort,
                                                    detail: "Avis sur le site de la commune et dans le bulletin municipal")
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("a possible timeline: started, ended, detected, aware, notified, completed, checked afterwards")
    func possibleTimeline() {
        let register = CompleteRegister.with(breach: {
            $0.occurredFrom = $0.aware.addingTimeInterval(-86_400)
            $0.occurredTo = $0.aware.addingTimeInterval(-7200)
            $0.detected = $0.aware
            $0.notifications.append(AuthorityNotification(kind: .followUp, at: $0.aware.addingTimeInterval(60 * 3600), complete: true))
        })
        #expect(RegisterCheck.findings(in: register, now: CompleteRegister.aware.addingTimeInterval(61 * 3600)) == [])
    }
}
