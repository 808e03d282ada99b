/// The languages registre speaks to people in. The register itself keeps the words its authors wrote.
public enum Language: String, CaseIterable, Hashable, Sendable {
    /// French, the language of the seeds and of the CNIL, and English.
    case fr, en
}

/// A text given in every language registre speaks, so that no message exists in one language only.
public struct LocalizedText: Hashable, Sendable {
    /// The text in French.
    public var fr: String
    /// The text in English.
    public var en: String

    /// A text in French and in English.
    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    /// The text in `language`.
    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}
