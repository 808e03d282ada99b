import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import Testing

/// The list of requests as the store answers it (issue 27): one page of 50 and the total, sorted and
/// filtered by SQL on the clocks kept beside the requests (`request_clock`), the states of the clock a
/// comparison of kept instants with the moment asked — the same states `RequestClock` gives in Swift —
/// and the account's organisations a condition of the SQL.
@Suite("Requests listed from the kept clocks")
struct RequestListTests {
    let scratch: ScratchDirectory
    let store: RegisterStore
    static let march = CalendarDate(year: 2026, month: 3, day: 2)!
    /// Noon in Paris, 15 April 2026.
    static let now = Date(timeIntervalSince1970: 1_776_247_200)

    /// 120 requests of A (received a day apart from 2 March, every third answered, every fifth with an
    /// identity question still open, every seventh extended), 3 of B in Réunion's time zone.
    static func register() -> Register {
        var register = Register(organisations: [
            Organisation(id: "a", name: "Zèbre"), Organisation(id: "b", name: "Aube", timeZone: "Indian/Reunion"),
        ])
        for number in 0..<120 {
            let received = march.adding(days: number / 3)
            var request = DataSubjectRequest(
                id: String(format: "request-a-%03d", number), controller: "a", person: number == 7 ? "Dossier Élodie" : "dossier-\(number)",
                receipt: RequestReceipt(day: received, channel: .letter), rights: number % 2 == 0 ? [.access] : [.erasure, .rectification])
            if number % 3 == 0 { request.answer = RequestAnswer(sent: received.adding(days: number % 45), outcome: .granted) }
            if number % 5 == 1 { request.identity = IdentityVerification(asked: received.adding(days: 1)) }
            if number % 7 == 2 {
                request.extended = RequestExtension(decided: received.adding(days: 3), reason: "Archives", personTold: received.adding(days: 3))
            }
            register.requests.append(request)
        }
        for number in 0..<3 {
            register.requests.append(DataSubjectRequest(
                id: "request-b-\(number)", controller: "b", person: "b-\(number)",
                receipt: RequestReceipt(day: CalendarDate(year: 2026, month: 3, day: 10 + number)!, channel: .email), rights: [.objection]))
        }
        return register
    }

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
        _ = try store.replace(with: Self.register(), actor: "setup")
    }

    func page(_ query: ListQuery = ListQuery(), _ visibility: Visibility = .all, at now: Date = now) throws -> ListPage<RequestRow> {
        try store.read { try $0.requests(query, visibleTo: visibility, at: now) }
    }

    @Test("each state the SQL gives is RequestClock's, at moments around the last days, in both time zones")
    func statesAgree() throws {
        let register = Self.register()
        var moments: [Date] = []
        for request in register.requests {
            let clock = RequestClock(request, in: register)
            guard let dueDay = clock.dueDay, let due = clock.due else { continue }
            let soon = clock.calculator.start(of: dueDay.adding(days: -RequestClock.warningDays))
            moments += [due, due.addingTimeInterval(0.001), soon.addingTimeInterval(-0.001), soon]
        }
        var states: Set<RequestClock.State> = []
        for now in moments.sorted().enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) + [Self.now] {
            var shown: [EntityID: RequestClock.State] = [:]
            for number in 1...3 {
                for row in try page(ListQuery(page: number), at: now).rows { shown[row.id] = row.state }
            }
            for request in register.requests {
                let expected = RequestClock(request, in: register).state(at: now)
                #expect(shown[request.id] == expected, "\(request.id) at \(now)")
                states.insert(expected)
            }
        }
        // Every state was met, so the agreement says something of each.
        #expect(states == Set(RequestClock.State.allCases))
    }

    @Test("50 a page, the total of every page, the most recent first; sorted by received, due, state, controller")
    func paging() throws {
        let first = try page()
        #expect(first.total == 123 && first.rows.count == 50)
        #expect(first.rows.map(\.received) == first.rows.map(\.received).sorted(by: >))
        #expect(try page(ListQuery(page: 3)).rows.count == 23)
        #expect(try page(ListQuery(page: 4)).rows.isEmpty)
        let oldest = try page(ListQuery(sort: "received"))
        #expect(oldest.rows.first?.id == "request-a-000")
        let due = try page(ListQuery(sort: "due")).rows.compactMap(\.dueDay)
        #expect(due == due.sorted() && !due.isEmpty)
        // The most urgent first: overdue before due soon before running; answered last.
        let ranks: [RequestClock.State] = [.overdue, .dueSoon, .running, .awaitingIdentity, .answeredLate, .answeredInTime]
        var byState: [RequestRow] = []
        for number in 1...3 { byState += try page(ListQuery(sort: "state", page: number)).rows }
        let order = byState.map { ranks.firstIndex(of: $0.state) ?? 99 }
        #expect(order == order.sorted() && byState.count == 123)
        #expect(byState.last?.state == .answeredInTime)
        let descending = try page(ListQuery(sort: "state", descending: true)).rows.first?.state
        #expect(descending == .answeredInTime)
        // By the controller's name: Aube (B) before Zèbre (A).
        #expect(try page(ListQuery(sort: "organisation")).rows.prefix(3).allSatisfy { $0.controller == "b" })
        #expect(try page(ListQuery(sort: "organisation", descending: true)).rows.first?.controller == "a")
    }

    @Test("filters: text without case or accents, controller, right, state (open, due in 7 days, overdue, answered, answered late)")
    func filters() throws {
        #expect(try page(ListQuery(text: "elodie")).rows.map(\.id) == ["request-a-007"])
        #expect(try page(ListQuery(text: "REQUEST-B")).total == 3)
        #expect(try page(ListQuery(facets: ["organisation": "b"])).rows.allSatisfy { $0.controller == "b" })
        #expect(try page(ListQuery(facets: ["right": "erasure"])).total == 60)
        #expect(try page(ListQuery(facets: ["right": "objection", "organisation": "a"])).total == 0)
        let register = Self.register()
        func expected(_ keep: (RequestClock.State) -> Bool) -> Int {
            register.requests.filter { keep(RequestClock($0, in: register).state(at: Self.now)) }.count
        }
        let cases: [(String, (RequestClock.State) -> Bool)] = [
            ("open", { $0 != .answeredInTime && $0 != .answeredLate }), ("answered", { $0 == .answeredInTime || $0 == .answeredLate }),
            ("due-soon", { $0 == .dueSoon }), ("overdue", { $0 == .overdue }), ("answered-late", { $0 == .answeredLate }),
            ("awaiting-identity", { $0 == .awaitingIdentity }), ("running", { $0 == .running }),
        ]
        for (state, keep) in cases {
            let listed = try page(ListQuery(facets: ["state": state]))
            #expect(listed.total == expected(keep), "\(state)")
            #expect(listed.total > 0, "\(state): the fixture has some")
        }
        // A value the list does not know matches nothing (it is no SQL either).
        #expect(try page(ListQuery(facets: ["state": "x' OR 1=1 --"])).total == 0)
        #expect(try page(ListQuery(facets: ["right": "all"])).total == 0)
        #expect(try page(ListQuery(text: "%")).total == 0)
    }

    @Test("an account's organisations are a condition of the SQL; the counts by state too")
    func visibility() throws {
        let ofB = try page(ListQuery(), .organisations(["b"]))
        #expect(ofB.total == 3 && ofB.rows.allSatisfy { $0.controller == "b" })
        // A facet naming another organisation does not widen what the account sees.
        #expect(try page(ListQuery(facets: ["organisation": "a"]), .organisations(["b"])).total == 0)
        #expect(try page(ListQuery(), .organisations([])).total == 0)
        let counts = try store.read { try $0.requestCounts(visibleTo: .organisations(["b"]), at: Self.now) }
        #expect(counts.values.reduce(0, +) == 3)
        #expect(try store.read { try $0.requestCounts(visibleTo: .organisations([]), at: Self.now) }.isEmpty)
        #expect(try store.read { try $0.requestCounts(visibleTo: .all, at: Self.now) }.values.reduce(0, +) == 123)
    }

    @Test("the kept clock follows every change in its transaction: an answer, the controller's time zone, a deletion")
    func kept() throws {
        let acting = Acting(actor: "dpo", now: Self.now)
        _ = try RequestActs(store: store).change("request-b-0", by: acting) { request in
            request.answer = RequestAnswer(sent: CalendarDate(year: 2026, month: 4, day: 14)!, outcome: .refused)
        }
        #expect(try page(ListQuery(facets: ["state": "answered-late"]), .organisations(["b"])).rows.map(\.id) == ["request-b-0"])
        // B moves to Paris: the last day of its requests ends at another instant.
        let before = try store.read { try Double.fetchOne($0.db, sql: "SELECT due_end FROM request_clock WHERE id = 'request-b-1'") }
        _ = try store.change(actor: "dpo") { try $0.save(.organisation(Organisation(id: "b", name: "Aube"))) }
        let after = try store.read { try Double.fetchOne($0.db, sql: "SELECT due_end FROM request_clock WHERE id = 'request-b-1'") }
        #expect(before != nil && after != nil && before != after)
        var register = Self.register()
        register.organisations[1].timeZone = nil
        let expected = RequestClock(try #require(register.requests.first { $0.id == "request-b-1" }), in: register).due
        #expect(after == expected?.timeIntervalSinceReferenceDate)
        _ = try store.change(actor: "dpo") { try $0.delete(EntityKey(.request, "request-b-2")) }
        #expect(try page(ListQuery(), .organisations(["b"])).total == 2)
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM request_clock") } == 122)
    }

    @Test("verify names a clock changed, removed or added behind registre's back, and passes the clocks registre kept",
          arguments: [
            "UPDATE request_clock SET late = 1 - late WHERE id = 'request-a-003'",
            "UPDATE request_clock SET due_end = due_end + 86400 WHERE id = 'request-b-1'",
            "DELETE FROM request_clock WHERE id = 'request-a-010'",
            "PRAGMA foreign_keys = OFF; INSERT INTO request_clock (id, controller, person, search, received, late, rights) VALUES ('ghost', 'a', 'x', 'x', '2026-03-02', 0, ' access ')",
          ])
    func verified(tamper: String) throws {
        #expect(try store.journal.verify().isIntact)
        let path = scratch.path("registre.sqlite")
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: tamper) }
        let problems = try store.journal.verify().problems.map(\.en)
        let named = ["request-a-003", "request-b-1", "request-a-010", "ghost"].filter { tamper.contains("'\($0)'") }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.allSatisfy { $0.hasPrefix("request clocks: ") && $0.contains(named[0]) }, "\(problems)")
    }

    @Test("a database from before the kept clocks has them once brought up to date")
    func upgrade() throws {
        let path = scratch.path("registre.sqlite")
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "DROP TABLE request_clock; DELETE FROM grdb_migrations WHERE identifier LIKE 'v13%';")
        }
        let upgraded = try RegisterOfRecord.open(path: path, mode: .createIfNeeded)
        #expect(try upgraded.read { try $0.requests(ListQuery(), visibleTo: .all, at: Self.now) }.total == 123)
        #expect(try upgraded.journal.verify().isIntact)
    }
}
