import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore

extension Desk {
    /// A structure's review campaigns, through the acts `registre campaign` calls (`CampaignActs`): opened
    /// by the structure's account, confirmed by each member's own account, closed with its report. Each
    /// account sees the progress of the members whose registers it reads, and nothing of the others'.
    func addCampaignRoutes(to router: Router<BasicRequestContext>) {
        router.get("/structures/{id}/campaigns/new") { request, context in
            try await self.signedIn(request) { visit in
                guard let structure = Self.readableStructure(context.parameters.get("id"), visit),
                      visit.policy.mayEdit(organisation: structure.id)
                else { return Page.notFound(visit) }
                return self.campaignForm(structure, CampaignForm(), visit)
            }
        }
        router.post("/structures/{id}/campaigns/new") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard let structure = Self.readableStructure(context.parameters.get("id"), visit),
                      visit.policy.mayEdit(organisation: structure.id)
                else { return Page.notFound(visit) }
                return try self.openCampaign(structure, try form.decode(CampaignForm.self), visit)
            }
        }
        router.get("/campaigns/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let campaign = Self.visibleCampaign(context.parameters.get("id"), visit) else { return Page.notFound(visit) }
                return try self.campaignPage(campaign, visit)
            }
        }
        router.post("/campaigns/{id}/confirm") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard let campaign = Self.visibleCampaign(context.parameters.get("id"), visit) else { return Page.notFound(visit) }
                return try self.confirmCampaign(campaign, try form.decode(ConfirmationForm.self), visit)
            }
        }
        router.post("/campaigns/{id}/close") { request, context in
            try await self.signedInForm(request) { visit, _ in
                guard let campaign = Self.visibleCampaign(context.parameters.get("id"), visit),
                      visit.policy.mayEdit(organisation: campaign.structure)
                else { return Page.notFound(visit) }
                return try self.closeCampaign(campaign, visit)
            }
        }
        router.get("/campaigns/{id}/report.txt") { request, context in
            try await self.signedIn(request) { visit in
                // The report names every member asked: for whoever reads all of them.
                guard let campaign = Self.visibleCampaign(context.parameters.get("id"), visit),
                      visit.policy.mayRead(organisation: campaign.structure), campaign.members.allSatisfy(visit.policy.mayRead(organisation:))
                else { return Page.notFound(visit) }
                return try self.campaignReport(campaign, visit)
            }
        }
    }

    /// Closes the campaign (`CampaignActs.close`, as `registre campaign close`).
    private func closeCampaign(_ campaign: ReviewCampaign, _ visit: Visit) throws -> Response {
        do {
            try CampaignActs(store: store).close(campaign.id, acting: visit.acting)
        } catch let refusal as CampaignReview.Refusal {
            return try campaignPage(campaign, visit, errors: [refusal.message[visit.language]], status: .unprocessableContent)
        } catch is AccessRefusal {
            return Page.notFound(visit)
        }
        return Page.saved(to: "/campaigns/\(campaign.id)")
    }

    /// The text `registre campaign status` and `close` print: who confirmed what and when, what is left.
    private func campaignReport(_ campaign: ReviewCampaign, _ visit: Visit) throws -> Response {
        let register = try register(visit, withActivitiesOf: campaign.members)
        let structure = register.organisation(campaign.structure)?.name ?? campaign.structure
        let text = CampaignTextReport.render(
            campaign, structure: structure, progress: CampaignReview.progress(of: campaign, in: register), source: "registre",
            language: visit.language)
        return Page.download(Array(text.utf8), type: "text/plain; charset=utf-8", filename: "\(campaign.id).txt")
    }

    /// The campaign `id` if the account reads its structure or one of the members it asks.
    static func visibleCampaign(_ id: String?, _ visit: Visit) -> ReviewCampaign? {
        guard let id else { return nil }
        return visibleCampaigns(visit).first { $0.id == id }
    }

    /// The fields of the form that opens a campaign.
    struct CampaignForm: Decodable {
        var title: String?
        var due: String?
        var members: [String]?
    }

    /// The activities a member's account confirms, and how.
    struct ConfirmationForm: Decodable {
        var activities: [String]?
        var outcome: String?
    }

    private func campaignForm(
        _ structure: Organisation, _ form: CampaignForm, _ visit: Visit, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let asked = form.members.map(Set.init) ?? Set(structure.members)
        let view: [String: Any] = [
            "s": StructureWording.table(visit.language),
            "structure": ["id": structure.id, "name": structure.name],
            "form": ["title": form.title ?? "", "due": form.due ?? ""],
            "members": structure.members.map { member -> [String: Any] in
                ["id": member, "name": visit.register.organisation(member)?.name ?? member, "checked": asked.contains(member)]
            },
            "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "campaign-new", title: StructureWording.text("newCampaign", visit.language), view: view, visit: visit,
            language: visit.language, path: "/structures/\(structure.id)/campaigns/new", status: status)
    }

    /// The form read, then the act (`CampaignActs.open`, as `registre campaign open`).
    private func openCampaign(_ structure: Organisation, _ form: CampaignForm, _ visit: Visit) throws -> Response {
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let due = form.due.flatMap { CalendarDate(iso: $0.trimmingCharacters(in: .whitespaces)) }
        let members = form.members ?? []
        var errors: [String] = []
        if title.isEmpty { errors.append(StructureWording.text("titleMissing", visit.language)) }
        if due == nil { errors.append(StructureWording.text("dueInvalid", visit.language)) }
        if members.isEmpty { errors.append(StructureWording.text("chooseMember", visit.language)) }
        guard errors.isEmpty, let due else { return campaignForm(structure, form, visit, errors: errors, status: .unprocessableContent) }
        do {
            let asked = Set(members) == Set(structure.members) ? nil : members
            let campaign = try CampaignActs(store: store).open(title, by: structure.id, asking: asked, due: due, acting: visit.acting)
            return Page.saved(to: "/campaigns/\(campaign.id)")
        } catch let refusal as CampaignReview.Refusal {
            return campaignForm(structure, form, visit, errors: [refusal.message[visit.language]], status: .unprocessableContent)
        } catch is AccessRefusal {
            return Page.notFound(visit)
        } catch let error where StoreRefusal.errors(for: error) != nil {
            let messages = (StoreRefusal.errors(for: error) ?? [:]).values.map { $0[visit.language] }
            return campaignForm(structure, form, visit, errors: messages, status: .unprocessableContent)
        }
    }

    /// A member's own account confirms its activities (`CampaignActs.confirm`, as `registre campaign
    /// confirm --actor`): the act itself refuses any other account.
    private func confirmCampaign(_ campaign: ReviewCampaign, _ form: ConfirmationForm, _ visit: Visit) throws -> Response {
        let activities = form.activities ?? []
        guard !activities.isEmpty, let outcome = form.outcome.flatMap(ReviewCampaign.Outcome.init(rawValue:)) else {
            return try campaignPage(campaign, visit, errors: [StructureWording.text("chooseActivity", visit.language)], status: .unprocessableContent)
        }
        do {
            try CampaignActs(store: store).confirm(activities, in: campaign.id, as: outcome, by: visit.acting)
        } catch is CampaignReview.Refusal, StoreError.unknownEntry {
            // The form offers only the account's own activities under review: any other id was typed, and
            // one answer for all (unknown, not under review, another member's) tells nothing of the others'.
            return try campaignPage(campaign, visit, errors: [StructureWording.text("chooseActivity", visit.language)], status: .unprocessableContent)
        }
        return Page.saved(to: "/campaigns/\(campaign.id)")
    }

    /// Where the campaign stands for the members the account reads; the confirmation form for the members
    /// the account was given (a member's own account), the closing form for the structure's.
    private func campaignPage(
        _ campaign: ReviewCampaign, _ visit: Visit, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let language = visit.language
        let shown = campaign.members.filter(visit.policy.mayRead(organisation:))
        let register = try register(visit, withActivitiesOf: shown)
        let confirms = visit.account.role != .reader && campaign.closed == nil
        let progress = CampaignReview.progress(of: campaign, in: register).filter { shown.contains($0.member) }.map { member -> [String: Any] in
            [
                "id": member.member, "name": member.name, "confirmed": member.confirmed, "pending": member.pending, "changed": member.changed,
                "total": member.activities.count,
                "activities": member.activities.map { review -> [String: Any] in
                    var row: [String: Any] = ["id": review.activity, "name": review.name, "confirmed": review.confirmation != nil]
                    if let confirmation = review.confirmation {
                        row["outcome"] = StructureWording.text("outcome-" + confirmation.outcome.rawValue, language)
                        row["by"] = confirmation.confirmedBy
                        row["on"] = Vocabulary.format(confirmation.confirmedOn, in: language)
                    }
                    return row
                },
                // CampaignReview lets only the member's own account confirm: the form is offered to it only.
                "confirms": confirms && visit.account.organisations.contains(member.member) && !member.activities.isEmpty,
            ]
        }
        let version = try store.version(of: EntityKey(.campaign, campaign.id))
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "campaign": Self.campaignRow(campaign, visit),
            "structureID": campaign.structure,
            "progress": progress,
            "closes": campaign.closed == nil && visit.policy.mayEdit(organisation: campaign.structure),
            "report": visit.policy.mayRead(organisation: campaign.structure) && campaign.members.allSatisfy(visit.policy.mayRead(organisation:)),
            "errors": errors, "hasErrors": !errors.isEmpty,
            "version": String(version),
        ]
        return Page.html(
            "campaign", title: campaign.title, view: view, visit: visit, language: language, path: "/campaigns/\(campaign.id)",
            status: status)
    }
}
