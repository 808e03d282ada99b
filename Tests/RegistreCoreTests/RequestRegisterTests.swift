import Foundation
import RegistreCore
import Testing

/// The register of requests (issue 27): counts per right, per outcome, extended, and the share answered
/// in time, on a crafted set; its scope; and the rights of Art. 15(1)(e) the access answer gives.
@Suite("Requests of the people: the register of requests and the access answer")
struct RequestRegisterTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// 30 June 2025, noon in Paris: what "overdue" and "in time" are read at.
    static let now = DeadlineCalculator().start(of: day("2025-06-30")).addingTimeInterval(12 * 3600)

    static func request(
        _ id: String, _ controller: String = "mende", received: String, rights: [DataSubjectRight],
        extended: RequestExtension? = nil, answer: RequestAnswer? = nil
    ) -> DataSubjectRequest {
        DataSubjectRequest(
            id: id, controller: controller, person: "dossier \(id)", receipt: RequestReceipt(day: day(received), channel: .letter),
            rights: rights, extended: extended, answer: answer)
    }

    /// Mende's five requests (in time, late and refused, extended and partly granted in time, overdue,
    /// running) and one of Florac's answered in time; the structure cdg48 has both as members.
    static var register: Register {
        var register = Register(organisations: [
            Organisation(id: "cdg48", name: "CDG 48", isPublicBody: true, country: "FR", members: ["mende", "florac"]),
            Organisation(id: "mende", name: "Mende", isPublicBody: true, country: "FR"),
            Organisation(id: "florac", name: "Florac", isPublicBody: true, country: "FR"),
            Organisation(id: "lozere", name: "Lozère", isPublicBody: true, country: "FR"),
        ])
        register.requests = [
            request("in-time", received: "2025-01-06", rights: [.access], answer: RequestAnswer(sent: day("2025-01-20"), outcome: .granted)),
            request("late", received: "2025-02-03", rights: [.erasure],
                    answer: RequestAnswer(sent: day("2025-04-01"), outcome: .refused, reason: "Obligation légale", remediesGiven: true)),
            request("extended", received: "2025-03-03", rights: [.access, .rectification, .access],
                    extended: RequestExtension(decided: day("2025-03-20"), reason: "Archives", personTold: day("2025-03-20")),
                    answer: RequestAnswer(sent: day("2025-05-15"), outcome: .partly, reason: "Tiers", remediesGiven: true)),
            request("overdue", received: "2025-05-02", rights: [.objection]),
            request("running", received: "2025-06-20", rights: [.portability]),
            request("florac", "florac", received: "2025-01-06", rights: [.access], answer: RequestAnswer(sent: day("2025-01-10"), outcome: .granted)),
            request("lozere", "lozere", received: "2025-01-06", rights: [.restriction]),
        ]
        return register
    }

    /// The register of requests of `scope` drawn up from `register`'s entries, one at a time.
    static func drawn(_ scope: RequestRegister.Scope, admitted: (DataSubjectRequest) -> Bool = { _ in true }) throws -> (RequestRegister, [String]) {
        var drawn = RequestRegister(scope: scope, now: now)
        var ids: [String] = []
        for entry in register.entries {
            if let row = try drawn.take(entry, admitted: admitted) { ids.append(row.request.id) }
        }
        try drawn.settle()
        return (drawn, ids)
    }

    @Test("one controller's counts: per right (each once), per outcome, extended, in time, late, overdue; running is in neither part")
    func counts() throws {
        let (drawn, ids) = try Self.drawn(.controller("mende"))
        #expect(ids == ["in-time", "late", "extended", "overdue", "running"])
        let tally = drawn.total
        #expect(tally.requests == 5)
        #expect(tally.byRight == [.access: 2, .rectification: 1, .erasure: 1, .objection: 1, .portability: 1])
        #expect(tally.byOutcome == [.granted: 1, .partly: 1, .refused: 1])
        #expect(tally.unanswered == 2)
        #expect(tally.extended == 1)
        #expect(tally.answeredInTime == 2)
        #expect(tally.answeredLate == 1)
        #expect(tally.overdue == 1)
        #expect(tally.due == 4)
        #expect(tally.inTimeShare == 0.5)
        #expect(tally.inTimePercent == "50 %")
        #expect(drawn.perOrganisation.isEmpty)
    }

    @Test("a structure's register: its members' requests, counted per member and in all; another organisation's left out")
    func membersOf() throws {
        let (drawn, ids) = try Self.drawn(.membersOf("cdg48"))
        #expect(ids == ["in-time", "late", "extended", "overdue", "running", "florac"])
        #expect(drawn.perOrganisation.map(\.organisation) == ["cdg48", "mende", "florac"])
        #expect(drawn.perOrganisation.map(\.tally.requests) == [0, 5, 1])
        #expect(drawn.total.answeredInTime == 3)
        #expect(drawn.total.due == 5)
        #expect(drawn.total.inTimePercent == "60 %")
    }

    @Test("the whole register, and what the account may read only")
    func wholeAndAdmitted() throws {
        #expect(try Self.drawn(.whole).1.count == 7)
        let (drawn, ids) = try Self.drawn(.whole, admitted: { $0.controller == "florac" })
        #expect(ids == ["florac"])
        #expect(drawn.total.requests == 1)
    }

    @Test("a scope naming an organisation the register lacks, or a structure without members, is refused")
    func unknownScope() {
        #expect(throws: RequestRegister.UnknownScope(organisation: "nowhere")) { try Self.drawn(.controller("nowhere")) }
        #expect(throws: RequestRegister.UnknownScope(organisation: "mende")) { try Self.drawn(.membersOf("mende")) }
        #expect(throws: RequestRegister.UnknownScope(organisation: "'; DROP TABLE entity; --")) {
            try Self.drawn(.controller("'; DROP TABLE entity; --"))
        }
    }

    @Test("no request whose time has come: no share, said as '-'")
    func noShare() throws {
        var tally = RequestTally()
        let running = Self.request("running", received: "2025-06-20", rights: [.access])
        tally.count(running, clock: RequestClock(running, in: Self.register), now: Self.now)
        #expect(tally.due == 0)
        #expect(tally.inTimeShare == nil)
        #expect(tally.inTimePercent == "-")
    }

    @Test("the access answer's rights (e): objection only on a public task or legitimate interests; another controller's activity left out")
    func accessAnswerRights() {
        let publicTask = ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende", legalBases: [LegalBasis(.publicTask)])
        let contract = ProcessingActivity(id: "cantine", name: "Cantine", controller: "mende", legalBases: [LegalBasis(.contract)])
        let elsewhere = ProcessingActivity(id: "florac-rh", name: "Paie de Florac", controller: "florac", purposes: ["Paie"])
        var register = Self.register
        register.activities = [publicTask, contract, elsewhere]
        var request = Self.request("access", received: "2025-06-20", rights: [.access])
        request.activities = ["etat-civil", "cantine", "florac-rh", "gone"]
        let answer = AccessAnswer(request, in: register)
        #expect(answer.processing.map(\.id) == ["etat-civil", "cantine"])
        #expect(answer.processing[0].rights == [.rectification, .erasure, .restriction, .objection])
        #expect(answer.processing[1].rights == [.rectification, .erasure, .restriction])
        #expect(answer.processing[0].lawfulBases == ["Art. 6(1)(e)"])
        #expect(answer.elsewhere == ["florac-rh"])
        #expect(answer.missing == ["gone"])
    }
}
