public import RegistreCore
public import RegistreStore

/// The acts of a structure's review campaigns, written once for the command line and the desk.
public struct CampaignActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the campaigns of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// A member's account confirms activities as reviewed (or changed) in a campaign: each gets the day
    /// (in its controller's calendar) as its last review, and the campaign records who confirmed it. The
    /// account, the campaign and the activities are read in the write transaction that saves them, so a
    /// role or an organisation withdrawn from the account meanwhile is not used (`CampaignReview` decides
    /// who may confirm).
    /// - Parameters:
    ///   - campaign: the campaign.
    ///   - activities: the activities confirmed.
    ///   - outcome: reviewed unchanged, or changed in the course of the review.
    ///   - acting: the member's account (its login is `acting.actor`), and the moment.
    /// - Throws: `CampaignReview.Refusal` (a closed campaign, an account that is not the member's, an
    ///   activity outside the campaign); `StoreError/unknownEntry(_:)`; what the store throws.
    public func confirm(
        _ activities: [EntityID], in campaign: EntityID, as outcome: ReviewCampaign.Outcome, by acting: Acting
    ) throws {
        _ = try store.change(actor: acting.actor, effective: acting.effective) { edit in
            let reviewer = try edit.account(acting.actor).map { CampaignReview.Reviewer(login: $0.login, role: $0.role, organisations: $0.organisations) }
            var stored = try edit.campaign(campaign)
            for id in activities {
                let activity = try edit.activity(id)
                let day = DeadlineCalculator.for(activity.controller, in: try edit.register(around: [EntityKey(.activity, id)])).day(of: acting.now)
                let reviewed = try CampaignReview.confirm(activity, as: outcome, in: &stored, login: acting.actor, reviewer: reviewer, on: day)
                if reviewed != activity { try edit.save(.activity(reviewed)) }
            }
            try edit.save(.campaign(stored))
        }
    }

    /// A structure asks its members to review their activities by `due`. The campaign opens on the day of
    /// the act in the structure's calendar; its id defaults to `STRUCTURE-revue-DAY`.
    /// - Parameters:
    ///   - title: the campaign's title, e.g. "Revue annuelle 2026".
    ///   - structure: the mutualisation structure that runs it.
    ///   - members: the members asked; nil for every member of the structure.
    ///   - due: the last day for the members' confirmations.
    ///   - id: the id chosen; nil for the default.
    ///   - acting: the structure's account (or the command line), and the moment.
    /// - Returns: the campaign as saved.
    /// - Throws: `CampaignReview.Refusal` (not a structure, a member it does not have, a due day before the
    ///   opening, an id in use); ``AccessRefusal`` outside the account's policy; what the store throws.
    public func open(
        _ title: String, by structure: EntityID, asking members: [EntityID]?, due: CalendarDate, id: EntityID? = nil,
        acting: Acting
    ) throws -> ReviewCampaign {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> ReviewCampaign in
            guard acting.mayEdit(organisation: structure) else { throw AccessRefusal(EntityKey(.organisation, structure)) }
            let organisation = try edit.organisation(structure)
            let opened = DeadlineCalculator.for(structure, in: try edit.register(around: [EntityKey(.organisation, structure)])).day(of: acting.now)
            let campaign = try CampaignReview.open(
                id: id ?? CampaignReview.id(structure: structure, opened: opened), title: title, structure: organisation,
                asked: members, opened: opened, due: due)
            try edit.save(.campaign(campaign))
            return campaign
        }.value
    }

    /// Closes a campaign on the day of the act in its structure's calendar: it takes no more
    /// confirmations and leaves the deadlines.
    /// - Parameters:
    ///   - campaign: the campaign.
    ///   - acting: the structure's account (or the command line), and the moment.
    /// - Returns: the campaign as closed.
    /// - Throws: `CampaignReview.Refusal` (already closed); ``AccessRefusal``; what the store throws.
    @discardableResult
    public func close(_ campaign: EntityID, acting: Acting) throws -> ReviewCampaign {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> ReviewCampaign in
            var stored = try edit.campaign(campaign)
            guard acting.mayEdit(organisation: stored.structure) else { throw AccessRefusal(EntityKey(.campaign, campaign)) }
            let day = DeadlineCalculator.for(stored.structure, in: try edit.register(around: [EntityKey(.campaign, campaign)])).day(of: acting.now)
            try CampaignReview.close(&stored, on: day)
            try edit.save(.campaign(stored))
            return stored
        }.value
    }
}
