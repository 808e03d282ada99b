import Foundation
import RegistreCore
import Synchronization

/// Where commands speak: results to standard output, everything else to standard error.
///
/// Standard error carries two things, under two names: ``error(_:)``, a failure's message, printed by
/// `FailureReport` alone (the one place that ends a command on an error), and ``note(_:)``, what people
/// read beside a result that is not a failure (the decision after `breach open`, whose id alone goes
/// to standard output; the address `serve` listens on; the notes of an imported spreadsheet).
///
/// A result that cannot be written throws `OutputFile.Failure`, which ends the command with status 2
/// (a full disk: one line; a reader that went away, as in `registre export | head -c1`: silently, as the
/// reader asked for no more). Nothing here traps: Foundation's `FileHandle.write(_: Data)` raises on
/// error, so the bytes go through `write(2)`, and SIGPIPE is ignored at startup (see `Registre.main`).
enum Console {
    private static let chosenLanguage = Mutex(Language.fr)

    /// The language of the command's `--lang`, set once the command line is parsed (`Registre.main`):
    /// what is printed on the way, before any result (the notes of an imported spreadsheet), speaks it.
    static var language: Language {
        get { chosenLanguage.withLock { $0 } }
        set { chosenLanguage.withLock { $0 = newValue } }
    }

    /// Writes a result to standard output.
    static func out(_ text: String) throws(OutputFile.Failure) {
        try writeOut(Array(text.utf8))
    }

    /// Standard output for results that stream: throws so that the caller can stop producing.
    static func writeOut(_ bytes: [UInt8]) throws(OutputFile.Failure) {
        try OutputFile.writeAll(bytes, to: STDOUT_FILENO, reportedAs: "standard output")
    }

    /// A line for people that is not a failure.
    static func note(_ text: String) {
        writeError(text)
    }

    /// A failure's message: for `FailureReport` only.
    static func error(_ text: String) {
        writeError(text)
    }

    private static func writeError(_ text: String) {
        // Nowhere left to report a failure to write a report of failure.
        try? OutputFile.writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO, reportedAs: "standard error")
    }
}
