import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// `deadlines` on a database reads only the agreements and breaches that may give a deadline
/// (``DeadlineSchedule/mayGiveDeadline(_:)``, kept by the store): a register holding only those gives the
/// same deadlines as the whole register, at any moment.
@Suite("The agreements and breaches a deadline may come from")
struct DeadlineSourceTests {
    let moments = ["2025-06-01T09:00", "2026-02-01T09:00", "2026-03-30T09:00", "2028-11-01T09:00", "2031-01-01T09:00"]
        .map { Instant.parse($0, timeZone: Instant.defaultTimeZone)! }

    /// The register without the agreements and breaches that cannot give a deadline.
    func sourcesOnly(_ register: Register) -> Register {
        var kept = register
        kept.agreements = register.agreements.filter { DeadlineSchedule.mayGiveDeadline(.agreement($0)) }
        kept.breaches = register.breaches.filter { DeadlineSchedule.mayGiveDeadline(.breach($0)) }
        return kept
    }

    /// A breach not notified, of encrypted data whose key is safe: unlikely to result in a risk.
    static func judgedUnlikely(_ breach: inout Breach) {
        breach.notifications = []
        breach.assessment = RiskAssessment(data: [.init(.simple)], identification: .negligible, confidentiality: .knownRecipients)
        breach.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
    }

    /// Registers whose agreements and breaches each give or withhold their deadlines.
    var registers: [Register] {
        var registers = [
            CompleteRegister.register,
            CompleteRegister.with(agreement: { $0.obligations = [] }),
            CompleteRegister.with(agreement: { $0.obligations[0].fulfilled = CalendarDate(year: 2028, month: 9, day: 1) }),
            CompleteRegister.with(agreement: {
                $0.terms = [ContractTerm(.termination, period: DeadlinePeriod(3, .months), clause: "Art. 9")]
                $0.obligations = []
            }),
            CompleteRegister.with(agreement: {
                $0.terms = [ContractTerm(.reversibility, period: DeadlinePeriod(3, .months), clause: "Art. 6")]
                $0.reversibilityRequested = CalendarDate(iso: "2026-05-01")
                $0.obligations = []
            }),
            CompleteRegister.with(agreement: {
                $0.changeNotices = [SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur",
                                                       noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!)]
                $0.obligations = []
            }),
            CompleteRegister.with(breach: { $0.notifications = [] }),
            CompleteRegister.with(breach: Self.judgedUnlikely),
            CompleteRegister.with(breach: { $0.notifications = []; $0.assessment = nil }),
            ChangeNoticeFanOutTests().register(),
            ChangeNoticeFanOutTests().register(outcome: .accepted),
        ]
        var campaign = ReviewCampaignTests().register
        campaign.breaches = CompleteRegister.register.breaches
        registers.append(campaign)
        return registers
    }

    @Test("the agreements and breaches that may give a deadline give every deadline of the register, at any moment")
    func sameDeadlines() {
        for (index, register) in registers.enumerated() {
            for now in moments {
                #expect(DeadlineSchedule.deadlines(in: sourcesOnly(register), now: now) == DeadlineSchedule.deadlines(in: register, now: now),
                        "register \(index) at \(now)")
            }
        }
    }

    @Test("an agreement may give a deadline by a dated obligation, a pending change, a termination notice or a reversibility request; else not")
    func agreements() {
        let agreement = CompleteRegister.agreement
        #expect(DeadlineSchedule.mayGiveDeadline(.agreement(agreement)))
        var quiet = agreement
        quiet.obligations = []
        #expect(!DeadlineSchedule.mayGiveDeadline(.agreement(quiet)))
        var fulfilled = agreement
        fulfilled.obligations[0].fulfilled = CalendarDate(year: 2028, month: 9, day: 1)
        #expect(!DeadlineSchedule.mayGiveDeadline(.agreement(fulfilled)))
        var changed = quiet
        changed.changeNotices = [SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur", noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!)]
        #expect(DeadlineSchedule.mayGiveDeadline(.agreement(changed)))
        changed.changeNotices[0].outcome = .accepted
        #expect(!DeadlineSchedule.mayGiveDeadline(.agreement(changed)))
        var terminated = quiet
        terminated.terms = [ContractTerm(.termination, period: DeadlinePeriod(3, .months))]
        #expect(DeadlineSchedule.mayGiveDeadline(.agreement(terminated)))
        terminated.term = nil
        #expect(!DeadlineSchedule.mayGiveDeadline(.agreement(terminated)))
        var reversed = quiet
        reversed.reversibilityRequested = CalendarDate(iso: "2026-05-01")
        #expect(DeadlineSchedule.mayGiveDeadline(.agreement(reversed)))
    }

    @Test("a breach may give a deadline until it is notified, unless judged unlikely to result in a risk (Art. 33(1))")
    func breaches() {
        var breach = CompleteRegister.breach
        #expect(!DeadlineSchedule.mayGiveDeadline(.breach(breach)))
        breach.notifications = []
        #expect(DeadlineSchedule.mayGiveDeadline(.breach(breach)))
        breach.assessment = nil
        #expect(DeadlineSchedule.mayGiveDeadline(.breach(breach)))
        Self.judgedUnlikely(&breach)
        #expect(BreachDecision(breach, in: CompleteRegister.register, now: CompleteRegister.aware).notifyAuthority == false)
        #expect(!DeadlineSchedule.mayGiveDeadline(.breach(breach)))
        #expect(DeadlineSchedule.mayGiveDeadline(.audit(CompleteRegister.audit)))
    }
}
