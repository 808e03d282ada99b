/// The decisions of a ``ReviewCampaign``: who may be asked, who may confirm what, where each member
/// stands, and the deadlines of a campaign still running. The commands only read and save.
public enum CampaignReview {
    /// Why a campaign cannot be opened, confirmed or closed.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The organisation has no members: only a mutualisation structure runs a campaign.
        case notAStructure(EntityID)
        /// The organisation is not among the structure's members.
        case notAMember(EntityID, structure: EntityID)
        /// The due day comes before the opening day.
        case dueBeforeOpening(due: CalendarDate, opened: CalendarDate)
        /// The campaign was closed on that day: nothing more is confirmed in it.
        case closed(EntityID, on: CalendarDate)
        /// The activity is a model, or its controller is not among the members the campaign asks.
        case notUnderReview(activity: EntityID, campaign: EntityID)
        /// The actor is no account of the register.
        case unknownAccount(String)
        /// The account may not confirm for the member: it is not one of the member's, or only reads.
        case notTheMembersAccount(String, member: EntityID)

        /// The refusal in words, in both languages.
        public var message: LocalizedText {
            switch self {
            case .notAStructure(let id):
                LocalizedText(
                    fr: "« \(id) » n'a pas d'adhérents (organisation/member) : seule une structure de mutualisation ouvre une campagne de revue",
                    en: "'\(id)' has no members (organisation/member): only a mutualisation structure opens a review campaign")
            case .notAMember(let member, let structure):
                LocalizedText(
                    fr: "« \(member) » n'est pas adhérent de « \(structure) » (organisation/member)",
                    en: "'\(member)' is not a member of '\(structure)' (organisation/member)")
            case .dueBeforeOpening(let due, let opened):
                LocalizedText(
                    fr: "échéance : le \(due.iso) précède l'ouverture le \(opened.iso) ; une échéance postérieure est attendue",
                    en: "due: \(due.iso) comes before the opening on \(opened.iso); a later day is expected")
            case .closed(let id, let day):
                LocalizedText(
                    fr: "la campagne « \(id) » a été close le \(day.iso) : aucune confirmation n'y est plus reçue",
                    en: "campaign '\(id)' was closed on \(day.iso): it takes no more confirmations")
            case .notUnderReview(let activity, let campaign):
                LocalizedText(
                    fr: "l'activité « \(activity) » n'est pas soumise à la campagne « \(campaign) » : son responsable n'en est pas un adhérent sollicité, ou c'est un modèle",
                    en: "activity '\(activity)' is not under review in campaign '\(campaign)': its controller is not a member asked, or it is a model")
            case .unknownAccount(let login):
                LocalizedText(
                    fr: "« \(login) » n'est pas un compte du registre : la confirmation est faite par un compte de l'adhérent (registre user add … --organisation ADHÉRENT, puis --actor)",
                    en: "'\(login)' is no account of the register: an account of the member confirms (registre user add … --organisation MEMBER, then --actor)")
            case .notTheMembersAccount(let login, let member):
                LocalizedText(
                    fr: "le compte « \(login) » ne peut pas confirmer pour « \(member) » : un compte de cet adhérent, qui n'est pas en lecture seule, est attendu",
                    en: "account '\(login)' cannot confirm for '\(member)': an account of that member that does not only read is expected")
            }
        }

