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
}
