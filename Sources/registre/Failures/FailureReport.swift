import ArgumentParser
import Foundation
import RegistreCore

/// The one place where a command that failed is reported and ended: a ``CommandFailure`` is said on
/// standard error in the language of `--lang` and ends with its ``ExitStatus``; anything else is
/// ArgumentParser's (a usage error, 64, with the subcommand's usage; `--help`; a bare `ExitCode`).
enum FailureReport {
    /// The language of the command's `--lang`; French, the default of `--lang`, for a command without it.
    nonisolated static func language(of command: any ParsableCommand) -> Language {
        (command as? any LanguageChoosing)?.language.language ?? .fr
    }

    static func exit(_ error: any Error, language: Language, command: (any ParsableCommand.Type)?) -> Never {
        guard let failure = error as? any CommandFailure else {
            if let command { command.exit(withError: error) }
            Registre.exit(withError: error)
        }
        let message = failure.message(in: language)
        if !message.isEmpty { Console.error(message) }
        Foundation.exit(failure.exitStatus.rawValue)
    }
}
