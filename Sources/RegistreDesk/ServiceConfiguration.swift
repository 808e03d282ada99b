public import Foundation
public import Logging
import TOMLKit

/// The configuration of `registre serve --config FILE` (`/etc/registre/registre.toml` in the package): the
/// database, where the desk listens, its limits, sessions, the sign-in's throttle, the log's level and who
/// may read the metrics. Every key is optional (a missing one keeps its default); a key the desk does not
/// know, or a value it cannot take, is refused with the file, the line, the key and what was expected.
public struct ServiceConfiguration: Sendable, Equatable {
    /// `[database] path`: the register of record.
    public var database = "/var/lib/registre/registre.sqlite"
    /// `[database] busy_timeout`: seconds to wait for another command holding the database.
    public var busyTimeout: TimeInterval = 60
    /// `[server] host`: the address to listen on.
    public var host = "127.0.0.1"
    /// `[server] port`.
    public var port = 8048
    /// `[server] head_timeout`, `body_timeout`, `max_connections`.
    public var limits = ServerLimits()
    /// `[server] trusted_proxy`: the reverse proxy whose `X-Forwarded-For` names the client.
    public var trustedProxy: String?
    /// `[session] idle_timeout`: seconds a session lives without a request.
    public var idleTimeout: TimeInterval = 30 * 60
    /// `[throttle] login_limit`, `client_limit`, `window`.
    public var signIn = SignInLimits()
    /// `[log] level`: trace, debug, info, notice, warning, error or critical.
    public var logLevel = Logger.Level.info
    /// `[metrics] allowed`: the networks that may read `/metrics`.
    public var metricsAllowed = ["127.0.0.0/8", "::1"]

    /// The defaults: what a configuration file with no key says.
    public init() {}

    /// The configuration in the file at `path`.
    /// - Throws: ``ConfigurationError`` when the file cannot be read, is not TOML, or holds a key or a
    ///   value the desk does not take.
    public static func read(_ path: String) throws(ConfigurationError) -> ServiceConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, key: nil, expected: "a readable UTF-8 file")
        }
        return try parse(text, file: path)
    }

    /// The configuration written `text`, read from `file` (for the errors).
    /// - Throws: ``ConfigurationError`` as ``read(_:)``.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ServiceConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, key: nil, expected: "TOML (\(error.description))")
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, expected: "TOML")
        }
        let reader = ConfigurationReader(table: table, text: text, file: file)
        return try reader.configuration()
    }
}
