import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Contract terms: clause, counting, stricter reading")
struct ContractTermTests {
    let paris = DeadlineCalculator()

    @Test("5 calendar days from Monday end on Saturday; under 1182/71 they end on Monday")
    func calendarCountingHasNoRollOver() {
        // Monday 2 March 2026 + 5 days = Saturday 7 March 2026.
        let five = DeadlinePeriod(5, .days)
        #expect(paris.lastDay(of: five, after: day("2026-03-02"), counting: .calendar) == day("2026-03-07"))
        #expect(paris.lastDay(of: five, after: day("2026-03-02"), counting: .regulation1182) == day("2026-03-09"))
        // Five working days: Tuesday 3 to Monday 9 March.
        #expect(paris.lastDay(of: five, after: day("2026-03-02"), counting: .working) == day("2026-03-09"))
        // From Friday 3 April 2026 (Easter Monday the 6th): working days skip the holiday.
        #expect(paris.lastDay(of: five, after: day("2026-04-03"), counting: .working) == day("2026-04-13"))
        #expect(paris.lastDay(of: five, after: day("2026-04-03"), counting: .calendar) == day("2026-04-08"))
    }

    @Test("a window in hours runs hour by hour under every counting: 1182/71 does not move it past a weekend (Art. 3(4))")
    func hoursHaveNoRollOver() {
        // 48 hours from Friday 6 March 2026 (from its start): Sunday 8 March, not Monday or Tuesday.
        let hours = DeadlinePeriod(48, .hours)
        for counting in TermCounting.allCases {
            #expect(paris.lastDay(of: hours, after: day("2026-03-06"), counting: counting) == day("2026-03-08"))
        }
        // 36 hours are a day and a half, not one day: from Friday's start, Saturday noon.
        #expect(paris.lastDay(of: DeadlinePeriod(36, .hours), after: day("2026-03-06"), counting: .regulation1182) == day("2026-03-07"))
        // Days, by contrast, roll over: 2 days from Friday end on Monday under 1182/71.
        #expect(paris.lastDay(of: DeadlinePeriod(2, .days), after: day("2026-03-06"), counting: .regulation1182) > day("2026-03-08"))
    }

    @Test("calendar months end on the month's last day, leap years included, with no roll-over")
    func calendarMonths() {
        // 28 February 2026 is a Saturday: calendar counting keeps it, 1182/71 moves it to Monday.
        #expect(paris.lastDay(of: DeadlinePeriod(1, .months), after: day("2026-01-31"), counting: .calendar) == day("2026-02-28"))
        #expect(paris.lastDay(of: DeadlinePeriod(1, .months), after: day("2026-01-31"), counting: .regulation1182) == day("2026-03-02"))
        #expect(paris.lastDay(of: DeadlinePeriod(1, .months), after: day("2028-01-31"), counting: .calendar) == day("2028-02-29"))
        #expect(paris.lastDay(of: DeadlinePeriod(12, .months), after: day("2028-02-29"), counting: .calendar) == day("2029-02-28"))
    }

    @Test("a day-counted term over the change to summer time ends at midnight of its last day, local time")
    func summerTime() {
        // Notice on Friday 27 March 2026; 2 calendar days end on Sunday 29 March, the day clocks go forward.
        let term = ContractTerm(.objectionWindow, period: DeadlinePeriod(2, .days), counting: .calendar)
        let end = paris.end(of: term, after: instant("2026-03-27T10:00"))
        #expect(utc(end) == "2026-03-29T21:59:59.999Z")  // 23:59:59.999 CEST
        // 48 hours are 48 hours, whatever the counting.
        let hours = ContractTerm(.breachNotification, period: DeadlinePeriod(48, .hours), counting: .calendar)
        #expect(utc(paris.end(of: hours, after: instant("2026-03-27T10:00"))) == "2026-03-29T08:00:00.000Z")
    }

    @Test("a working-day period is in working days whatever counting it is given")
    func workingDaysWin() {
        let term = ContractTerm(.objectionWindow, period: DeadlinePeriod(10, .days, workingDays: true), counting: .calendar)
        #expect(term.counting == .working)
        let other = ContractTerm(.objectionWindow, period: DeadlinePeriod(10, .days), counting: .working)
        #expect(other.period.workingDays)
        #expect(term.agrees(with: other))
    }

