import ArgumentParser
import Foundation
import RegistreCore

/// The one place where a command that failed is reported and ended: a ``CommandFailure`` is said on
/// standard error in the language of `--lang` and ends with its ``ExitStatus``; ArgumentParser's errors
/// stay its own (a usage error, 64, with the subcommand's usage; `--help`; a bare `ExitCode`); any other
/// error is said as it is, with status 2.
enum FailureReport {
    /// The language of the command's `--lang`; French, the default of `--lang`, for a command without it.
    nonisolated static func language(of command: any ParsableCommand) -> Language {
        (command as? any LanguageChoosing)?.language.language ?? .fr
    }

    static func exit(_ error: any Error, language: Language, command: (any ParsableCommand.Type)?) -> Never {
        let failure: any CommandFailure
        if let known = error as? any CommandFailure {
            failure = known
        } else if error is ExitCode || Registre.exitCode(for: error) != .failure {
            // ArgumentParser's own: a usage error (64) with the subcommand's usage, a bare ExitCode.
            if let command { command.exit(withError: error) }
            Registre.exit(withError: error)
        } else {
            // An error no type of registre claims (Foundation's, say): said as it is, with status 2,
            // never ArgumentParser's 1, which here means findings with errors.
            failure = CommandError(.unreadableInput, LocalizedText(fr: "\(error)", en: "\(error)"))
        }
        let message = failure.message(in: language)
        if !message.isEmpty { Console.error(message) }
        Foundation.exit(failure.exitStatus.rawValue)
    }
}
