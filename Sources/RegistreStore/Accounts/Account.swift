public import RegistreCore

/// An account of the desk: who signs in, with which role, for which organisations. The password is kept
/// only as the hash the desk computed (bcrypt); the store never sees the password itself.
public struct Account: Hashable, Sendable {
    /// The name the account signs in with.
    public var login: String
    /// The account's role: administrator, DPO or reader.
    public var role: AccountRole
    /// The organisations given to a DPO or a reader (an administrator needs none).
    public var organisations: [EntityID]
    /// The bcrypt hash of the password, as the desk computed it.
    public var passwordHash: String

    /// An account; the store keeps `passwordHash` as given.
    public init(login: String, role: AccountRole, organisations: [EntityID], passwordHash: String) {
        self.login = login
        self.role = role
        self.organisations = organisations
        self.passwordHash = passwordHash
    }

    /// A login is what the journal names as the actor of every change: printable, without spaces, short.
    public static func isValidLogin(_ login: String) -> Bool {
        !login.isEmpty && login.count <= 64
            && login.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "@._-+".unicodeScalars.contains($0) }
    }

    /// What the account may see and change in `register`.
    public func policy(in register: Register) -> AccessPolicy {
        AccessPolicy(role: role, organisations: organisations, in: register)
    }
}
