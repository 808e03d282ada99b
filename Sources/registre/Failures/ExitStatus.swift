import ArgumentParser

/// Every status registre ends with, one per class of outcome, so that a scheduled job can tell a register
/// with gaps (1) from a file that could not be read at all (2), a change the register refuses (3) or a
/// database another command holds (75, try again later). `registre --help` and the README list them from
/// ``meaning``; 64 and 75 are the `sysexits.h` numbers for a wrong command line and a temporary failure.
enum ExitStatus: Int32, CaseIterable, Error {
    /// Done, and nothing serious found.
    case success = 0
    /// The register has at least one error, or its own terms refuse the request.
    case findingsWithErrors = 1
    /// An input, a value or the database cannot be read or is not valid; an entry asked for does not
    /// exist; a result cannot be written.
    case unreadableInput = 2
    /// The change contradicts the register as it stands: an id already used, an entry still named by
    /// another, a closed campaign, a member that already follows the model.
    case refusedChange = 3
    /// The command line itself is wrong (ArgumentParser's usage error).
    case usage = 64
    /// Another command held the database for longer than `--busy-timeout`: nothing was done, try again.
    case busy = 75

    /// What the status means, for `registre --help` and the README's table.
    var meaning: String {
        switch self {
        case .success: "nothing serious was found"
        case .findingsWithErrors:
            "the register has at least one error (check, verify finding the database altered), or its own terms refuse the request (an audit starting before the agreement's notice has run)"
        case .unreadableInput:
            "an input, a value or the database cannot be read or is not valid, an entry asked for does not exist, or a result cannot be written"
        case .refusedChange:
            "the change contradicts the register as it stands (an id already used, an entry still named by another, a closed campaign, a breach already opened for a controller)"
        case .usage: "the command line is wrong (unknown option, missing argument, a date, duration or day that does not parse)"
        case .busy: "another command held the database for longer than --busy-timeout; nothing was done, try again"
        }
    }

    /// The statuses as `registre --help` lists them, one a line.
    static var helpText: String {
        "Exit status, for every command:\n" + allCases.map { "\($0.rawValue) when \($0.meaning)." }.joined(separator: "\n")
    }
}
