import Foundation
import Logging
import TOMLKit

/// Reads a parsed configuration file into a ``ServiceConfiguration``, key by key, each checked as the
/// command line checks its option; a refusal names the line where the key is written.
struct ConfigurationReader {
    let table: TOMLTable
    let lines: [Substring]
    let file: String

    init(table: TOMLTable, text: String, file: String) {
        self.table = table
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.file = file
    }

    /// The keys the desk takes, by table.
    static let known: [String: [String]] = [
        "database": ["path", "busy_timeout"],
        "server": ["host", "port", "head_timeout", "body_timeout", "max_connections", "trusted_proxy"],
        "session": ["idle_timeout"],
        "throttle": ["login_limit", "client_limit", "window"],
        "log": ["level"],
        "metrics": ["allowed"],
    ]

    func configuration() throws(ConfigurationError) -> ServiceConfiguration {
        try checkKeys()
        var configuration = ServiceConfiguration()
        if let path = try string("database", "path"), !path.isEmpty { configuration.database = path }
        else if value("database", "path") != nil { throw refusal("database", "path", "a path to the database file") }
        configuration.busyTimeout = try seconds("database", "busy_timeout", 0...86_400) ?? configuration.busyTimeout
        try readServer(into: &configuration)
        configuration.idleTimeout = try seconds("session", "idle_timeout", 60...604_800) ?? configuration.idleTimeout
        configuration.signIn.loginLimit = try integer("throttle", "login_limit", 1...1_000) ?? configuration.signIn.loginLimit
        configuration.signIn.clientLimit = try integer("throttle", "client_limit", 1...100_000) ?? configuration.signIn.clientLimit
        configuration.signIn.window = try seconds("throttle", "window", 1...86_400) ?? configuration.signIn.window
        if let level = try string("log", "level") {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw refusal("log", "level", "one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.logLevel = parsed
        }
        if let allowed = try strings("metrics", "allowed") {
            guard (try? AddressAllowList(allowed)) != nil else {
                throw refusal("metrics", "allowed", "IPv4 or IPv6 addresses, each with an optional /prefix length")
            }
            configuration.metricsAllowed = allowed
        }
        return configuration
    }

    private func readServer(into configuration: inout ServiceConfiguration) throws(ConfigurationError) {
        if let host = try string("server", "host") {
            guard !host.isEmpty else { throw refusal("server", "host", "an address or host name to listen on") }
            configuration.host = host
        }
        configuration.port = try integer("server", "port", 1...65_535) ?? configuration.port
        configuration.limits.headTimeout = try seconds("server", "head_timeout", 1...3_600) ?? configuration.limits.headTimeout
        configuration.limits.bodyTimeout = try seconds("server", "body_timeout", 1...3_600) ?? configuration.limits.bodyTimeout
        configuration.limits.maximumConnections = try integer("server", "max_connections", 1...1_000_000) ?? configuration.limits.maximumConnections
        if let proxy = try string("server", "trusted_proxy") {
            guard ClientIdentification.isAddress(proxy) else { throw refusal("server", "trusted_proxy", "an IPv4 or IPv6 address") }
            configuration.trustedProxy = proxy
        }
    }

    /// Every table and key is one the desk knows: a misspelt key would otherwise be ignored, its default
    /// silently kept.
    private func checkKeys() throws(ConfigurationError) {
        let tables = Self.known.keys.sorted().joined(separator: ", ")
        for name in table.keys {
            guard let keys = Self.known[name] else { throw refusal(nil, name, "one of the tables \(tables)") }
            guard let section = table[name]?.table else { throw refusal(nil, name, "a table [\(name)] of \(keys.joined(separator: ", "))") }
            for key in section.keys where !keys.contains(key) {
                throw refusal(name, key, "one of the keys of [\(name)]: \(keys.joined(separator: ", "))")
            }
        }
    }

    private func value(_ section: String, _ key: String) -> (any TOMLValueConvertible)? {
        table[section]?.table?[key]
    }

    private func string(_ section: String, _ key: String) throws(ConfigurationError) -> String? {
        guard let value = value(section, key) else { return nil }
        guard let text = value.string else { throw refusal(section, key, "a string in quotes") }
        return text
    }

    private func integer(_ section: String, _ key: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = value(section, key) else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw refusal(section, key, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private func seconds(_ section: String, _ key: String, _ range: ClosedRange<Double>) throws(ConfigurationError) -> TimeInterval? {
        guard let value = value(section, key) else { return nil }
        guard let number = value.int.map(Double.init) ?? value.double, number.isFinite, range.contains(number) else {
            throw refusal(section, key, "a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return number
    }

    private func strings(_ section: String, _ key: String) throws(ConfigurationError) -> [String]? {
        guard let value = value(section, key) else { return nil }
        guard let array = value.array else { throw refusal(section, key, "a list of strings in quotes") }
        var texts: [String] = []
        for element in array {
            guard let text = element.string else { throw refusal(section, key, "a list of strings in quotes") }
            texts.append(text)
        }
        return texts
    }

    private func refusal(_ section: String?, _ key: String, _ expected: String) -> ConfigurationError {
        ConfigurationError(
            file: file, line: line(of: section, key), key: section.map { "\($0).\(key)" } ?? key, expected: expected)
    }

    /// The line, from 1, where `key` of the table `section` is written (under `[section]`, or as
    /// `section.key` before any table), or where the table itself is when `section` is nil.
    func line(of section: String?, _ key: String) -> Int? {
        var current = ""
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if section == nil, current == key { return index + 1 }
                continue
            }
            let name = line.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            guard line.contains("=") else { continue }
            if let section, current == section, name == key { return index + 1 }
            if current.isEmpty, name == (section.map { "\($0).\(key)" } ?? key) || (section == nil && name.hasPrefix(key + ".")) {
                return index + 1
            }
        }
        return nil
    }
}
