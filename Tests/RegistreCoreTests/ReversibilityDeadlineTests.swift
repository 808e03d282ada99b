import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Issue 25: the reversibility term (seed 004, art. 6: "a reversibility plan within three months of the
/// request") gives its dated obligation once the controller's request is recorded, counted as the term says.
@Suite("The reversibility plan in the deadlines")
struct ReversibilityDeadlineTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func plan(_ terms: [ContractTerm], requested: CalendarDate? = CalendarDate(iso: "2026-05-01")) -> [ScheduledDeadline] {
        let register = CompleteRegister.with(agreement: { $0.terms = terms; $0.reversibilityRequested = requested; $0.obligations = [] })
        return DeadlineSchedule.deadlines(in: register, now: now).filter { $0.what.en.hasPrefix("Reversibility plan due") }
    }

    @Test("three months from a request of Friday 1 May 2026: Saturday 1 August, moved to Monday 3 August under 1182/71 (fires)")
    func threeMonths() throws {
        let found = plan([ContractTerm(.reversibility, period: DeadlinePeriod(3, .months), clause: "Art. 6")])
        let deadline = try #require(found.first)
        #expect(found.count == 1)
        #expect(deadline.dueDay == CalendarDate(iso: "2026-08-03"))
        #expect(deadline.source == "Art. 6")
        #expect(deadline.subject == Finding.Subject(.agreement, CompleteRegister.agreement.id))
        #expect(deadline.what.en.contains("requested on 2026-05-01"))
        #expect(deadline.what.fr.contains("demandé le 2026-05-01"))
    }

    @Test("counted as the term says: calendar months without roll-over end on the Saturday")
    func calendarCounting() throws {
        let found = plan([ContractTerm(.reversibility, period: DeadlinePeriod(3, .months), counting: .calendar, clause: "Art. 6")])
        #expect(found.first?.dueDay == CalendarDate(iso: "2026-08-01"))
    }

    @Test("quiet: no request recorded, or no reversibility term")
    func quiet() {
        #expect(plan([ContractTerm(.reversibility, period: DeadlinePeriod(3, .months))], requested: nil).isEmpty)
        #expect(plan([]).isEmpty)
    }
}
