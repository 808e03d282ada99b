/// The controller's request for the information it needs to confirm who is asking (Art. 12(6)), which it
/// may make only when it has reasonable doubts about the identity of the person, and must say why.
///
/// While the controller waits for that information, the period of Art. 12(3) is suspended, provided the
/// controller asked without undue delay (EDPB Guidelines 01/2022, §5.3 “Timing for the provision of access”):
/// registre counts the days from ``asked`` to ``received`` as suspended when the controller asked within
/// the first month, and the clock stands still while the answer is awaited.
public struct IdentityVerification: Hashable, Sendable, Codable {
    /// The day the controller asked for the additional information.
    public var asked: CalendarDate
    /// The day the information came; nil while it is awaited.
    public var received: CalendarDate?
    /// The reasonable doubt of Art. 12(6), in words: what made the identity uncertain.
    public var doubt: String?

    /// Additional information asked on `asked` because of `doubt`, received on `received`.
    public init(asked: CalendarDate, received: CalendarDate? = nil, doubt: String? = nil) {
        self.asked = asked
        self.received = received
        self.doubt = doubt
    }
}
