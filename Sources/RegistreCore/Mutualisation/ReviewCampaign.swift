/// A review campaign of a mutualisation structure: the structure asks some or all of its members to
/// review the activities of their registers by a day (the yearly review the CNIL recommends), and each
/// member's account confirms each activity as reviewed, or as changed, on a day. The campaign is an
/// entry of the register, so every confirmation is journaled with the account that made it, and the
/// closing report can say who reviewed what and when.
public struct ReviewCampaign: Hashable, Sendable, Codable, Identifiable {
    /// What the member's review of one activity concluded.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        /// The activity still says what the member does.
        case reviewed
        /// The member changed the activity in the course of the review.
        case changed
    }

    /// One activity confirmed by an account of the member that controls it.
    public struct Confirmation: Hashable, Sendable, Codable {
        /// The activity confirmed.
        public var activity: EntityID
        /// The member that controlled the activity when it was confirmed.
        public var member: EntityID
        /// Whether the activity was found as it is or changed.
        public var outcome: Outcome
        /// The account (the journal's actor) that confirmed it.
        public var confirmedBy: String
        /// The day of the confirmation.
        public var confirmedOn: CalendarDate

        /// A confirmation of `activity` of `member`, by the account `confirmedBy` on `confirmedOn`.
        public init(activity: EntityID, member: EntityID, outcome: Outcome, confirmedBy: String, confirmedOn: CalendarDate) {
            self.activity = activity
            self.member = member
            self.outcome = outcome
            self.confirmedBy = confirmedBy
            self.confirmedOn = confirmedOn
        }
    }

    /// The campaign's id in the register.
    public var id: EntityID
    /// The campaign's title, as the members see it.
    public var title: String
    /// The mutualisation structure that runs the campaign.
    public var structure: EntityID
    /// The members asked to review their activities.
    public var members: [EntityID]
    /// The day the campaign was opened.
    public var opened: CalendarDate
    /// The last day for the members' confirmations.
    public var due: CalendarDate
    /// When the structure closed the campaign; nil while it runs.
    public var closed: CalendarDate?
    /// In the order they were made; a later confirmation of an activity replaces an earlier one.
    public var confirmations: [Confirmation]

    /// A campaign of `structure` asking `members` to review by `due`; open until `closed` has a date.
    public init(
        id: EntityID, title: String, structure: EntityID, members: [EntityID], opened: CalendarDate, due: CalendarDate,
        closed: CalendarDate? = nil, confirmations: [Confirmation] = []
    ) {
        self.id = id
        self.title = title
        self.structure = structure
        self.members = members
        self.opened = opened
        self.due = due
        self.closed = closed
        self.confirmations = confirmations
    }

    /// The confirmation that stands for an activity: the last one made.
    public func confirmation(of activity: EntityID) -> Confirmation? {
        confirmations.last { $0.activity == activity }
    }
}
