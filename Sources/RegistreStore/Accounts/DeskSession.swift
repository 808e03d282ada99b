public import Foundation

/// A signed-in session of the desk, found by the token its cookie carries.
public struct DeskSession: Hashable, Sendable {
    /// The login of the account signed in.
    public var login: String
    /// The token every form of the session must send back (against cross-site request forgery).
    public var csrf: String
    /// When the session ends: a session is not found after this moment.
    public var expires: Date
}
