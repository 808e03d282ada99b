import ArgumentParser
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

    func run() async throws {
        let database = try store.open(.createIfNeeded)
        if try database.accounts().isEmpty {
            Console.error("no account yet: add one with `registre user add LOGIN --role admin --db \(store.path)`")
        }
        Console.error("registre serve: http://\(host):\(port)/ (\(store.path))")
        try await Desk(store: database).serve(host: host, port: port)
    }
}
