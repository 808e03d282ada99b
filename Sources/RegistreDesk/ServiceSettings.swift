public import Logging

/// What the desk needs when it runs as a service for many users (issue 29): where its log lines go, who
/// may read its metrics, and how the sign-in is throttled. The defaults suit a desk on one machine and
/// the tests: no log, metrics for loopback only, the throttle's usual limits.
public struct ServiceSettings: Sendable {
    /// Where the desk writes one line per request (``JSONLogHandler`` in `registre serve`).
    public var logger: Logger
    /// The clients that may read `GET /metrics`; every other gets 404.
    public var metricsAllowed: AddressAllowList
    /// The sign-in's throttle.
    public var signIn: SignInLimits

    /// Settings with `logger`, `metricsAllowed` and `signIn`.
    public init(logger: Logger = ServiceSettings.silent, metricsAllowed: AddressAllowList = .loopback, signIn: SignInLimits = SignInLimits()) {
        self.logger = logger
        self.metricsAllowed = metricsAllowed
        self.signIn = signIn
    }

    /// A logger that writes nothing.
    public static let silent = Logger(label: "registre", factory: { _ in SwiftLogNoOpLogHandler() })
}
