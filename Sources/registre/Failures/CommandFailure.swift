import RegistreCore

/// An error the command line knows how to end with: its ``ExitStatus`` and its message in the language
/// of `--lang`. Every error type a command lets out conforms (the library's by extension, in
/// `LibraryFailures.swift`: the library knows nothing of exit statuses); `Registre.main` prints the
/// message and exits with the status, in one place (`FailureReport`).
protocol CommandFailure: Error {
    /// How the command ends.
    var exitStatus: ExitStatus { get }
    /// What to say on standard error, one or more lines; empty when there is nothing to add (the command
    /// has already said why, or a reader that went away asked for no more).
    func message(in language: Language) -> String
}

/// A failure the command line words itself: a lookup that found nothing, a value it refuses.
struct CommandError: CommandFailure {
    var exitStatus: ExitStatus
    var text: LocalizedText

    init(_ exitStatus: ExitStatus, _ text: LocalizedText) {
        self.exitStatus = exitStatus
        self.text = text
    }

    func message(in language: Language) -> String { text[language] }
}

/// A bare status: the command has already printed its result (findings with errors), so nothing is said.
extension ExitStatus: CommandFailure {
    var exitStatus: ExitStatus { self }
    func message(in language: Language) -> String { "" }
}
