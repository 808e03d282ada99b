import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// 2026-09-21T14:13:20Z, a Monday: the moment the acts are performed at.
private let monday = Date(timeIntervalSince1970: 1_790_000_000)

@Suite("The acts of the breach register")
struct BreachActsTests {
    let sample: SampleRegisterOfRecord
    let acts: BreachActs
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try SampleRegisterOfRecord(at: monday)
        acts = BreachActs(store: sample.store)
    }

    var dpo: Acting { Acting(actor: "dpo@mende", now: monday) }

    func opening(id: EntityID? = nil, controller: EntityID? = "mende", aware: Date = monday.addingTimeInterval(-3600)) -> BreachActs.Opening {
        BreachActs.Opening(title: "Courriel mal adressé", aware: aware, nature: [.confidentiality], controller: controller, id: id)
    }

    @Test("two breaches known the same day get the day's next numbers, taken inside the transaction that saves them")
    func idsOfOneDay() throws {
        let first = try acts.open(opening(), by: dpo)
        let second = try acts.open(opening(), by: dpo)
        #expect(first.breach.id == "breach-20260921-1")
        #expect(second.breach.id == "breach-20260921-2")
        #expect(second.register.organisation("mende") != nil, "the decision is read with the controller")
        #expect(try store.journal.entries(entity: second.breach.id).first?.actor == "dpo@mende")
    }

    @Test("what cannot be opened is refused, and nothing is written", arguments: [
        (Optional("mende"), Optional("pas un id"), BreachRefusal.malformedID("pas un id")),
        ("mende", "mende-rdv", .idInUse("mende-rdv")),
        ("nulle-part", nil, .unknownController("nulle-part")),
    ] as [(EntityID?, EntityID?, BreachRefusal)])
    func refusals(controller: EntityID?, id: EntityID?, refusal: BreachRefusal) throws {
        let journal = try store.journal.entries().count
        #expect(throws: refusal) { try acts.open(opening(id: id, controller: controller), by: dpo) }
        #expect(try store.journal.entries().count == journal)
    }

    @Test("a moment of awareness after the act is an impossible timeline (Art. 33(1)), refused with the rule's finding")
    func awareInTheFuture() throws {
        do {
            _ = try acts.open(opening(aware: monday.addingTimeInterval(3600)), by: dpo)
            Issue.record("opened")
        } catch BreachRefusal.impossibleTimeline(_, let findings) {
            #expect(findings.map(\.code) == [.breach_aware_in_future])
        }
        #expect(try store.register().breaches.allSatisfy { $0.controller != "mende" || $0.title != "Courriel mal adressé" })
    }

    @Test("a person acts only for the organisations their policy gives: another's breach is neither opened nor changed")
    func policy() throws {
        let register = try store.register()
        let marvejols = Acting(actor: "dpo@marvejols", now: monday, policy: AccessPolicy(role: .dpo, organisations: ["marvejols"], in: register))
        #expect(throws: BreachRefusal.notAllowed) { try acts.open(opening(), by: marvejols) }
        let opened = try acts.open(opening(), by: dpo)
        #expect(throws: BreachRefusal.notAllowed) { try acts.change(opened.breach.id, by: marvejols) { $0.measures.append("x") } }
        #expect(try store.register().breaches.first { $0.id == opened.breach.id }?.measures == [])
    }

    @Test("a change is applied to the breach as stored, so what another recorded meanwhile is kept")
    func changeKeepsWhatOthersRecorded() throws {
        let opened = try acts.open(opening(), by: dpo)
        _ = try acts.change(opened.breach.id, by: dpo) { $0.measures.append("Mot de passe changé") }
        let changed = try acts.change(opened.breach.id, by: Acting(actor: "rssi@mende", now: monday)) { $0.measures.append("Destinataire relancé") }
        #expect(changed.breach.measures == ["Mot de passe changé", "Destinataire relancé"])
    }

    @Test("a change that makes the timeline impossible (notified before aware) is refused; the breach is left as it was")
    func impossibleChange() throws {
        let opened = try acts.open(opening(), by: dpo)
        #expect(throws: BreachRefusal.self) {
            try acts.change(opened.breach.id, by: dpo) { breach in
                breach.recordNotification(at: monday.addingTimeInterval(-7200), reference: nil, complete: false, followUp: false)
            }
        }
        #expect(try store.register().breaches.first { $0.id == opened.breach.id } == opened.breach)
    }

    @Test("a notification or a communication dated after the act has not happened: refused with the rule's finding, nothing written")
    func recordedInTheFuture() throws {
        let opened = try acts.open(opening(), by: dpo)
        let tomorrow = monday.addingTimeInterval(86_400)
        for change in [
            { (breach: inout Breach) in breach.recordNotification(at: tomorrow, reference: nil, complete: false, followUp: false) },
            { (breach: inout Breach) in breach.communication = SubjectCommunication(at: tomorrow) },
        ] {
            do {
                _ = try acts.change(opened.breach.id, by: dpo, change)
                Issue.record("recorded")
            } catch BreachRefusal.impossibleTimeline(_, let findings) {
                #expect(findings.map(\.code) == [.breach_recorded_in_future])
            }
        }
        // The same, dated at the moment of the act, is recorded.
        let sent = try acts.change(opened.breach.id, by: dpo) { breach in
            breach.recordNotification(at: monday, reference: nil, complete: false, followUp: false)
        }
        #expect(sent.breach.notifications.count == 1)
        #expect(try store.register().breaches.first { $0.id == opened.breach.id }?.notifications.count == 1)
    }
}
