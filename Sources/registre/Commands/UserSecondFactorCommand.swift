import ArgumentParser
import Foundation
import RegistreCore
import RegistreDesk
import RegistreStore

extension UserCommand {
    /// `registre user second-factor LOGIN`: a local account's TOTP second factor (RFC 6238).
    struct SecondFactor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "second-factor",
            abstract: "Give an account a TOTP second factor, remove it, or require one.",
            discussion: """
                --enrol makes a new secret and prints its otpauth:// address (for a QR code) and the \
                secret in base 32 (to type into an authenticator application): hand it to the account's \
                owner over a channel you trust. From then on the desk asks the 6-digit code after the \
                password, each code once. --require refuses the account any sign-in without a second \
                factor (until it is enrolled); --no-require lifts that. Journaled in the account journal, \
                never the secret.
                """
        )

        @Argument(help: "The login of the account.") var login: String

        @Flag(help: "Make a new secret (the previous one no longer signs in) and print it.")
        var enrol = false

        @Flag(help: "Remove the account's secret.")
        var remove = false

        @Flag(inversion: .prefixedNo, help: "Require a second factor of the account (--no-require: no longer).")
        var require: Bool?

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var language: LanguageOption

        func validate() throws {
            guard enrol || remove || require != nil else { throw ValidationError("give --enrol, --remove, --require or --no-require") }
            if enrol && remove { throw ValidationError("--enrol and --remove: one of them") }
        }

        func run() throws {
            let database = try store.open(.existing)
            let factors = database.secondFactors
            let now = database.clock.now()
            if let require { try factors.require(login: login, require, actor: actor.name, at: now) }
            if remove { try factors.remove(login: login, actor: actor.name, at: now) }
            if enrol {
                let generator = OneTimePassword.random()
                try factors.enrol(login: login, secret: generator.base32Secret, actor: actor.name, at: now)
                try Console.out("\(generator.provisioningURI(login: login, issuer: "registre"))\n\(generator.base32Secret)\n")
            }
        }
    }
}
