public import RegistreCore

/// An act refused because the person may not change what it touches: the organisation (or its entry)
/// is outside what their account was given. The desk answers it as "not found", as for anything outside
/// an account's policy.
public struct AccessRefusal: Error, Hashable, Sendable {
    /// What the person may not change.
    public var key: EntityKey

    /// A refusal to change `key`.
    /// - Parameter key: what the person may not change.
    public init(_ key: EntityKey) {
        self.key = key
    }

    /// What was refused, in words for the person who asked.
    public var message: LocalizedText {
        LocalizedText(fr: "« \(key.id) » n'est pas à vous de modifier", en: "'\(key.id)' is not yours to change")
    }
}
