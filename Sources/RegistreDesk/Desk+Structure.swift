import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService

extension Desk {
    /// A mutualisation structure's pages (issue 24): the structures the account reads and the campaigns
    /// that concern it; one structure's members by urgency (the computation of `registre members`), its
    /// campaigns and its models. A member is shown only to an account that may read its register.
    func addStructureRoutes(to router: Router<BasicRequestContext>) {
        router.get("/structures") { request, _ in
            try await self.signedIn(request) { visit in self.structureList(visit) }
        }
        router.get("/structures/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let structure = Self.readableStructure(context.parameters.get("id"), visit) else { return Page.notFound(visit) }
                return try self.structurePage(structure, visit)
            }
        }
        addCampaignRoutes(to: router)
        addModelRoutes(to: router)
    }

    /// The structure `id` if the account may read it and it has members.
    static func readableStructure(_ id: String?, _ visit: Visit) -> Organisation? {
        guard let id, visit.policy.mayRead(organisation: id), let structure = visit.register.organisation(id), !structure.members.isEmpty
        else { return nil }
        return structure
    }

    /// The parties of the visit with the activities of `organisations`, read through the index on
    /// controllers in one read transaction: what a structure's pages judge, never the whole register.
    func register(_ visit: Visit, withActivitiesOf organisations: some Sequence<EntityID>) throws -> Register {
        var register = visit.register
        register.activities = []
        var seen: Set<EntityID> = []
        try store.read { reading in
            for organisation in organisations where seen.insert(organisation).inserted {
                try reading.forEachActivity(controlledBy: organisation) { register.activities.append($0) }
            }
        }
        return register
    }

    /// The campaigns the account sees: those of a structure it reads, and those asking a member it reads.
    static func visibleCampaigns(_ visit: Visit) -> [ReviewCampaign] {
        visit.register.campaigns.filter { campaign in
            visit.policy.mayRead(organisation: campaign.structure) || campaign.members.contains(where: visit.policy.mayRead(organisation:))
        }
    }

    static func campaignRow(_ campaign: ReviewCampaign, _ visit: Visit) -> [String: Any] {
        [
            "id": campaign.id, "title": campaign.title,
            "structure": visit.register.organisation(campaign.structure)?.name ?? campaign.structure,
            "opened": Vocabulary.format(campaign.opened, in: visit.language), "due": Vocabulary.format(campaign.due, in: visit.language),
            // False, not an empty text, when it runs: a template section shows an empty text as a value.
            "closed": campaign.closed.map { Vocabulary.format($0, in: visit.language) as Any } ?? false,
        ]
    }

    private func structureList(_ visit: Visit) -> Response {
        let structures = visit.policy.readableOrganisations(of: visit.register).filter { !$0.members.isEmpty }
        let view: [String: Any] = [
            "s": StructureWording.table(visit.language),
            "structures": structures.map { ["id": $0.id, "name": $0.name, "memberCount": $0.members.count] },
            "campaigns": Self.visibleCampaigns(visit).map { Self.campaignRow($0, visit) },
        ]
        return Page.html(
            "structures", title: StructureWording.text("structures", visit.language), view: view, visit: visit,
            language: visit.language, path: "/structures")
    }

    /// One structure: its members as `registre members` orders them, its campaigns and its models.
    private func structurePage(_ structure: Organisation, _ visit: Visit) throws -> Response {
        let language = visit.language
        let shownMembers = structure.members.filter(visit.policy.mayRead(organisation:))
        let register = try register(visit, withActivitiesOf: [structure.id] + shownMembers)
        // The same computation as `registre members`: the check at this moment, then the overview.
        let overview = MemberOverview.overview(
            of: structure, in: register, findings: RegisterCheck.findings(in: register, now: visit.now), now: visit.now)
            .filter { visit.policy.mayRead(organisation: $0.member) }
        let members = overview.map { member -> [String: Any] in
            [
                "id": member.member, "name": member.name, "activities": member.activities, "unreviewed": member.unreviewedActivities,
                "lastReview": member.lastReview.map { Vocabulary.format($0, in: language) } ?? StructureWording.text("none", language),
                "errors": member.errors, "warnings": member.warnings,
                "breaches": member.openBreaches.map { breach -> [String: Any] in
                    ["id": breach.id, "title": breach.title, "overdue": breach.clock == .overdue]
                },
                "overdue": member.overdueDeadlines.map { $0.what[language] },
                "windows": member.openObjectionWindows.map { $0.what[language] },
            ]
        }
        let drift = ModelDrift.items(in: register)
        let models = register.activities.filter { $0.isModel && $0.controller == structure.id }.map { model -> [String: Any] in
            [
                "id": model.id, "name": model.name,
                "followers": register.activities.filter { $0.followedModel == model.id }.count,
                "drift": drift.filter { $0.model == model.id }.count,
            ]
        }
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "structure": ["id": structure.id, "name": structure.name],
            "members": members,
            "campaigns": visit.register.campaigns.filter { $0.structure == structure.id }.map { Self.campaignRow($0, visit) },
            "models": models,
            "editable": visit.policy.mayEdit(organisation: structure.id),
            // Every member's documents in one archive, for whoever reads each member's register.
            "archives": shownMembers.count == structure.members.count ? RegisterDocuments.Format.allCases.map { format -> [String: Any] in
                ["format": format.rawValue, "label": StructureWording.text("archive-" + format.rawValue, language)]
            } : [],
            // The structure's register and its members' together, in one document (`export --members-of`).
            "hasTogether": shownMembers.count == structure.members.count,
            "together": RegisterDocuments.Format.allCases.enumerated().map { index, format -> [String: Any] in
                ["format": format.rawValue, "label": StructureWording.text("together-" + format.rawValue, language),
                 "last": index == RegisterDocuments.Format.allCases.count - 1]
            },
        ]
        return Page.html(
            "structure", title: structure.name, view: view, visit: visit, language: language, path: "/structures/\(structure.id)")
    }
}
