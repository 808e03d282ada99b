/// How the breached data were encrypted: with state-of-the-art encryption whose key stayed safe, the data
/// are unintelligible to whoever holds them (Art. 34(3)(a); EDPB Guidelines 9/2022, §II.D and §III.B).
public struct Encryption: Hashable, Sendable, Codable {
    /// How strong the encryption of the breached data was.
    public enum Strength: String, CaseIterable, Hashable, Sendable, Codable {
        /// A current algorithm and key length, correctly implemented.
        case stateOfTheArt = "state-of-the-art"
        /// Obsolete, weak, or a password that can be guessed.
        case weak
        /// Not encrypted.
        case none
    }

    /// How strong the encryption was.
    public var strength: Strength
    /// Whether the key or password was compromised too; nil when nobody knows yet.
    public var keyCompromised: Bool?

    /// Encryption of `strength`, and whether its key was compromised (nil: not known yet).
    public init(_ strength: Strength, keyCompromised: Bool? = nil) {
        self.strength = strength
        self.keyCompromised = keyCompromised
    }

    /// Only strong encryption with a key known to be safe makes the data unintelligible: a key whose
    /// fate is unknown cannot be relied on.
    public var makesDataUnintelligible: Bool { strength == .stateOfTheArt && keyCompromised == false }
}
