import ArgumentParser

/// The exit statuses every command shares, so that a scheduled job can tell a register with gaps (1)
/// from a file that could not be read at all (2).
enum ExitStatus {
    static let findingsWithErrors = ExitCode(1)
    static let unreadableInput = ExitCode(2)
}
