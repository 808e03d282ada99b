import Foundation

/// A scratch folder with a register database in it, and the `registre` binary run there: what the
/// end-to-end tests of the store, the contracts and the breaches share.
public struct CommandSession {
    public let scratch: ScratchDirectory
    public let db: String

    public init() throws {
        scratch = try ScratchDirectory()
        db = scratch.path("registre.sqlite")
    }

    /// Runs `registre` with these arguments in the scratch folder.
    @discardableResult
    public func registre(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.registre, arguments, currentDirectory: scratch.url.path())
    }

    /// Runs `registre` with the journal's clock showing `journalTime` (an ISO 8601 instant): the debug
    /// build's `REGISTRE_TEST_JOURNAL_CLOCK`, for tests that ask what the register was at a past moment.
    @discardableResult
    public func registre(_ arguments: [String], journalTime: String) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRE_TEST_JOURNAL_CLOCK"] = journalTime
        return try CommandRunner.run(CommandRunner.registre, arguments, currentDirectory: scratch.url.path(), environment: environment)
    }
}
