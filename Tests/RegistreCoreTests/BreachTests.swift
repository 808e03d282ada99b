import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Breaches: the 72-hour clock and the risk decision")
struct BreachTests {
    let aware = CompleteRegister.aware

    func decision(_ change: (inout Breach) -> Void = { _ in }, now: Date) -> BreachDecision {
        let register = CompleteRegister.with(breach: change)
        return BreachDecision(register.breaches[0], in: register, now: now)
    }

    @Test("awareness at 16:30 in Paris on 27 March 2026: deadline 30 March at 16:30 in Paris, 14:30 UTC")
    func deadlineAcrossSummerTime() {
        #expect(utc(decision(now: aware).deadline) == "2026-03-30T14:30:00.000Z")
    }

    @Test("the clock's states", arguments: [
        (0.0, false, BreachDecision.ClockState.inTime),
        (50.0, false, .dueSoon),
        (73.0, false, .overdue),
    ])
    func clock(hours: Double, notified: Bool, state: BreachDecision.ClockState) {
        #expect(decision({ $0.notifications = [] }, now: aware.addingTimeInterval(hours * 3600)).clock == state)
    }

    @Test("notified in time, notified late, not required")
    func notifiedStates() {
        #expect(decision(now: aware).clock == .notifiedInTime)
        #expect(decision({ $0.notifications[0].at = aware.addingTimeInterval(72 * 3600) }, now: aware).clock == .notifiedLate)  // 72 elapsed hours is 73 on the wall clock
        #expect(decision({ $0.notifications[0].at = aware.addingTimeInterval(71 * 3600) }, now: aware).clock == .notifiedInTime)
        let unlikely = decision({
            $0.notifications = []
            $0.assessment = RiskAssessment(data: [.init(.simple)], identification: .negligible)
            $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
        }, now: aware.addingTimeInterval(100 * 3600))
        #expect(unlikely.clock == .notRequired)
        #expect(unlikely.notifyAuthority == false)
    }

    @Test("late with reasons for the delay is not an error")
    func lateWithReasons() {
        let register = CompleteRegister.with(breach: {
            $0.notifications[0].at = aware.addingTimeInterval(73 * 3600)
            $0.delayReasons = "Attaque découverte un vendredi soir ; périmètre établi le lundi avec l'hébergeur"
        })
        #expect(RegisterCheck.findings(in: register).map(\.code) == [])
    }

    @Test("a high risk with an Art. 34(3) exception, or a communication, needs no further communication",
          arguments: [SubjectCommunication(exception: .riskNoLongerLikely), SubjectCommunication(at: Date(timeIntervalSince1970: 1_774_900_000))])
    func communicationQuiet(_ communication: SubjectCommunication) {
        let register = CompleteRegister.with(breach: { $0.assessment?.data = [.init(.sensitive)]; $0.communication = communication })
        #expect(RegisterCheck.findings(in: register) == [])
        #expect(BreachDecision(register.breaches[0], in: register, now: aware).communicateToSubjects == (communication.exception == nil))
    }

    @Test("the DPO's override decides, and the reasons say so")
    func override() {
        let register = CompleteRegister.with(breach: {
            $0.assessment?.data = [.init(.sensitive)]
            $0.assessment?.override = RiskAssessment.Override(.risk, justification: "Données chiffrées, clé non compromise")
        })
        let decision = BreachDecision(register.breaches[0], in: register, now: aware)
        #expect(decision.level == .risk)
        #expect(decision.overridden)
        #expect(decision.communicateToSubjects == false)
        #expect(decision.reasons.contains { $0.en.contains("Données chiffrées, clé non compromise") })
    }

    @Test("the missing items of Art. 33(3)")
    func missingItems() {
        var breach = CompleteRegister.breach
        #expect(breach.missingNotificationItems.isEmpty)
        breach.likelyConsequences = nil
        breach.records = nil
        #expect(breach.missingNotificationItems == [.nature, .consequences])
    }
}

/// ENISA's method on worked examples; each expected score computed by hand as SE = DPC × EI + CB.
@Suite("ENISA severity")
struct SeverityScoreTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let assessment: RiskAssessment
        let dpc: Int
        let se: Double
        let band: SeverityScore.Band
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "contact list, identity readable, no circumstance: 1 × 1 + 0",
                assessment: RiskAssessment(data: [.init(.simple)], identification: .maximum), dpc: 1, se: 1, band: .low),
        Example(name: "detailed profile to known recipients: (2+1) × 0.75 + 0.25",
                assessment: RiskAssessment(data: [.init(.behavioural, adjustment: 1)], identification: .significant, confidentiality: .knownRecipients),
                dpc: 3, se: 2.5, band: .medium),
        Example(name: "full card details stolen and published: min(4, 3+1) × 1 + 0.5 + 0.5",
                assessment: RiskAssessment(data: [.init(.financial, adjustment: 1)], identification: .maximum, confidentiality: .unknownRecipients, malicious: true),
                dpc: 4, se: 5, band: .veryHigh),
        Example(name: "public health information altered, recoverable: max(1, 4−3) × 0.5 + 0.25",
                assessment: RiskAssessment(data: [.init(.sensitive, adjustment: -3)], identification: .limited, integrity: .recoverable),
                dpc: 1, se: 0.75, band: .low),
        Example(name: "health records lost for good, hardly identifiable: 4 × 0.25 + 0.5 + 0.5",
                assessment: RiskAssessment(data: [.init(.sensitive)], identification: .negligible, integrity: .unrecoverable, availability: .permanent),
                dpc: 4, se: 2, band: .medium),
        Example(name: "every circumstance at its highest is capped at 2: 1 × 1 + 2",
                assessment: RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .unknownRecipients,
                                           integrity: .unrecoverable, availability: .permanent, malicious: true),
                dpc: 1, se: 3, band: .high),
        Example(name: "bank statements temporarily unavailable: 3 × 0.5 + 0.25",
                assessment: RiskAssessment(data: [.init(.financial)], identification: .limited, availability: .temporary),
                dpc: 3, se: 1.75, band: .low),
        Example(name: "exposed without evidence of access, altered without wrong use, recovered: 2 × 1 + 0",
                assessment: RiskAssessment(data: [.init(.behavioural)], identification: .maximum, confidentiality: .noEvidenceOfAccess,
                                           integrity: .noWrongUse, availability: .recoverable),
                dpc: 2, se: 2, band: .medium),
        Example(name: "several categories: the highest counts, adjustments clamped to 1…4",
                assessment: RiskAssessment(data: [.init(.simple, adjustment: -3), .init(.sensitive, adjustment: 3), .init(.financial)], identification: .significant),
                dpc: 4, se: 3, band: .high),
    ]

    @Test("worked examples", arguments: examples)
    func example(_ example: Example) {
        let score = SeverityScore(example.assessment)
        #expect(score.dataProcessingContext == example.dpc)
        #expect(abs(score.value - example.se) < 1e-9)
        #expect(score.band == example.band)
    }

    @Test("bands support the EDPB tiers")
    func tiers() {
        #expect(SeverityScore(Self.examples[0].assessment).supportedLevel == .unlikely)
        #expect(SeverityScore(Self.examples[1].assessment).supportedLevel == .risk)
        #expect(SeverityScore(Self.examples[5].assessment).supportedLevel == .high)
        #expect(SeverityScore(Self.examples[2].assessment).supportedLevel == .high)
    }
}
