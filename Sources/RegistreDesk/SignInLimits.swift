public import Foundation

/// How many failed sign-ins the desk lets through, over which window (the throttle of the sign-in page).
public struct SignInLimits: Sendable, Equatable {
    /// Failures of one login after which only a client with no failure may try it.
    public var loginLimit: Int
    /// Failures of one client, any login, after which it is refused everything.
    public var clientLimit: Int
    /// How long a failure counts, in seconds.
    public var window: TimeInterval

    /// Limits for the sign-in's throttle; the defaults: 5 failures a login, 20 a client, within 15 minutes.
    public init(loginLimit: Int = 5, clientLimit: Int = 20, window: TimeInterval = 15 * 60) {
        self.loginLimit = loginLimit
        self.clientLimit = clientLimit
        self.window = window
    }
}
