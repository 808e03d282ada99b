import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// A structure's pages on the desk: members by urgency as `registre members` orders them, a review
/// campaign opened by the structure and confirmed by each member's own account, models applied, their
/// drift, own items and propagation — all through the acts the command line calls.
@Suite("Desk: a structure's members, campaigns and models")
struct StructurePagesTests {
    static let campaign = "cdg48-revue-2026-03-27"

    @Test("the structure's page lists its members in the order of `registre members`, and its models")
    func members() async throws {
        let fixture = try StructureFixture()
        // The order `registre members` gives, computed here from the whole register.
        let register = try fixture.store.register()
        let structure = try #require(register.organisation("cdg48"))
        let expected = MemberOverview.overview(
            of: structure, in: register, findings: RegisterCheck.findings(in: register, now: friday), now: friday).map(\.name)
        #expect(expected.count == 2)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-cdg")
            let list = try await browser.get("/structures")
            #expect(list.status == .ok)
            #expect(list.text.contains("/structures/cdg48"))
            let page = try await browser.get("/structures/cdg48")
            #expect(page.status == .ok)
            let positions = try expected.map { name in try #require(page.text.range(of: name)?.lowerBound) }
            #expect(positions == positions.sorted(), "members in the order of registre members: \(expected)")
            #expect(page.text.contains("/models/\(StructureFixture.model)"))
            #expect(page.text.contains("aria-current=\"true\">Structures"))
            #expect(list.text.contains("aria-current=\"page\">Structures"))
        }
    }

