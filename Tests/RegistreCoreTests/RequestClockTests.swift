import Foundation
import RegistreCore
import Testing

/// The clock of Art. 12(3) counted as Regulation 1182/71 counts months, in the controller's calendar.
@Suite("Requests of the people: the clock of Art. 12(3)")
struct RequestClockTests {
    static let register = Register(organisations: [Organisation(id: "mende", name: "Mende", isPublicBody: true, country: "FR")])

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func request(
        received: String, identity: IdentityVerification? = nil, extended: RequestExtension? = nil, answer: RequestAnswer? = nil
    ) -> DataSubjectRequest {
        DataSubjectRequest(
            id: "request-1", controller: "mende", person: "dossier 14", receipt: RequestReceipt(day: day(received), channel: .email),
            rights: [.access], identity: identity, extended: extended, answer: answer)
    }

    static func clock(_ request: DataSubjectRequest) -> RequestClock { RequestClock(request, in: register) }

    /// The first instant of a day in Europe/Paris.
    static func moment(_ text: String) -> Date { DeadlineCalculator().start(of: day(text)) }

    @Test("received 31 January: the month ends on 28 February, 29 in a leap year, moved past a weekend")
    func monthEnds() {
        #expect(Self.clock(Self.request(received: "2025-01-31")).dueDay == Self.day("2025-02-28"))
        #expect(Self.clock(Self.request(received: "2024-01-31")).dueDay == Self.day("2024-02-29"))
        // 28 February 2026 is a Saturday: the period ends with the next working day (1182/71, Art. 3(4)).
        #expect(Self.clock(Self.request(received: "2026-01-31")).dueDay == Self.day("2026-03-02"))
    }

    @Test("a last day on a public holiday moves to the next working day of the controller's calendar")
    func publicHoliday() {
        // 1 May 2026 is a Friday and a public holiday in France: Monday 4 May.
        #expect(Self.clock(Self.request(received: "2026-04-01")).dueDay == Self.day("2026-05-04"))
        // In Germany (no calendar of a Land), 1 May is a holiday too; 14 July is not.
        let french = Self.clock(Self.request(received: "2026-06-14")).dueDay
        var german = Self.register
        german.organisations[0].country = "DE"
        #expect(french == Self.day("2026-07-15"))
        #expect(RequestClock(Self.request(received: "2026-06-14"), in: german).dueDay == Self.day("2026-07-14"))
    }

    @Test("the last instant is the end of the last day in the controller's time zone, summer time or not")
    func summerTime() throws {
        let winter = try #require(Self.clock(Self.request(received: "2026-02-25")).due)
        let summer = try #require(Self.clock(Self.request(received: "2026-03-02")).due)
        // 25 March 2026 ends at 23:59:59.999 CET (UTC+1); 2 April at 23:59:59.999 CEST (UTC+2).
        #expect(Instant.utcMilliseconds(winter) == "2026-03-25T22:59:59.999Z")
        #expect(Instant.utcMilliseconds(summer) == "2026-04-02T21:59:59.999Z")
    }

    @Test("an extension decided and told within the first month gives three months in all")
    func extensionHolds() {
        let extended = RequestExtension(decided: Self.day("2025-02-20"), reason: "Complexité", personTold: Self.day("2025-02-20"))
        let clock = Self.clock(Self.request(received: "2025-01-31", extended: extended))
        #expect(clock.extensionHolds)
        #expect(clock.firstMonth == Self.day("2025-02-28"))
        #expect(clock.dueDay == Self.day("2025-04-30"))
    }

    @Test("an extension told after the first month, or not told, leaves one month")
    func extensionLate() {
        let late = RequestExtension(decided: Self.day("2025-02-20"), reason: "Complexité", personTold: Self.day("2025-03-03"))
        #expect(Self.clock(Self.request(received: "2025-01-31", extended: late)).dueDay == Self.day("2025-02-28"))
        let untold = RequestExtension(decided: Self.day("2025-02-20"), reason: "Complexité")
        #expect(Self.clock(Self.request(received: "2025-01-31", extended: untold)).dueDay == Self.day("2025-02-28"))
    }

