import ArgumentParser
import Foundation
import RegistreCore
import RegistreDesk
import RegistreStore

/// `registre serve`: the DPO's desk on the register of record, beside the CLI on the same database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the DPO's desk (web pages) on the register of record.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise: to reach it from other machines, put it \
            behind a reverse proxy that terminates TLS (see the README). Accounts: registre user add.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8048

    @Option(name: .customLong("head-timeout"), help: ArgumentHelp(
        "Seconds a client has to send a request's headers, from connecting or from its last answer; it is disconnected past them.",
        valueName: "seconds"))
    var headTimeout = 10

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp(
        "Seconds a client has to send a request's body, from its headers; it is disconnected past them.", valueName: "seconds"))
    var bodyTimeout = 30

    @Option(name: .customLong("max-connections"), help: ArgumentHelp(
        "Connections held at once; more wait to be accepted. Below the process's limit of open files (ulimit -n).",
        valueName: "count"))
    var maxConnections = 256

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "The address of the reverse proxy in front of the desk: on its connections, the client is the last address of X-Forwarded-For (for counting failed sign-ins per client). Without it, the header is ignored.",
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
        where !(1...3_600).contains(seconds) {
            throw ValidationError("\(name): expected a number of seconds between 1 and 3600")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections: expected a count of at least 1") }
        // The database, the listening socket and the process's own files need descriptors beside the connections.
        if let files = Self.openFileLimit(), maxConnections > files - Self.reservedFiles {
            throw ValidationError(
                "--max-connections \(maxConnections): expected at most \(max(files - Self.reservedFiles, 0)) (the open-file limit, \(files), less \(Self.reservedFiles) for the database and the process)")
        }
        if let trustedProxy, ClientIdentification.isAddress(trustedProxy) == false {
            throw ValidationError("--trusted-proxy '\(trustedProxy)': expected an IPv4 or IPv6 address")
        }
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
        let database = try store.open(.createIfNeeded)
        if try database.accounts.all().isEmpty {
            Console.note(LocalizedText(
                fr: "aucun compte encore : ajoutez-en un avec `registre user add IDENTIFIANT --role admin --db \(store.path)`",
                en: "no account yet: add one with `registre user add LOGIN --role admin --db \(store.path)`")[language.language])
        }
        Console.note("registre serve: http://\(host):\(port)/ (\(store.path))")
        let clients = try trustedProxy.map(ClientIdentification.behindProxy) ?? .peer
        let limits = ServerLimits(
            headTimeout: TimeInterval(headTimeout), bodyTimeout: TimeInterval(bodyTimeout), maximumConnections: maxConnections)
        // Read once here so that a path mistyped is said at start; the desk reads them again at each visit.
        if let seal { _ = try VerifyCommand.readSeal(seal) }
        if let publicKey { _ = try VerifyCommand.readPublicKey(publicKey) }
        let desk = Desk(store: database, clock: clock, clients: clients, seal: seal.map { DeskSeal(seal: $0, publicKey: publicKey) })
        try await desk.serve(host: host, port: port, limits: limits)
    }
}
