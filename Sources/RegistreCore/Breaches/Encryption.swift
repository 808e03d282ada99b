/// How the breached data were encrypted: with state-of-the-art encryption whose key stayed safe, the data
/// are unintelligible to whoever holds them (Art. 34(3)(a); EDPB Guidelines 9/2022, §II.D and §III.D).
/// Secrets stored as salted hashes weigh the same way when the algorithm is current and the salt (or
/// secret) is not compromised (EDPB Guidelines 01/2021, §3.2, case no. 06).
public struct Encryption: Hashable, Sendable, Codable {
    /// What protects the data: encryption, which can be reversed with the key, or a salted hash of a
    /// secret (a password), which cannot.
    public enum Form: String, CaseIterable, Hashable, Sendable, Codable {
        /// Encrypted with a key.
        case encryption
        /// Secrets stored as salted hashes: the "key" is the salt or the secret the hashing uses.
        case saltedHash = "salted-hash"
    }

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
    /// Whether the key or password (for a salted hash: the salt or secret) was compromised too; nil
    /// when nobody knows yet.
    public var keyCompromised: Bool?
    /// Encryption, or salted hashes; nil reads as encryption (registers written before the form was recorded).
    public var form: Form?

    /// Encryption of `strength`, and whether its key was compromised (nil: not known yet).
    public init(_ strength: Strength, keyCompromised: Bool? = nil, form: Form? = nil) {
        self.strength = strength
        self.keyCompromised = keyCompromised
        self.form = form
    }

    /// Whether the data were salted hashes rather than encrypted.
    public var isSaltedHash: Bool { form == .saltedHash }

    /// Only strong encryption with a key known to be safe makes the data unintelligible: a key whose
    /// fate is unknown cannot be relied on.
    public var makesDataUnintelligible: Bool { strength == .stateOfTheArt && keyCompromised == false }
}