    @Test("identity asked within the first month suspends the clock until the answer (EDPB 01/2022, §5.3)")
    func identitySuspends() {
        let awaited = IdentityVerification(asked: Self.day("2025-03-05"), doubt: "Adresse différente de celle du dossier")
        let waiting = Self.clock(Self.request(received: "2025-03-03", identity: awaited))
        #expect(waiting.dueDay == nil)
        #expect(waiting.state(at: Self.moment("2025-06-01")) == .awaitingIdentity)
        var answered = awaited
        answered.received = Self.day("2025-03-15")
        let clock = Self.clock(Self.request(received: "2025-03-03", identity: answered))
        #expect(clock.suspendedDays == 10)
        // From 13 March: 13 April 2025 is a Sunday, so Monday 14 April.
        #expect(clock.dueDay == Self.day("2025-04-14"))
        // Asked after the first month: nothing is suspended.
        let late = IdentityVerification(asked: Self.day("2025-04-10"), received: Self.day("2025-04-20"), doubt: "x")
        #expect(Self.clock(Self.request(received: "2025-03-03", identity: late)).dueDay == Self.day("2025-04-03"))
    }

    @Test("states: running, due in 7 days, overdue, answered in time, answered late")
    func states() {
        let open = Self.clock(Self.request(received: "2025-01-31"))
        #expect(open.state(at: Self.moment("2025-02-20")) == .running)
        #expect(open.state(at: Self.moment("2025-02-21")) == .dueSoon)
        #expect(open.state(at: Self.moment("2025-02-28")) == .dueSoon)
        #expect(open.state(at: Self.moment("2025-03-01")) == .overdue)
        let inTime = Self.clock(Self.request(received: "2025-01-31", answer: RequestAnswer(sent: Self.day("2025-02-28"), outcome: .granted)))
        #expect(inTime.state(at: Self.moment("2025-06-01")) == .answeredInTime)
        let late = Self.clock(Self.request(received: "2025-01-31", answer: RequestAnswer(sent: Self.day("2025-03-03"), outcome: .granted)))
        #expect(late.state(at: Self.moment("2025-06-01")) == .answeredLate)
        #expect(RequestClock.State.dueSoon.words.en == "due in 7 days")
    }

    @Test("an unanswered request is among the deadlines, as the controller's, until it is answered")
    func deadlines() {
        var register = Self.register
        register.requests = [Self.request(received: "2025-01-31")]
        let deadlines = DeadlineSchedule.deadlines(in: register, now: Self.moment("2025-02-01"))
        #expect(deadlines.map(\.subject) == [Finding.Subject(.request, "request-1")])
        #expect(deadlines.first?.dueDay == Self.day("2025-02-28"))
        #expect(deadlines.first?.concerns("mende", in: register) == true)
        register.requests[0].answer = RequestAnswer(sent: Self.day("2025-02-10"), outcome: .granted)
        #expect(DeadlineSchedule.deadlines(in: register, now: Self.moment("2025-02-01")).isEmpty)
    }

    @Test("the default id is the day of receipt and the first free number")
    func defaultID() {
        let used: Set<EntityID> = ["request-20250131-1"]
        #expect(RequestOpening.defaultID(received: Self.day("2025-01-31"), isUsed: used.contains) == "request-20250131-2")
    }

    @Test("days that cannot have happened are named: before receipt, after today, an answer before its question")
    func timeline() {
        let today = Self.day("2025-03-01")
        #expect(RequestTimeline.problems(of: Self.request(received: "2025-01-31"), today: today).isEmpty)
        let early = Self.request(received: "2025-01-31", answer: RequestAnswer(sent: Self.day("2025-01-30"), outcome: .granted))
        #expect(RequestTimeline.problems(of: early, today: today).count == 1)
        #expect(RequestTimeline.problems(of: Self.request(received: "2025-03-02"), today: today).count == 1)
        let backwards = Self.request(received: "2025-01-31", identity: IdentityVerification(asked: Self.day("2025-02-10"), received: Self.day("2025-02-05"), doubt: "x"))
        #expect(RequestTimeline.problems(of: backwards, today: today).count == 1)
    }
}
