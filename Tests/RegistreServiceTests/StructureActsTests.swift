import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

/// 2026-11-20T09:00:00Z: the moment the acts are performed at.
private let friday = Date(timeIntervalSince1970: 1_795_165_200)

/// The acts of a mutualisation structure (models, campaigns), written once for the command line and the
/// desk, on the Suite territoriale sample: the CDG48 runs two models for Mende, Marvejols and the CCAS.
@Suite("A structure's acts: models and campaigns")
struct StructureActsTests {
    let sample: SampleRegisterOfRecord
    var store: RegisterStore { sample.store }
    let cli = Acting(actor: "dpo@cdg48", now: friday)

    init() throws {
        sample = try SampleRegisterOfRecord(at: friday)
    }

    @Test("a model applied to every member creates the missing follower only; named again, a member that follows it is refused")
    func applyModel() throws {
        let acts = ModelActs(store: store)
        #expect(try acts.apply("cdg48-fichiers", to: nil, by: cli) == ["cdg48-fichiers-marvejols"])
        #expect(try store.register().activities.first { $0.id == "cdg48-fichiers-marvejols" }?.controller == "marvejols")
        #expect(try acts.apply("cdg48-fichiers", to: nil, by: cli) == [])
        let journal = try store.journal.count()
        #expect(throws: ModelApplication.Refusal.alreadyApplied(member: "mende", activity: "cdg48-fichiers-mende")) {
            try acts.apply("cdg48-fichiers", to: ["mende"], by: cli)
        }
        #expect(throws: ModelApplication.Refusal.notAModel("mende-rdv")) { try acts.apply("mende-rdv", to: nil, by: cli) }
        #expect(try store.journal.count() == journal)
    }

    @Test("a model's copy never replaces another activity of the id it would take: refused, nothing written")
    func applyOverAnotherActivity() throws {
        // Marvejols records, under the id its copy of the model would take, an activity of its own.
        var own = try #require(try store.register().activities.first { $0.controller == "marvejols" })
        own.id = "cdg48-fichiers-marvejols"
        own.name = "Fichiers du service des eaux"
        _ = try store.change(actor: "dpo@marvejols") { try $0.save(.activity(own)) }
        let journal = try store.journal.count()
        #expect(throws: StoreError.idInUse("cdg48-fichiers-marvejols")) { try ModelActs(store: store).apply("cdg48-fichiers", to: nil, by: cli) }
        #expect(try store.journal.count() == journal)
        #expect(try store.register().activities.first { $0.id == "cdg48-fichiers-marvejols" }?.name == "Fichiers du service des eaux")
    }

    @Test("a member's account may neither apply nor propagate the structure's model")
    func modelPolicy() throws {
        let mende = Acting(actor: "dpo@mende", now: friday, policy: AccessPolicy(role: .dpo, organisations: ["mende"], in: try store.register()))
        #expect(throws: AccessRefusal(EntityKey(.activity, "cdg48-fichiers"))) { try ModelActs(store: store).apply("cdg48-fichiers", to: nil, by: mende) }
        #expect(throws: AccessRefusal(EntityKey(.activity, "cdg48-messages"))) { try ModelActs(store: store).propagate("cdg48-messages", by: mende) }
    }

    @Test("propagation reports every follower, and saves only those with an item to bring up to date")
    func propagate() throws {
        let before = try store.journal.count()
        let updates = try ModelActs(store: store).propagate("cdg48-messages", by: cli)
        #expect(updates.map(\.activity.id).sorted() == ["cdg48-messages-ccas-mende", "cdg48-messages-marvejols", "cdg48-messages-mende"])
        #expect(try store.journal.count() - before == updates.filter { !$0.changedItems.isEmpty }.count)
    }

    @Test("a campaign opens on the day of the act with its default id, and closes once; closed again, it is refused")
    func campaign() throws {
        let acts = CampaignActs(store: store)
        let due = try #require(CalendarDate(iso: "2027-01-31"))
        let opened = try acts.open("Revue annuelle 2026", by: "cdg48", asking: nil, due: due, acting: cli)
        #expect(opened.id == "cdg48-revue-2026-11-20")
        let closed = try acts.close(opened.id, acting: cli)
        #expect(closed.closed == CalendarDate(iso: "2026-11-20"))
        let journal = try store.journal.count()
        #expect(throws: CampaignReview.Refusal.self) { try acts.close(opened.id, acting: cli) }
        #expect(throws: CampaignReview.Refusal.self) {
            try acts.open("Trop tôt", by: "cdg48", asking: nil, due: try #require(CalendarDate(iso: "2026-11-01")), id: "revue-x", acting: cli)
        }
        #expect(try store.journal.count() == journal)
    }

    @Test("a member's account may not open a campaign of its structure")
    func campaignPolicy() throws {
        let mende = Acting(actor: "dpo@mende", now: friday, policy: AccessPolicy(role: .dpo, organisations: ["mende"], in: try store.register()))
        let due = try #require(CalendarDate(iso: "2027-01-31"))
        #expect(throws: AccessRefusal(EntityKey(.organisation, "cdg48"))) {
            try CampaignActs(store: store).open("Revue", by: "cdg48", asking: nil, due: due, acting: mende)
        }
    }

    @Test("a change notice the agreement does not have is refused with those it has; nothing is written")
    func unknownNotice() throws {
        let journal = try store.journal.count()
        do {
            try ChangeNoticeActs(store: store).record(.accepted, ofNotice: "ajout-x", in: "dpa-suite-territoriale", on: nil, by: cli)
            Issue.record("recorded")
        } catch let refusal as ChangeNoticeActs.UnknownNotice {
            #expect(refusal.agreement == "dpa-suite-territoriale")
            #expect(refusal.message.en.contains("'ajout-x'"))
        }
        #expect(try store.journal.count() == journal)
    }
}
