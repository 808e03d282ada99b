/// The lawful bases of Art. 6(1).
public enum LawfulBasis: String, CaseIterable, Hashable, Sendable {
    /// (a) The data subject's consent.
    case consent = "6-1-a"
    /// (b) A contract with the data subject, or steps before entering into one.
    case contract = "6-1-b"
    /// (c) A legal obligation of the controller.
    case legalObligation = "6-1-c"
    /// (d) The vital interests of the data subject or of another person.
    case vitalInterests = "6-1-d"
    /// (e) A task in the public interest or in the exercise of official authority.
    case publicTask = "6-1-e"
    /// (f) The legitimate interests of the controller or of a third party; not for public authorities' tasks.
    case legitimateInterests = "6-1-f"

    /// "Art. 6(1)(e)".
    public var article: String {
        "Art. 6(1)(\(rawValue.suffix(1)))"
    }
}

/// The lawful basis an activity relies on, with the text that grounds it where there is one (the article of
/// the code that sets the legal obligation or the public task).
public struct LegalBasis: Hashable, Sendable, Codable {
    /// The lawful basis of Art. 6(1).
    public var basis: LawfulBasis
    /// The text that grounds it, e.g. the article of the code that sets the legal obligation.
    public var reference: String?

    /// A lawful basis and the text that grounds it.
    public init(_ basis: LawfulBasis, reference: String? = nil) {
        self.basis = basis
        self.reference = reference
    }
}
