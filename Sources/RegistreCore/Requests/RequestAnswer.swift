/// The answer to a request: when it was sent, what it granted, and, when it did not grant everything,
/// why and what the person can do about it (Art. 12(4)).
public struct RequestAnswer: Hashable, Sendable, Codable {
    /// What the controller did.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        /// The request was granted in full.
        case granted
        /// Granted in part.
        case partly
        /// Refused.
        case refused
    }

    /// The day the answer was sent.
    public var sent: CalendarDate
    /// What was granted.
    public var outcome: Outcome
    /// Why the request was not granted in full (Art. 12(4)).
    public var reason: String?
    /// The exception relied on (Art. 15(4), Art. 17(3)(b), Art. 23 and the national law that uses it…).
    public var exception: String?
    /// Whether the answer told the person of the right to lodge a complaint with a supervisory authority
    /// and to seek a judicial remedy (Art. 12(4)).
    public var remediesGiven: Bool

    /// An answer sent on `sent` with `outcome`; `reason`, `exception` and `remediesGiven` for an answer that
    /// does not grant everything.
    public init(sent: CalendarDate, outcome: Outcome, reason: String? = nil, exception: String? = nil, remediesGiven: Bool = false) {
        self.sent = sent
        self.outcome = outcome
        self.reason = reason
        self.exception = exception
        self.remediesGiven = remediesGiven
    }

    /// Whether the answer leaves something of the request ungranted: a partial answer or a refusal.
    public var withholds: Bool { outcome != .granted }
}
