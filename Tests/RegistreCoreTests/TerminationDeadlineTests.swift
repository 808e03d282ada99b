import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Issue 25: a termination term stated by the agreement gives its dated obligation, counted back from
/// the agreement's term, under the strictest statement.
@Suite("The termination notice in the deadlines")
struct TerminationDeadlineTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func termination(_ terms: [ContractTerm], term: CalendarDate? = CalendarDate(iso: "2028-12-31")) -> [ScheduledDeadline] {
        let register = CompleteRegister.with(agreement: { $0.terms = terms; $0.term = term; $0.obligations = [] })
        return DeadlineSchedule.deadlines(in: register, now: now).filter { $0.what.en.hasPrefix("Last day to give notice of termination") }
    }

    @Test("three months before 31 December 2028, clause cited: notice by 30 September 2028 (fires)")
    func threeMonths() throws {
        let found = termination([ContractTerm(.termination, period: DeadlinePeriod(3, .months), clause: "Art. 11")])
        let deadline = try #require(found.first)
        #expect(found.count == 1)
        #expect(deadline.dueDay == CalendarDate(iso: "2028-09-30"))
        #expect(deadline.source == "Art. 11")
        #expect(deadline.what.en.contains("3 months before 2028-12-31, clause 'Art. 11'"))
    }

    @Test("two statements that disagree: the earlier day holds")
    func strictest() throws {
        let found = termination([
            ContractTerm(.termination, period: DeadlinePeriod(3, .months), clause: "Art. 11"),
            ContractTerm(.termination, period: DeadlinePeriod(6, .months), clause: "Annexe 2"),
        ])
        #expect(found.first?.dueDay == CalendarDate(iso: "2028-06-30"))
        #expect(found.first?.source == "Annexe 2")
    }

    @Test("quiet: no termination term, or no term date to count back from")
    func quiet() {
        #expect(termination([]).isEmpty)
        #expect(termination([ContractTerm(.termination, period: DeadlinePeriod(3, .months))], term: nil).isEmpty)
    }
}
