/// A category named in the register: of data subjects ("usagers", "agents"), of personal data
/// ("état civil", "données de connexion"). `code` is an optional concept of the W3C Data Privacy
/// Vocabulary (`pd:Contact`, `dpv:Citizen`…) that makes registers comparable between tools.
public struct Category: Hashable, Sendable, Codable {
    public var label: String
    public var code: String?

    public init(_ label: String, code: String? = nil) {
        self.label = label
        self.code = code
    }
}

/// Who the data are disclosed to (Art. 30(1)(d)), in the CNIL's three kinds plus public authorities.
public struct Recipient: Hashable, Sendable, Codable {
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

    public var label: String
    public var kind: Kind

    public init(_ label: String, kind: Kind) {
        self.label = label
        self.kind = kind
    }
}
