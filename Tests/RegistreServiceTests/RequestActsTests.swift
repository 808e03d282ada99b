import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

/// 2026-09-21T14:13:20Z, a Monday: the moment the acts are performed at.
private let monday = Date(timeIntervalSince1970: 1_790_000_000)

@Suite("The acts on the requests of the people")
struct RequestActsTests {
    let sample: SampleRegisterOfRecord
    let acts: RequestActs
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try SampleRegisterOfRecord(at: monday)
        acts = RequestActs(store: sample.store)
    }

    var dpo: Acting { Acting(actor: "dpo@mende", now: monday) }

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func request(controller: EntityID = "mende", received: String = "2026-09-14", activities: [EntityID] = ["mende-rdv"]) -> DataSubjectRequest {
        DataSubjectRequest(
            id: "x", controller: controller, person: "", receipt: RequestReceipt(day: Self.day(received), channel: .email),
            rights: [.access], activities: activities)
    }

    @Test("two requests received the same day get the day's next numbers; the person defaults to the id; the journal names the actor")
    func opening() throws {
        let first = try acts.open(request(), chosenID: nil, by: dpo)
        let second = try acts.open(request(), chosenID: nil, by: dpo)
        #expect(first.request.id == "request-20260914-1")
        #expect(second.request.id == "request-20260914-2")
        #expect(first.request.person == "request-20260914-1")
        #expect(RequestClock(first.request, in: first.register).dueDay == Self.day("2026-10-14"))
        #expect(try store.journal.entries(entity: second.request.id).first?.actor == "dpo@mende")
        let stored = try RequestActs.register(of: store)
        #expect(stored.requests.map(\.id) == ["request-20260914-1", "request-20260914-2"])
    }

    @Test("what cannot be opened is refused, and nothing is written")
    func refusals() throws {
        let journal = try store.journal.entries().count
        #expect(throws: RequestRefusal.unknownController("florac")) { try acts.open(request(controller: "florac"), chosenID: nil, by: dpo) }
        #expect(throws: RequestRefusal.idInUse("mende-rdv")) { try acts.open(request(), chosenID: "mende-rdv", by: dpo) }
        #expect(throws: RequestRefusal.malformedID("pas un id")) { try acts.open(request(), chosenID: "pas un id", by: dpo) }
        #expect(throws: RequestRefusal.self) { try acts.open(request(received: "2026-09-22"), chosenID: nil, by: dpo) }
        #expect(throws: StoreError.self) { try acts.open(request(activities: ["cantine"]), chosenID: nil, by: dpo) }
        #expect(try store.journal.entries().count == journal)
    }

    @Test("extended and answered through the act; a reader may not; another organisation's DPO may not")
    func changes() throws {
        let opened = try acts.open(request(), chosenID: nil, by: dpo)
        let extended = try acts.change(opened.request.id, by: dpo) {
            $0.extended = RequestExtension(decided: Self.day("2026-09-15"), reason: "Volume", personTold: Self.day("2026-09-15"))
        }
        #expect(RequestClock(extended.request, in: extended.register).dueDay == Self.day("2026-12-14"))
        let answered = try acts.change(opened.request.id, by: dpo) {
            $0.answer = RequestAnswer(sent: Self.day("2026-09-21"), outcome: .granted)
        }
        #expect(answered.request.answer?.outcome == .granted)
        let register = try store.register()
        let reader = Acting(actor: "lecteur", now: monday, policy: AccessPolicy(role: .reader, organisations: ["mende"], in: register))
        #expect(throws: RequestRefusal.notAllowed) { try acts.change(opened.request.id, by: reader) { $0.person = "x" } }
        let other = Acting(actor: "dpo@marvejols", now: monday, policy: AccessPolicy(role: .dpo, organisations: ["marvejols"], in: register))
        #expect(throws: RequestRefusal.notAllowed) { try acts.change(opened.request.id, by: other) { $0.person = "x" } }
        #expect(throws: RequestRefusal.self) {
            try acts.change(opened.request.id, by: dpo) { $0.answer = RequestAnswer(sent: Self.day("2026-09-01"), outcome: .granted) }
        }
    }

    @Test("a change made against the version a form showed: refused once the request moved on, nothing written; saved at the current one")
    func shownVersion() throws {
        let opened = try acts.open(request(), chosenID: nil, by: dpo)
        let key = EntityKey(.request, opened.request.id)
        let shown = try store.version(of: key)
        _ = try acts.change(opened.request.id, by: dpo) { $0.unregisteredProcessing.append("Fichier des badges") }
        let current = try store.version(of: key)
        #expect(current != shown)
        let journal = try store.journal.entries().count
        #expect(throws: RequestRefusal.changedSince(request: opened.request.id, version: current)) {
            try acts.change(opened.request.id, shownAt: shown, by: dpo) { $0.answer = RequestAnswer(sent: Self.day("2026-09-21"), outcome: .granted) }
        }
        #expect(try store.journal.entries().count == journal)
        let answered = try acts.change(opened.request.id, shownAt: current, by: dpo) {
            $0.answer = RequestAnswer(sent: Self.day("2026-09-21"), outcome: .granted)
        }
        #expect(answered.request.answer?.outcome == .granted)
        #expect(answered.request.unregisteredProcessing == ["Fichier des badges"])
    }

    @Test("a reader sees no request; the DPO of the controller, and of its structure, does")
    func access() throws {
        let opened = try acts.open(request(), chosenID: nil, by: dpo)
        let register = try store.register()
        let key = EntityKey(.request, opened.request.id)
        #expect(!AccessPolicy(role: .reader, organisations: ["mende"], in: register).mayRead(key, in: register))
        #expect(AccessPolicy(role: .dpo, organisations: ["mende"], in: register).mayRead(key, in: register))
        #expect(AccessPolicy(role: .dpo, organisations: ["cdg48"], in: register).mayRead(key, in: register))
        #expect(!AccessPolicy(role: .dpo, organisations: ["marvejols"], in: register).mayRead(key, in: register))
    }

    @Test("verify finds the register of record sound after requests, their findings kept")
    func verify() throws {
        let opened = try acts.open(request(), chosenID: nil, by: dpo)
        _ = try acts.change(opened.request.id, by: dpo) { $0.answer = RequestAnswer(sent: Self.day("2026-09-21"), outcome: .refused) }
        let verification = try store.journal.verify()
        #expect(verification.isIntact, "\(verification.problems.map(\.en))")
    }
}
