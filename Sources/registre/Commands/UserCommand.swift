public import ArgumentParser
import Foundation
public import RegistreCore
import RegistreDesk
import RegistreStore

/// `registre user`: the accounts of the desk (`registre serve`), kept in the register's database.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts that sign in to the desk (registre serve).",
        subcommands: [Add.self, List.self, Remove.self, Password.self, SecondFactor.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; its password is read from standard input (never an argument).",
            discussion: """
                Roles: admin (everything, accounts included), dpo (edits the organisations given, and \
                a structure's members), reader (reads the organisations given). Example: \
                printf '%s\\n' "$PASSWORD" | registre user add dpo@mende --role dpo --organisation mende
                """
        )

        @Argument(help: "The login (letters, digits, @ . _ - +).")
        var login: String

        @Option(help: "admin, dpo or reader.")
        var role: AccountRole

        @Option(help: ArgumentHelp("An organisation the account is given (repeat for several).", valueName: "id"))
        var organisation: [String] = []

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if role != .admin, organisation.isEmpty {
                throw ValidationError("--organisation: a \(role.rawValue) account needs at least one organisation")
            }
        }

        func run() throws {
            let password = try PasswordInput.read()
            let database = try store.open(.createIfNeeded)
            let register = try database.register()
            for id in organisation where register.organisation(id) == nil {
                throw Lookup.notFound(.organisation, id, in: store.path, option: "--organisation")
            }
            try database.accounts.add(
                Account(login: login, role: role, organisations: organisation, passwordHash: Passwords.hash(password)),
                actor: actor.name, at: database.clock.now())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: login, role, organisations.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            for account in try store.open(.existing).accounts.all() {
                try Console.out("\(account.login)\t\(account.role.rawValue)\t\(account.organisations.joined(separator: ","))\n")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account and close its sessions.")

        @Argument(help: "The login of the account.") var login: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let database = try store.open(.existing)
            try database.accounts.remove(login, actor: actor.name, at: database.clock.now())
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an account a new password, read from standard input; its sessions are closed.")

        @Argument(help: "The login of the account.") var login: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let password = try PasswordInput.read()
            let database = try store.open(.existing)
            try database.accounts.changePassword(of: login, to: Passwords.hash(password), actor: actor.name, at: database.clock.now())
        }
    }
}

extension AccountRole: ExpressibleByArgument {}

/// A password from standard input: its first line, so that `printf '%s\n' "$PASSWORD" |` and a here-string
/// both work and no password ever shows in `ps` or a shell history as an argument.
enum PasswordInput {
    /// - Throws: `CommandError` (status 2) when none was given or it is too weak.
    static func read() throws(CommandError) -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandError(.unreadableInput, LocalizedText(
                fr: "le mot de passe se lit sur l'entrée standard : aucun n'a été donné",
                en: "the password is read from standard input: none was given"))
        }
        if let weakness = Passwords.weakness(of: line) { throw CommandError(.unreadableInput, weakness) }
        return line
    }
}
