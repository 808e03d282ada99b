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
        if try database.accounts().isEmpty {
            Console.note(LocalizedText(
                fr: "aucun compte encore : ajoutez-en un avec `registre user add IDENTIFIANT --role admin --db \(store.path)`",
                en: "no account yet: add one with `registre user add LOGIN --role admin --db \(store.path)`")[language.language])
        }
        Console.note("registre serve: http://\(host):\(port)/ (\(store.path))")
        try await Desk(store: database, clock: clock).serve(host: host, port: port)
    }
}