    @Test("a campaign opened by the structure is confirmed by each member's own account; neither sees the other's answers; the structure closes it with its report")
    func campaign() async throws {
        let fixture = try StructureFixture()
        try await fixture.run { client in
            let structure = Browser(client)
            try await structure.signIn("dpo-cdg")
            try await structure.get("/structures/cdg48/campaigns/new")
            let refused = try await structure.post("/structures/cdg48/campaigns/new", [("title", ""), ("due", "2026-04-30"), ("members[]", "mende")])
            #expect(refused.status == .unprocessableContent)
            let opened = try await structure.post(
                "/structures/cdg48/campaigns/new", [("title", "Revue annuelle 2026"), ("due", "2026-04-30"), ("members[]", "mende"), ("members[]", "florac")])
            #expect(opened.status == .seeOther)
            #expect(opened.headers[.location] == "/campaigns/\(Self.campaign)?saved")
            // The structure's account is not a member's: it may not confirm for them.
            let page = try await structure.get("/campaigns/\(Self.campaign)")
            #expect(page.status == .ok)
            #expect(!page.text.contains("/campaigns/\(Self.campaign)/confirm"))
            let byStructure = try await structure.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "mende-etat-civil"), ("outcome", "reviewed")])
            #expect(byStructure.status == .unprocessableContent)

            let mende = Browser(client)
            try await mende.signIn("dpo-mende")
            let mendePage = try await mende.get("/campaigns/\(Self.campaign)")
            #expect(mendePage.status == .ok)
            #expect(mendePage.text.contains("/campaigns/\(Self.campaign)/confirm"))
            let unknown = try await mende.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "inconnue"), ("outcome", "reviewed")])
            #expect(unknown.status == .unprocessableContent, "an activity the register lacks")
            let confirmed = try await mende.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "mende-etat-civil"), ("outcome", "reviewed")])
            #expect(confirmed.status == .seeOther)

            let florac = Browser(client)
            try await florac.signIn("dpo-florac")
            let others = try await florac.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "mende-etat-civil"), ("outcome", "reviewed")])
            #expect(others.status == .unprocessableContent, "another member's activity")
            // The same answer as for an id the register lacks: nothing of another member is told.
            #expect(!Self.errors(others.text).isEmpty && Self.errors(others.text) == Self.errors(unknown.text))
            try await florac.get("/campaigns/\(Self.campaign)")
            #expect(try await florac.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "florac-cantine"), ("outcome", "changed")]).status == .seeOther)
            let floracPage = try await florac.get("/campaigns/\(Self.campaign)")
            #expect(!floracPage.text.contains("État civil de Mende") && !floracPage.text.contains("dpo-mende"))
            let mendeAfter = try await mende.get("/campaigns/\(Self.campaign)")
            #expect(!mendeAfter.text.contains("Cantine de Florac") && !mendeAfter.text.contains("dpo-florac"))
            #expect(mendeAfter.text.contains("dpo-mende"))

            // A reader of Mende sees Mende's progress and is offered no form; a POST is refused by the act.
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            let readerPage = try await reader.get("/campaigns/\(Self.campaign)")
            #expect(readerPage.status == .ok && !readerPage.text.contains("<form method=\"post\" action=\"/campaigns"))
            #expect(try await reader.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "mende-etat-civil"), ("outcome", "reviewed")])
                .status == .unprocessableContent)

            // Only the structure closes it; then the report says who confirmed what.
            #expect(try await mende.post("/campaigns/\(Self.campaign)/close", []).status == .notFound)
            try await structure.get("/campaigns/\(Self.campaign)")
            #expect(try await structure.post("/campaigns/\(Self.campaign)/close", []).status == .seeOther)
            let report = try await structure.get("/campaigns/\(Self.campaign)/report.txt")
            #expect(report.status == .ok)
            #expect(report.text.contains("dpo-mende") && report.text.contains("dpo-florac"))
            #expect(try await mende.get("/campaigns/\(Self.campaign)/report.txt").status == .notFound)
            try await mende.get("/campaigns/\(Self.campaign)")
            #expect(try await mende.post("/campaigns/\(Self.campaign)/confirm", [("activities[]", "mende-etat-civil"), ("outcome", "reviewed")])
                .status == .unprocessableContent, "closed")
        }
        // Each confirmation is journaled under the member's own account, and gives the day as the last review.
        let journal = try fixture.store.journal.entries()
        #expect(journal.contains { $0.actor == "dpo-mende" && $0.entity.kind == .campaign })
        #expect(journal.contains { $0.actor == "dpo-florac" && $0.entity.kind == .campaign })
        #expect(try fixture.activity("mende-etat-civil")?.lastReviewed == CalendarDate(iso: "2026-03-27"))
        let closed = try fixture.store.register().campaigns.first { $0.id == Self.campaign }
        #expect(closed?.closed == CalendarDate(iso: "2026-03-27"))
        #expect(closed?.confirmations.map(\.confirmedBy) == ["dpo-mende", "dpo-florac"])
    }

    @Test("a model applied to a member, its drift, an item made the member's own by its account, then propagation that leaves it")
    func models() async throws {
        let fixture = try StructureFixture()
        let follower = "\(StructureFixture.model)-mende"
        try await fixture.run { client in
            let structure = Browser(client)
            try await structure.signIn("dpo-cdg")
            let page = try await structure.get("/models/\(StructureFixture.model)")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"members[]\" value=\"mende\""))
            #expect(try await structure.post("/models/\(StructureFixture.model)/apply", [("members[]", "mende")]).status == .seeOther)
            #expect(try fixture.activity(follower)?.followedModel == StructureFixture.model)
            // Applied again to the same member: refused by the act, on the page.
            #expect(try await structure.post("/models/\(StructureFixture.model)/apply", [("members[]", "mende")]).status == .unprocessableContent)

            // The structure changes its model: the member is behind on two items.
            _ = try fixture.store.change(actor: "setup") { edit in
                guard case .activity(var model)? = try edit.entry(EntityKey(.activity, StructureFixture.model)) else { return }
                model.purposes = ["Échanger des messages"]
                model.dataSubjects = [Category("Agents")]
                try edit.save(.activity(model))
            }
            let drift = try await structure.get("/models/\(StructureFixture.model)")
            #expect(drift.text.contains("finalités : diffère du modèle"))
            #expect(drift.text.contains("personnes concernées : diffère du modèle"))

            // The member's own account words its purposes itself; its activity's page says it follows the model.
            let mende = Browser(client)
            try await mende.signIn("dpo-mende")
            let activity = try await mende.get("/activities/\(follower)")
            #expect(activity.text.contains("/activities/\(follower)/model"))
            #expect(try await mende.get("/activities/\(follower)/model").status == .ok)
            #expect(try await mende.post("/activities/\(follower)/model", [("items[]", "colour"), ("own", "true")]).status == .unprocessableContent)
            #expect(try await mende.post("/activities/\(follower)/model", [("items[]", "purpose"), ("own", "true")]).status == .seeOther)
            #expect(try fixture.activity(follower)?.modelRole?.link?.ownItems == [.purposes])
            let after = try await structure.get("/models/\(StructureFixture.model)")
            #expect(!after.text.contains("finalités : diffère du modèle"))
            #expect(after.text.contains("personnes concernées : diffère du modèle"))

            // Propagation brings the followed item up to date and leaves the own one.
            #expect(try await structure.post("/models/\(StructureFixture.model)/propagate", []).status == .seeOther)
            let propagated = try #require(try fixture.activity(follower))
            #expect(propagated.dataSubjects == [Category("Agents")])
            #expect(propagated.purposes == ["Tenir les actes"])
            #expect(try await mende.get("/models/\(StructureFixture.model)").status == .notFound, "the structure's model is not the member's to read")
            #expect(try await mende.post("/models/\(StructureFixture.model)/propagate", []).status == .notFound)
        }
        let journal = try fixture.store.journal.entries()
        #expect(journal.contains { $0.actor == "dpo-mende" && $0.entity.id == follower })
    }

    /// The form's error messages on a page.
    static func errors(_ page: String) -> [String] {
        page.components(separatedBy: "<li>").dropFirst().compactMap { $0.components(separatedBy: "</li>").first }
            .filter { $0.contains("activit") }
    }
}
