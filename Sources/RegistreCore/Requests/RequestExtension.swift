/// The extension of Art. 12(3), second and third sentences: two further months "where necessary, taking
/// into account the complexity and number of the requests", the person being told of it and of its reasons
/// within one month of receipt.
public struct RequestExtension: Hashable, Sendable, Codable {
    /// The day the controller decided to extend.
    public var decided: CalendarDate
    /// Why: the complexity or the number of requests.
    public var reason: String
    /// The day the person was told of the extension and its reasons; nil while they are not.
    public var personTold: CalendarDate?

    /// An extension decided on `decided` for `reason`, told to the person on `personTold`.
    public init(decided: CalendarDate, reason: String, personTold: CalendarDate? = nil) {
        self.decided = decided
        self.reason = reason
        self.personTold = personTold
    }
}
