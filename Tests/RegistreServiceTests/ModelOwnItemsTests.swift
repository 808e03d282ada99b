import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import Testing

/// 2026-11-20T09:00:00Z: the moment the acts are performed at.
private let moment = Date(timeIntervalSince1970: 1_795_165_200)

/// `ModelActs.mark`: a member's activity that follows a model takes items as its own (drift and
/// propagation leave them) or gives them back, in one write transaction, within the account's policy.
@Suite("A member's own items of a model activity")
struct ModelOwnItemsTests {
    let sample: SampleRegisterOfRecord
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try SampleRegisterOfRecord(at: moment)
    }

    func link(_ id: EntityID) throws -> ModelLink? {
        guard case .activity(let activity)? = try store.read({ try $0.entry(EntityKey(.activity, id)) }) else { return nil }
        return activity.modelRole?.link
    }

    @Test("marked own by the member's account, then followed again: the link says so, each change journaled once under that account")
    func markAndGiveBack() throws {
        let register = try store.register()
        let mende = Acting(actor: "dpo@mende", now: moment, policy: AccessPolicy(role: .dpo, organisations: ["mende"], in: register))
        let acts = ModelActs(store: store)
        let before = try store.journal.count()
        try acts.mark([.recipients, .application], of: "cdg48-messages-mende", own: true, by: mende)
        #expect(try link("cdg48-messages-mende")?.isOwn(.recipients) == true)
        #expect(try link("cdg48-messages-mende")?.isOwn(.application) == true)
        #expect(try store.journal.count() == before + 1)
        #expect(try store.journal.entries(entity: "cdg48-messages-mende").last?.actor == "dpo@mende")
        // Marking again what is already own changes nothing and journals nothing.
        try acts.mark([.recipients], of: "cdg48-messages-mende", own: true, by: mende)
        #expect(try store.journal.count() == before + 1)
        try acts.mark([.application], of: "cdg48-messages-mende", own: false, by: mende)
        #expect(try link("cdg48-messages-mende")?.isOwn(.application) == false)
        #expect(try link("cdg48-messages-mende")?.isOwn(.recipients) == true)
        #expect(try store.journal.count() == before + 2)
    }

    @Test("an activity that follows no model, another member's account and a reader are refused; nothing is written")
    func refusals() throws {
        let register = try store.register()
        let acts = ModelActs(store: store)
        let before = try store.journal.count()
        #expect(throws: ModelActs.NotAFollower(activity: "cdg48-messages")) {
            try acts.mark([.recipients], of: "cdg48-messages", own: true, by: Acting(actor: "cli", now: moment))
        }
        let marvejols = Acting(actor: "dpo@marvejols", now: moment, policy: AccessPolicy(role: .dpo, organisations: ["marvejols"], in: register))
        #expect(throws: AccessRefusal(EntityKey(.activity, "cdg48-messages-mende"))) {
            try acts.mark([.recipients], of: "cdg48-messages-mende", own: true, by: marvejols)
        }
        let reader = Acting(actor: "lecteur@mende", now: moment, policy: AccessPolicy(role: .reader, organisations: ["mende"], in: register))
        #expect(throws: AccessRefusal(EntityKey(.activity, "cdg48-messages-mende"))) {
            try acts.mark([.recipients], of: "cdg48-messages-mende", own: true, by: reader)
        }
        #expect(try store.journal.count() == before)
    }
}