        /// The refusal in words (English), as ``Refusal/message`` says it.
        public var description: String { message.en }
    }

    /// The account that confirms, as the register of record knows it.
    public struct Reviewer: Hashable, Sendable {
        /// The account's login, which the journal keeps as the actor.
        public var login: String
        /// The account's role.
        public var role: AccountRole
        /// The organisations given to the account.
        public var organisations: [EntityID]

        /// The account `login` of `role`, given `organisations`.
        public init(login: String, role: AccountRole, organisations: [EntityID]) {
            self.login = login
            self.role = role
            self.organisations = organisations
        }
    }

    /// One activity under review and what was confirmed of it, if anything.
    public struct ActivityReview: Hashable, Sendable {
        /// The activity's id.
        public var activity: EntityID
        /// The activity's name.
        public var name: String
        /// The latest confirmation of the activity; nil while it is still to confirm.
        public var confirmation: ReviewCampaign.Confirmation?
    }

    /// Where one member stands in a campaign.
    public struct MemberProgress: Hashable, Sendable {
        /// The member (an ``Organisation``'s id).
        public var member: EntityID
        /// The member's name.
        public var name: String
        /// Its activities, in the register's order.
        public var activities: [ActivityReview]

        /// How many of its activities are confirmed, reviewed or changed.
        public var confirmed: Int { activities.count { $0.confirmation != nil } }
        /// How many of its activities were confirmed as changed.
        public var changed: Int { activities.count { $0.confirmation?.outcome == .changed } }
        /// How many of its activities are still to confirm.
        public var pending: Int { activities.count - confirmed }
        /// Every activity confirmed (a member without activities has nothing to confirm).
        public var isComplete: Bool { pending == 0 }
    }

    /// The id a campaign gets when none is given: the structure's id and the opening day.
    public static func id(structure: EntityID, opened: CalendarDate) -> EntityID { "\(structure)-revue-\(opened.iso)" }

    /// A new campaign asking `asked` members of `structure` (all of them when nil).
    /// - Throws: ``Refusal/notAStructure(_:)``, ``Refusal/notAMember(_:structure:)``,
    ///   ``Refusal/dueBeforeOpening(due:opened:)``.
    public static func open(
        id: EntityID, title: String, structure: Organisation, asked: [EntityID]?, opened: CalendarDate, due: CalendarDate
    ) throws(Refusal) -> ReviewCampaign {
        guard !structure.members.isEmpty else { throw Refusal.notAStructure(structure.id) }
        guard opened <= due else { throw Refusal.dueBeforeOpening(due: due, opened: opened) }
        var members = structure.members
        if let asked {
            for member in asked where !structure.members.contains(member) { throw Refusal.notAMember(member, structure: structure.id) }
            var seen: Set<EntityID> = []
            members = asked.filter { seen.insert($0).inserted }
        }
        return ReviewCampaign(id: id, title: title, structure: structure.id, members: members, opened: opened, due: due)
    }

    /// Whether an activity is reviewed in the campaign: a member's activity, not a model.
    public static func isUnderReview(_ activity: ProcessingActivity, in campaign: ReviewCampaign) -> Bool {
        !activity.isModel && campaign.members.contains(activity.controller)
    }

    /// Records that `reviewer` confirmed `activity` on `day`, and gives the activity that day as its last
    /// review (what `members` shows and the CNIL asks for).
    /// - Returns: the activity to save beside the campaign.
    /// - Throws: ``Refusal/closed(_:on:)``, ``Refusal/notUnderReview(activity:campaign:)``,
    ///   ``Refusal/unknownAccount(_:)`` (when `reviewer` is nil), ``Refusal/notTheMembersAccount(_:member:)``.
    public static func confirm(
        _ activity: ProcessingActivity, as outcome: ReviewCampaign.Outcome, in campaign: inout ReviewCampaign,
        login: String, reviewer: Reviewer?, on day: CalendarDate
    ) throws(Refusal) -> ProcessingActivity {
        if let closed = campaign.closed { throw Refusal.closed(campaign.id, on: closed) }
        guard isUnderReview(activity, in: campaign) else { throw Refusal.notUnderReview(activity: activity.id, campaign: campaign.id) }
        guard let reviewer else { throw Refusal.unknownAccount(login) }
        guard reviewer.role != .reader, reviewer.organisations.contains(activity.controller) else {
            throw Refusal.notTheMembersAccount(reviewer.login, member: activity.controller)
        }
        campaign.confirmations.append(ReviewCampaign.Confirmation(
            activity: activity.id, member: activity.controller, outcome: outcome, confirmedBy: reviewer.login, confirmedOn: day))
        var reviewed = activity
        if reviewed.lastReviewed.map({ $0 < day }) ?? true { reviewed.lastReviewed = day }
        return reviewed
    }

    /// Closes the campaign on `day`.
    /// - Throws: ``Refusal/closed(_:on:)`` when it already is.
    public static func close(_ campaign: inout ReviewCampaign, on day: CalendarDate) throws(Refusal) {
        if let closed = campaign.closed { throw Refusal.closed(campaign.id, on: closed) }
        campaign.closed = day
    }

    /// Each member's progress, in the campaign's order of members: its activities under review and the
    /// confirmation that stands for each. An activity confirmed and since moved to another controller
    /// stays with the member that confirmed it.
    public static func progress(of campaign: ReviewCampaign, in register: Register) -> [MemberProgress] {
        var reviews: [EntityID: [ActivityReview]] = [:]
        var latest: [EntityID: ReviewCampaign.Confirmation] = [:]
        for confirmation in campaign.confirmations { latest[confirmation.activity] = confirmation }
        for activity in register.activities where isUnderReview(activity, in: campaign) {
            reviews[activity.controller, default: []].append(
                ActivityReview(activity: activity.id, name: activity.name, confirmation: latest[activity.id]))
        }
        return campaign.members.map { member in
            MemberProgress(member: member, name: register.organisation(member)?.name ?? member, activities: reviews[member] ?? [])
        }
    }

    /// The deadline of every member that has not confirmed all its activities in a campaign still running,
    /// counted in the member's time zone: Art. 24(1) asks that the measures be reviewed and updated.
    public static func deadlines(in register: Register) -> [ScheduledDeadline] {
        register.campaigns.filter { $0.closed == nil }.flatMap { campaign in
            let structure = register.organisation(campaign.structure)?.name ?? campaign.structure
            return progress(of: campaign, in: register).filter { !$0.isComplete }.map { progress in
                let calculator = DeadlineCalculator.for(progress.member, in: register)
                let total = progress.activities.count
                return ScheduledDeadline(
                    subject: Finding.Subject(.campaign, campaign.id),
                    what: LocalizedText(
                        fr: "Revue des activités de « \(progress.name) » (campagne « \(campaign.title) » de \(structure)) : \(progress.pending) sur \(total) à confirmer",
                        en: "Review of the activities of '\(progress.name)' (campaign '\(campaign.title)' of \(structure)): \(progress.pending) of \(total) to confirm"),
                    source: "Art. 24(1)", dueDay: campaign.due, due: calculator.end(of: campaign.due), timeZone: calculator.timeZone,
                    organisation: progress.member)
            }
        }
    }
}
