public import Foundation

/// One line of the account journal: an account added, removed or given a new password, a sign-in, a
/// refused sign-in, a sign-out. Append-only, like the register's journal, but apart from it.
public struct AccountEvent: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case added = "account-added"
        case removed = "account-removed"
        case passwordChanged = "password-changed"
        case signedIn = "signed-in"
        case signInRefused = "sign-in-refused"
        case signedOut = "signed-out"
    }

    public var sequence: Int64
    public var recordedAt: Date
    /// Who did it: the OS user for the CLI, the account itself for a sign-in.
    public var actor: String
    public var kind: Kind
    /// The account concerned.
    public var login: String
    public var detail: String
}
