/// The languages registre speaks to people in. The register itself keeps the words its authors wrote.
public enum Language: String, CaseIterable, Hashable, Sendable {
    case fr, en
}

/// A text given in every language registre speaks, so that no message exists in one language only.
public struct LocalizedText: Hashable, Sendable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}
