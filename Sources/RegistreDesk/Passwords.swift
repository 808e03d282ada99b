public import RegistreCore
import HummingbirdBcrypt

/// The accounts' passwords, hashed with bcrypt (salted, deliberately slow). The store keeps the hash only.
public enum Passwords {
    /// bcrypt's work factor: 2^12 rounds, a quarter of a second on a small server.
    public static let defaultCost: UInt8 = 12
    /// Shortest password accepted: an account opens breach records.
    public static let minimumLength = 12

    /// The bcrypt hash of `password`, salted, with `cost` as the work factor.
    public static func hash(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why a password is refused, in French and English, or nil when it is acceptable.
    public static func weakness(of password: String) -> LocalizedText? {
        password.count < minimumLength
            ? LocalizedText(fr: "un mot de passe doit avoir au moins \(minimumLength) caractères",
                            en: "a password must have at least \(minimumLength) characters")
            : nil
    }
}
