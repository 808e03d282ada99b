import ArgumentParser
import Foundation
import Logging
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore

/// `registre serve`: the DPO's desk on the register of record, beside the CLI on the same database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the DPO's desk (web pages) on the register of record.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise: to reach it from other machines, put it \
            behind a reverse proxy that terminates TLS (see the README). Accounts: registre user add. \
            Logs one JSON object a line on the standard error (one per request: its id, route, status, \
            latency, account). GET /healthz answers 200 while the database answers with a current schema, \
            503 otherwise; GET /metrics gives Prometheus' text format to the addresses [metrics] allowed \
            lists (loopback by default).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(
        "A configuration file (TOML, as the package's /etc/registre/registre.toml): the database, the server, sessions, the sign-in's throttle, the log's level, who may read /metrics. An option given beside it wins over the file.",
        valueName: "file"))
    var config: String?

    @Option(help: "The address to listen on (default: 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (default: 8048).")
    var port: Int?

    @Option(name: .customLong("head-timeout"), help: ArgumentHelp(
        "Seconds a client has to send a request's headers, from connecting or from its last answer; it is disconnected past them (default: 10).",
        valueName: "seconds"))
    var headTimeout: Int?

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp(
        "Seconds a client has to send a request's body, from its headers; it is disconnected past them (default: 30).", valueName: "seconds"))
    var bodyTimeout: Int?

    @Option(name: .customLong("max-connections"), help: ArgumentHelp(
        "Connections held at once; more wait to be accepted. Below the process's limit of open files (ulimit -n) (default: 256).",
        valueName: "count"))
    var maxConnections: Int?

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "The address of the reverse proxy in front of the desk: on its connections, the client is the last address of X-Forwarded-For (for counting failed sign-ins per client, and for the metrics' allowed addresses). Without it, the header is ignored.",
        valueName: "address"))
    var trustedProxy: String?

    @Option(help: ArgumentHelp(
        "A seal made by `registre seal -o FILE`: the administration page shows its state, and its verification checks it (as `verify --seal`). Read again at each visit.",
        valueName: "file"))
    var seal: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp(
        "With --seal: the public key that must have signed it (FILE.pub of `registre seal --new-key`).", valueName: "file"))
    var publicKey: String?

    func validate() throws {
        if publicKey != nil && seal == nil { throw ValidationError("--public-key checks a seal: give --seal FILE too") }
        for (name, seconds) in [("--head-timeout", headTimeout), ("--body-timeout", bodyTimeout)]
        where seconds.map({ !(1...3_600).contains($0) }) ?? false {
            throw ValidationError("\(name): expected a number of seconds between 1 and 3600")
        }
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port: expected a port from 1 to 65535") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections: expected a count of at least 1") }
        if let trustedProxy, ClientIdentification.isAddress(trustedProxy) == false {
            throw ValidationError("--trusted-proxy '\(trustedProxy)': expected an IPv4 or IPv6 address")
        }
        let connections = try settings().limits.maximumConnections
        // The database, the listening socket and the process's own files need descriptors beside the connections.
        if let files = Self.openFileLimit(), connections > files - Self.reservedFiles {
            throw ValidationError(
                "--max-connections \(connections): expected at most \(max(files - Self.reservedFiles, 0)) (the open-file limit, \(files), less \(Self.reservedFiles) for the database and the process)")
        }
    }

    /// What the desk runs with: the defaults, the configuration file's keys over them, the options given
    /// over both. `--db` (or `$REGISTRE_DB` without a file) names the database.
    func settings() throws -> ServiceConfiguration {
        var settings = ServiceConfiguration()
        if let config {
            do throws(ConfigurationError) {
                settings = try ServiceConfiguration.read(config)
            } catch {
                throw ValidationError("--config: \(error)")
            }
        }
        if store.db != nil || config == nil { settings.database = store.path }
        if let busyTimeout = store.busyTimeout { settings.busyTimeout = busyTimeout }
        if let host { settings.host = host }
        if let port { settings.port = port }
        if let headTimeout { settings.limits.headTimeout = TimeInterval(headTimeout) }
        if let bodyTimeout { settings.limits.bodyTimeout = TimeInterval(bodyTimeout) }
        if let maxConnections { settings.limits.maximumConnections = maxConnections }
        if let trustedProxy { settings.trustedProxy = trustedProxy }
        return settings
    }

    static let reservedFiles = 64

    /// The process's limit of open files (soft), or nil when it cannot be read or is unlimited.
    static func openFileLimit() -> Int? {
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        // Unlimited (RLIM_INFINITY) reads as a huge number.
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return nil }
        return Int(limit.rlim_cur)
    }

    @OptionGroup var now: NowOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        // With --now the desk's clock starts at that moment and runs from there (breach clocks, deadlines,
        // sessions), for a browser test or a benchmark on a register dated in the past or the future.
        let clock = now.explicit.map { start in
            let origin = Date()
            return DeskClock { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
        } ?? .system
        let settings = try settings()
        // One JSON object a line on the standard error, for journald or any collector.
        let logger = Logger(label: "registre") { label in
            JSONLogHandler(label: label, logLevel: settings.logLevel, sink: JSONLogHandler.standardError)
        }
        let database = try RegisterOfRecord.open(
            path: settings.database, mode: .createIfNeeded, busyTimeout: settings.busyTimeout, clock: JournalClockOption.clock)
        if try database.accounts.all().isEmpty {
            logger.warning("no account yet: add one with `registre user add LOGIN --role admin --db \(settings.database)`")
        }
        logger.notice(
            "registre serve", metadata: ["url": "http://\(settings.host):\(settings.port)/", "database": "\(settings.database)", "version": "\(Registre.configuration.version)"])
        let clients = try settings.trustedProxy.map(ClientIdentification.behindProxy) ?? .peer
        // Read once here so that a path mistyped is said at start; the desk reads them again at each visit.
        if let seal { _ = try VerifyCommand.readSeal(seal) }
        if let publicKey { _ = try VerifyCommand.readPublicKey(publicKey) }
        let service = ServiceSettings(logger: logger, metricsAllowed: try AddressAllowList(settings.metricsAllowed), signIn: settings.signIn)
        let desk = Desk(
            store: database, clock: clock, idleTimeout: settings.idleTimeout, clients: clients,
            seal: seal.map { DeskSeal(seal: $0, publicKey: publicKey) }, service: service)
        try await desk.serve(host: settings.host, port: settings.port, limits: settings.limits)
    }
}
