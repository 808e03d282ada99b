public import Foundation

/// What the desk's server allows a connection, so that slow or numerous clients cannot hold it: the time
/// to send a request's head and its body (`RequestDeadlines`), and how many connections it holds at once.
/// Past ``maximumConnections``, new connections wait in the system's queue of pending connections until
/// one closes: the process never runs out of file descriptors, and the connections it holds end within
/// their deadlines.
public struct ServerLimits: Sendable, Equatable {
    /// Seconds a client has to send a request's head (request line and headers), from the moment it
    /// connects or was last answered.
    public var headTimeout: TimeInterval
    /// Seconds a client has to send a request's body, from its head.
    public var bodyTimeout: TimeInterval
    /// Connections held at once; keep it well below the process's limit of open files (`ulimit -n`).
    public var maximumConnections: Int

    /// Limits for the desk's server; the defaults suit a desk behind a reverse proxy or on a small network.
    public init(headTimeout: TimeInterval = 10, bodyTimeout: TimeInterval = 30, maximumConnections: Int = 256) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.maximumConnections = maximumConnections
    }
}
