/// What Art. 19 asks once a rectification, erasure or restriction is carried out: each recipient to whom
/// the data were disclosed is told, unless this proves impossible or involves disproportionate effort.
public struct RecipientNotification: Hashable, Sendable, Codable {
    /// How the duty was met.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// The recipients were told.
        case told
        /// The data were disclosed to no recipient: nobody to tell.
        case noRecipient = "no-recipient"
        /// Telling them proves impossible or involves disproportionate effort (Art. 19, first sentence).
        case impossible
    }

    /// How the duty was met.
    public var kind: Kind
    /// The day the recipients were told, or the finding made.
    public var day: CalendarDate

    /// The duty of Art. 19 met as `kind` on `day`.
    public init(kind: Kind, day: CalendarDate) {
        self.kind = kind
        self.day = day
    }
}
