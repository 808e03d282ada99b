/// Who received or took the data, when it is known, and whether they can be trusted to do no harm with
/// them: a trusted recipient lowers the risk, unknown intentions do not (EDPB Guidelines 9/2022, §IV.B;
/// 01/2021, §4 and §6: internal human risk and misdirected mail).
public struct Disclosure: Hashable, Sendable, Codable {
    /// Whether the recipients can be trusted to do no harm with the data.
    public enum Trust: String, CaseIterable, Hashable, Sendable, Codable {
        /// Bound to confidentiality or has shown good faith (returned, confirmed deletion).
        case trusted
        /// Known, but what they will do with the data is not.
        case intentionsUnknown = "intentions-unknown"
        /// Acts against the people concerned (attacker, buyer, publisher of the data).
        case hostile
    }

    /// Who they are: "un autre usager", "un ancien agent", "un attaquant inconnu".
    public var recipients: String?
    /// Whether the recipients can be trusted.
    public var trust: Trust
    /// Whether the recipients are bound to confidentiality (professional secrecy, a contract, a statute);
    /// nil when not recorded. A trusted recipient lowers the likelihood of misuse only when bound.
    public var boundToConfidentiality: Bool?
    /// Whether the recipients returned the data or confirmed their deletion; nil when not recorded.
    public var returnedOrDeleted: Bool?
    /// Whether each recipient is identified (a named addressee of a misdirected letter or e-mail), so
    /// that the controller can reach them; nil when not recorded.
    public var identified: Bool?

    /// Recipients of `trust`, described in words, and what is known of their duty and of the data.
    public init(
        _ trust: Trust, recipients: String? = nil, boundToConfidentiality: Bool? = nil, returnedOrDeleted: Bool? = nil,
        identified: Bool? = nil
    ) {
        self.trust = trust
        self.recipients = recipients
        self.boundToConfidentiality = boundToConfidentiality
        self.returnedOrDeleted = returnedOrDeleted
        self.identified = identified
    }
}
