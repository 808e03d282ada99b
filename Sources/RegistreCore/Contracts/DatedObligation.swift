/// An obligation of an agreement that has a time limit: "three months before the term", "within three
/// months of the request", "within 30 days of the invoice".
public struct DatedObligation: Hashable, Sendable, Codable, Identifiable {
    /// Whether the obligation falls before its event or after it.
    public enum Direction: String, CaseIterable, Hashable, Sendable, Codable {
        /// The obligation must be met at the latest `period` before the event.
        case before
        /// The obligation must be met within `period` after the event.
        case after
    }

    /// The obligation's id, unique in the agreement.
    public var id: EntityID
    /// What must be done, in the contract's words.
    public var description: String
    /// How long before or after the event.
    public var period: DeadlinePeriod
    /// Whether the period runs before the event or after it.
    public var direction: Direction
    /// The event the period is counted from, in words: "le terme du contrat", "la demande de réversibilité".
    public var event: String
    /// When the event happens or happened; nil while it has not occurred (the obligation is not yet running).
    public var eventDate: CalendarDate?
    /// Where the obligation stands in the contract.
    public var reference: String?
    /// When the obligation was met.
    public var fulfilled: CalendarDate?

    /// An obligation to do `description` within `period` `direction` the `event`; running once the event has a date.
    public init(
        id: EntityID, description: String, period: DeadlinePeriod, direction: Direction, event: String,
        eventDate: CalendarDate? = nil, reference: String? = nil, fulfilled: CalendarDate? = nil
    ) {
        self.id = id
        self.description = description
        self.period = period
        self.direction = direction
        self.event = event
        self.eventDate = eventDate
        self.reference = reference
        self.fulfilled = fulfilled
    }
}
