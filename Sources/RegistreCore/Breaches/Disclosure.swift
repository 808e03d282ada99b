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

    /// Recipients of `trust`, described in words.
    public init(_ trust: Trust, recipients: String? = nil) {
        self.trust = trust
        self.recipients = recipients
    }
}
