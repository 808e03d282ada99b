public import Foundation
import Crypto

/// One line of the account journal: an account added, removed or given a new password, a sign-in, a
/// refused sign-in, a sign-out. Append-only, like the register's journal, but apart from it.
public struct AccountEvent: Hashable, Sendable {
    /// What happened to an account.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// An account was created.
        case added = "account-added"
        /// An account was removed.
        case removed = "account-removed"
        /// An account was given a new password.
        case passwordChanged = "password-changed"
        /// Someone signed in with the account.
        case signedIn = "signed-in"
        /// A sign-in with the account was refused; ``AccountEvent/detail`` says why.
        case signInRefused = "sign-in-refused"
        /// The account signed out.
        case signedOut = "signed-out"
        /// Refused sign-ins came faster than the journal takes them: the next ones, until the moment
        /// ``AccountEvent/detail`` names, are refused without a line each. ``AccountEvent/actor`` is the client.
        case refusalsNotJournaled = "refusals-not-journaled"
        /// An account was given another role or other organisations; ``AccountEvent/detail`` says which.
        case changed = "account-changed"
        /// An administrator opened a login closed by failed sign-ins.
        case unlocked = "sign-in-unlocked"
        /// The account was given a new address of its calendar of deadlines (the previous one, if any, no
        /// longer answers).
        case calendarFeedIssued = "calendar-feed-issued"
        /// The account's calendar address was revoked.
        case calendarFeedRevoked = "calendar-feed-revoked"
        /// The account was given a new second factor (a TOTP secret); the previous one no longer signs in.
        case secondFactorEnrolled = "second-factor-enrolled"
        /// The account's second factor was removed.
        case secondFactorRemoved = "second-factor-removed"
        /// An administrator required a second factor of the account, or no longer does; ``AccountEvent/detail``
        /// says which.
        case secondFactorRequirement = "second-factor-requirement"
    }

    /// The event's number in the account journal: 1, 2, 3… with no gap.
    public var sequence: Int64
    /// When the event was written, by the machine's clock.
    public var recordedAt: Date
    /// Who did it: the OS user for the CLI, the account itself for a sign-in.
    public var actor: String
    /// What happened.
    public var kind: Kind
    /// The account concerned.
    public var login: String
    /// The role and organisations given to a new account, the reason a sign-in was refused; empty otherwise.
    public var detail: String

    /// Longest reason or detail the journal keeps from a refused sign-in, in characters.
    public static let maximumDetailLength = 200

    /// How the journal names the login a visitor typed: as typed when it could be a login
    /// (``Account/isValidLogin(_:)``: at most 64 characters), otherwise by its size and the start of its
    /// SHA-256, so that whoever reaches the sign-in page cannot write what they like, or as much as they
    /// like, into the database. Nothing typed stays empty.
    public static func journaledLogin(_ login: String) -> String {
        guard !login.isEmpty, !Account.isValidLogin(login) else { return login }
        let digest = SHA256.hash(data: Data(login.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "(not a login: \(login.utf8.count) bytes, SHA-256 \(digest)…)"
    }
}
