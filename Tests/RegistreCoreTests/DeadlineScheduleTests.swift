import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("The register's deadlines")
struct DeadlineScheduleTests {
    let now = Instant.parse("2026-02-01T09:00", timeZone: Instant.defaultTimeZone)!

    @Test("an obligation counted back from the term, and an audit, in order")
    func order() {
        let deadlines = DeadlineSchedule.deadlines(in: CompleteRegister.register, now: now)
        #expect(deadlines.map(\.dueDay.iso) == ["2026-02-09", "2028-09-30"])
        #expect(deadlines.map { $0.status(at: now) } == [.upcoming, .upcoming])
    }

    @Test("--within keeps what is due in time, and always what is overdue")
    func horizon() {
        let later = Instant.parse("2026-02-10T09:00", timeZone: Instant.defaultTimeZone)!
        let soon = DeadlineSchedule.deadlines(in: CompleteRegister.register, now: later, within: DeadlinePeriod(30, .days))
        #expect(soon.map(\.dueDay.iso) == ["2026-02-09"])
        #expect(soon[0].status(at: later) == .overdue)
    }

    @Test("a fulfilled obligation, or one whose event has no date, has no deadline")
    func notRunning() {
        let register = CompleteRegister.with(agreement: {
            $0.obligations[0].fulfilled = CalendarDate(year: 2028, month: 9, day: 1)
            $0.obligations.append(DatedObligation(id: "reversibilite", description: "Plan de réversibilité",
                                                  period: DeadlinePeriod(3, .months), direction: .after, event: "la demande"))
        })
        #expect(DeadlineSchedule.deadlines(in: register, now: now).map(\.subject.kind) == [.audit])
    }

    @Test("a pending change of sub-processor gives its objection deadline")
    func objection() {
        let register = CompleteRegister.with(agreement: {
            $0.changeNotices = [SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur",
                                                   noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!)]
        })
        let deadlines = DeadlineSchedule.deadlines(in: register, now: now)
        // 15 days from Monday 2 March 2026: Tuesday 17 March.
        // The source names the article and the clause the window comes from.
        #expect(deadlines.contains { $0.dueDay.iso == "2026-03-17" && $0.source == "Art. 28(2), Art. 28-2" })
    }

    @Test("an audit 29 days after notice is refused, naming the first allowed day; 30 days is accepted")
    func auditNotice() {
        let register = CompleteRegister.register
        let agreement = CompleteRegister.agreement
        let notified = CalendarDate(year: 2026, month: 1, day: 10)!
        #expect(AuditScheduling.decide(start: CalendarDate(year: 2026, month: 2, day: 8)!, notified: notified, agreement: agreement, in: register)
            == .refused(earliest: CalendarDate(year: 2026, month: 2, day: 9)!))
        #expect(AuditScheduling.decide(start: CalendarDate(year: 2026, month: 2, day: 9)!, notified: notified, agreement: agreement, in: register)
            == .allowed(earliest: CalendarDate(year: 2026, month: 2, day: 9)!))
    }
}

@Suite("Requesting an audit")
struct AuditRequestTests {
    let notified = CalendarDate(year: 2026, month: 1, day: 10)!

    @Test("an audit respecting the notice is made, from the first controller, as audit-START")
    func made() throws {
        let audit = try AuditScheduling.request(under: CompleteRegister.agreement, in: CompleteRegister.register,
                                                notified: notified, start: CalendarDate(year: 2026, month: 3, day: 2)!)
        #expect(audit.id == "audit-2026-03-02")
        #expect(audit.requester == "commune")
        #expect(audit.auditee == "anct")
    }

    @Test("refusals: too early, a requester who is not a controller, an id already used", arguments: [
        (nil, nil, CalendarDate(year: 2026, month: 2, day: 8)!, AuditScheduling.RequestRefusal.tooEarly(earliest: CalendarDate(year: 2026, month: 2, day: 9)!)),
        (nil, "anct", CalendarDate(year: 2026, month: 3, day: 2)!, .notAController("anct")),
        ("audit", nil, CalendarDate(year: 2026, month: 3, day: 2)!, .unusableID("audit")),
        ("pas un id!", nil, CalendarDate(year: 2026, month: 3, day: 2)!, .unusableID("pas un id!")),
    ] as [(String?, String?, CalendarDate, AuditScheduling.RequestRefusal)])
    func refused(id: String?, requester: String?, start: CalendarDate, refusal: AuditScheduling.RequestRefusal) {
        #expect(throws: refusal) {
            try AuditScheduling.request(under: CompleteRegister.agreement, in: CompleteRegister.register, id: id,
                                        requester: requester, notified: notified, start: start)
        }
    }
}
