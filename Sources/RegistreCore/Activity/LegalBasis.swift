/// The lawful bases of Art. 6(1).
public enum LawfulBasis: String, CaseIterable, Hashable, Sendable {
    case consent = "6-1-a"
    case contract = "6-1-b"
    case legalObligation = "6-1-c"
    case vitalInterests = "6-1-d"
    case publicTask = "6-1-e"
    case legitimateInterests = "6-1-f"

    /// "Art. 6(1)(e)".
    public var article: String {
        "Art. 6(1)(\(rawValue.suffix(1)))"
    }
}

/// The lawful basis an activity relies on, with the text that grounds it where there is one (the article of
/// the code that sets the legal obligation or the public task).
public struct LegalBasis: Hashable, Sendable, Codable {
    public var basis: LawfulBasis
    public var reference: String?

    public init(_ basis: LawfulBasis, reference: String? = nil) {
        self.basis = basis
        self.reference = reference
    }
}
