import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import Testing

/// A request of a person is judged among its controller's own entries (the register's entry and the
/// controller, whose calendar counts the month of Art. 12(3)), never among every party of the register:
/// what it finds there is what a check of the whole register finds.
@Suite("Kept findings: a request judged among its controller's entries")
struct RequestPartiesTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Controllers on five calendars (Alsace-Moselle's Good Friday and 26 December, Bavaria's, England's,
    /// another time zone), a structure and a processor beside them, and 150 requests received over 2025,
    /// answered early, on the last day, late, extended in time or late, refused with or without reasons.
    static func register() -> Register {
        var register = Register(organisations: [
            Organisation(id: "mende", name: "Mende", isPublicBody: true, country: "FR", members: []),
            Organisation(id: "metz", name: "Metz", isPublicBody: true, country: "FR", region: "FR-57"),
            Organisation(id: "munich", name: "München", country: "DE", timeZone: "Europe/Berlin", region: "DE-BY"),
            Organisation(id: "london", name: "London Ltd", country: "GB", timeZone: "Europe/London"),
            Organisation(id: "noumea", name: "Nouméa", country: "FR", timeZone: "Pacific/Noumea"),
            Organisation(id: "cdg", name: "Centre de gestion", isPublicBody: true, country: "FR", members: ["mende", "metz"]),
            Organisation(id: "hebergeur", name: "Hébergeur", country: "FR"),
        ])
        let controllers = ["mende", "metz", "munich", "london", "noumea"]
        let start = Self.day("2025-01-02")
        for number in 0..<150 {
            let received = start.adding(days: (number * 5) % 360)
            var request = DataSubjectRequest(
                id: "request-\(number)", controller: controllers[number % controllers.count], person: "dossier \(number)",
                receipt: RequestReceipt(day: received, channel: .letter), rights: [number % 3 == 0 ? .erasure : .access])
            let answered = received.adding(days: 26 + number % 9)
            if number % 7 == 3 {
                request.extended = RequestExtension(decided: received.adding(days: 20 + number % 15), reason: "Volume", personTold: received.adding(days: 29 + number % 4))
            }
            if number % 11 != 5 {
                request.answer = RequestAnswer(
                    sent: answered, outcome: number % 5 == 4 ? .refused : .granted, reason: number % 10 == 4 ? "Motif" : nil,
                    remediesGiven: number % 20 == 4)
            }
            register.requests.append(request)
        }
        return register
    }

    @Test("on every calendar, each request's kept findings among its controller equal those among every party")
    func sameFindings() throws {
        let path = scratch.path("requests.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        let register = Self.register()
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        var late = 0, quiet = 0
        try DatabaseQueue(path: path).read { db in
            let every = try FindingKeeper.parties(db)
            for request in register.requests {
                let around = try FindingKeeper.parties(around: request, db)
                #expect(around.organisations.map(\.id) == [request.controller])
                let narrow = KeptFinding.rows(of: request, amongParties: around).sorted()
                #expect(narrow == KeptFinding.rows(of: request, amongParties: every).sorted(), "\(request.id)")
                if narrow.contains(where: { $0.code == FindingCode.art12_3_answer_late.rawValue }) { late += 1 } else { quiet += 1 }
            }
        }
        // The calendars matter to some: both answers late and on time are among them.
        #expect(late > 10 && quiet > 10, "\(late) late, \(quiet) on time")
    }

    @Test("a request opened then answered late: its kept findings follow each act, as check finds them")
    func actFollows() throws {
        let path = scratch.path("act.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: Self.register(), actor: "test") }
        // Received on Friday 28 February 2025 in Metz: its month ends on Friday 28 March; answered on the
        // Monday after, late.
        var request = DataSubjectRequest(
            id: "request-metz", controller: "metz", person: "dossier M", receipt: RequestReceipt(day: Self.day("2025-02-28"), channel: .email),
            rights: [.access])
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { try $0.save(.request(request)) } }
        try KeptFindingTests.expectTableFollows(store, at: path, "request opened")
        request.answer = RequestAnswer(sent: Self.day("2025-03-31"), outcome: .granted)
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { try $0.save(.request(request)) } }
        try KeptFindingTests.expectTableFollows(store, at: path, "request answered late")
        let kept = try DatabaseQueue(path: path).read { try KeptFinding.stored(EntityKey(.request, "request-metz"), $0) }
        #expect(kept.map(\.code) == [FindingCode.art12_3_answer_late.rawValue] && kept.map(\.organisation) == ["metz"])
    }
}