    @Test("the older fields read as statements with 1182/71 counting and the clause of their article")
    func olderFields() {
        let agreement = CompleteRegister.agreement
        let window = agreement.statements(of: .objectionWindow)
        #expect(window == [ContractTerm(.objectionWindow, period: DeadlinePeriod(15, .days), counting: .regulation1182, clause: "Art. 28-2")])
        #expect(agreement.statements(of: .breachNotification).map(\.period) == [DeadlinePeriod(48, .hours)])
        #expect(agreement.statements(of: .auditFrequency).isEmpty)
        #expect(agreement.conflictingTerms.isEmpty)
    }

    @Test("a term stating the older field's period is that statement, with its own counting: no conflict")
    func termRestatesField() {
        var agreement = CompleteRegister.agreement
        agreement.terms = [ContractTerm(.objectionWindow, period: DeadlinePeriod(15, .days), counting: .calendar, clause: "Annexe 2")]
        #expect(agreement.statements(of: .objectionWindow).map(\.counting) == [.calendar])
        #expect(agreement.conflictingTerms.isEmpty)
    }

    @Test("two statements that disagree: the reading is the stricter for the party that must act, and says so")
    func stricterReading() throws {
        var agreement = CompleteRegister.agreement
        agreement.terms = [
            ContractTerm(.objectionWindow, period: DeadlinePeriod(5, .days), counting: .calendar, clause: "Art. 7.2"),
            ContractTerm(.auditNotice, period: DeadlinePeriod(45, .days), clause: "Annexe 3, art. 3"),
        ]
        let register = CompleteRegister.with(agreement: { $0 = agreement })
        // The controller objects within the window: the shorter one binds it.
        let window = try #require(agreement.reading(.objectionWindow, from: day("2026-03-02"), in: register))
        #expect(window.day == day("2026-03-07"))
        #expect(window.term.clause == "Art. 7.2")
        #expect(window.isStricterOfSeveral)
        #expect(window.explanation.en.contains("stricter reading"))
        #expect(window.explanation.fr.contains("Art. 7.2") && window.explanation.fr.contains("Art. 28-2"))
        // The controller gives notice of an audit: the longer notice binds it.
        let audit = try #require(agreement.reading(.auditNotice, from: day("2026-01-10"), in: register))
        #expect(audit.day == day("2026-02-24"))
        #expect(Set(agreement.conflictingTerms.keys) == [.objectionWindow, .auditNotice])
        // An audit 30 days after notice is now refused, with the 45-day clause.
        #expect(AuditScheduling.decide(start: day("2026-02-09"), notified: day("2026-01-10"), agreement: agreement, in: register)
            == .refused(earliest: day("2026-02-24")))
    }

    @Test("one statement alone is not a stricter reading")
    func singleStatement() throws {
        let register = CompleteRegister.register
        let reading = try #require(CompleteRegister.agreement.reading(.objectionWindow, from: day("2026-03-02"), in: register))
        #expect(!reading.isStricterOfSeveral)
        #expect(reading.day == day("2026-03-17"))
        #expect(!reading.explanation.en.contains("stricter"))
    }

    @Test("the conflict finding names both clauses, in both languages")
    func conflictNamesClauses() throws {
        let register = CompleteRegister.with(agreement: {
            $0.terms = [ContractTerm(.objectionWindow, period: DeadlinePeriod(5, .days), counting: .calendar, clause: "Art. 7.2")]
        })
        let finding = try #require(RegisterCheck.findings(in: register).first { $0.code == .art28_term_conflict })
        #expect(finding.severity == .error)
        for text in [finding.message.fr, finding.message.en] {
            #expect(text.contains("Art. 7.2") && text.contains("Art. 28-2"))
        }
        #expect(finding.message.fr.contains("5 jours") && finding.message.fr.contains("15 jours"))
    }

    @Test("the processor's breach time limit is the shorter statement")
    func breachLimitStricter() {
        let late = CompleteRegister.with(breach: {
            $0.detected = CompleteRegister.aware.addingTimeInterval(-30 * 3600)
            $0.processorNotifiedController = CompleteRegister.aware.addingTimeInterval(-3600)
        })
        // 29 hours after detection: within the 48 hours of the field…
        #expect(!RegisterCheck.findings(in: late).contains { $0.code == .art33_2_processor_late })
        // …but not within 24 hours stated by another clause.
        var register = late
        register.agreements[0].terms = [ContractTerm(.breachNotification, period: DeadlinePeriod(24, .hours), clause: "Art. 8")]
        let finding = RegisterCheck.findings(in: register).first { $0.code == .art33_2_processor_late }
        #expect(finding?.message.en.contains("clause 'Art. 8'") == true)
    }
}
