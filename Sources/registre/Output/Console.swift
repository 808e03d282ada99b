import Foundation

/// Where commands speak: results to standard output, problems to standard error, one line each.
///
/// A result that cannot be written ends the command with status 2 at once (a full disk: one line on
/// standard error; a reader that went away, as in `registre export | head -c1`: silently, as the reader
/// asked for no more). Nothing here traps: Foundation's `FileHandle.write(_: Data)` raises on error, so
/// the bytes go through `write(2)`, and SIGPIPE is ignored at startup (see `Registre.main`).
enum Console {
    static func out(_ text: String) {
        do {
            try writeOut(Array(text.utf8))
        } catch {
            exit(afterFailing: error)
        }
    }

    /// Standard output for results that stream: throws so that the caller can stop producing.
    static func writeOut(_ bytes: [UInt8]) throws(OutputFile.Failure) {
        try OutputFile.writeAll(bytes, to: STDOUT_FILENO, reportedAs: "standard output")
    }

    static func error(_ text: String) {
        // Nowhere left to report a failure to write a report of failure.
        try? OutputFile.writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO, reportedAs: "standard error")
    }

    /// Ends the process with status 2 after a write error on standard output.
    static func exit(afterFailing failure: OutputFile.Failure) -> Never {
        report(failure)
        Foundation.exit(ExitStatus.unreadableInput.rawValue)
    }

    /// One line for a write error, none for a closed pipe.
    static func report(_ failure: OutputFile.Failure) {
        if !failure.isClosedPipe { error(failure.description) }
    }
}
