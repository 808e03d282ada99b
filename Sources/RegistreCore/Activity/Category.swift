/// A category named in the register: of data subjects ("usagers", "agents"), of personal data
/// ("état civil", "données de connexion"). `code` is an optional concept of the W3C Data Privacy
/// Vocabulary (`pd:Contact`, `dpv:Citizen`…) that makes registers comparable between tools.
public struct Category: Hashable, Sendable, Codable {
    /// The category as the register names it, in the DPO's words.
    public var label: String
    /// The matching concept of the W3C Data Privacy Vocabulary, e.g. `dpv:Citizen`; nil when none is given.
    public var code: String?

    /// A category named `label`, with an optional DPV code.
    public init(_ label: String, code: String? = nil) {
        self.label = label
        self.code = code
    }
}

/// Who the data are disclosed to (Art. 30(1)(d)), in the CNIL's three kinds plus public authorities.
public struct Recipient: Hashable, Sendable, Codable {
    /// The kinds of recipient the CNIL's register model distinguishes.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// A service of the controller itself.
        case `internal`
        /// Another organisation that receives the data for its own purposes.
        case external
        /// A processor acting on the controller's behalf.
        case processor
        /// An authority the data are communicated to under a legal obligation.
        case publicAuthority = "public-authority"
    }

    /// Who receives the data, in the DPO's words ("Trésor public", "service RH").
    public var label: String
    /// The kind of recipient.
    public var kind: Kind
    /// For a processor: the agreement that binds it (Art. 28(3)), by the id of an agreement of the register
    /// or the title of one kept elsewhere; recorded without creating the processor as an organisation first.
    public var agreement: String?

    /// A recipient named `label`, of `kind`, bound by `agreement` when it is a processor.
    public init(_ label: String, kind: Kind, agreement: String? = nil) {
        self.label = label
        self.kind = kind
        self.agreement = agreement
    }
}
