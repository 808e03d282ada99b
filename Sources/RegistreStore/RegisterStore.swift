public import Foundation
import GRDB
import RegistreCore

/// The register of record: an embedded SQLite database that holds the current register and the journal
/// of every change made to it.
///
/// Each operation is one transaction. Writes take the database lock at once (`BEGIN IMMEDIATE`), and a
/// busy timeout makes two commands run at the same moment wait for each other instead of failing.
public final class RegisterStore: Sendable {
    public let path: String
    let database: DatabaseQueue

    public enum OpenMode: Sendable {
        /// Create the database when there is none (for commands that write).
        case createIfNeeded
        /// Fail when there is none (for commands that only read).
        case existing
    }

    /// How long a command waits for another one that holds the database.
    public static let busyTimeout: TimeInterval = 60

    /// Whether this store created its database file (and so may remove it if the command fails).
    public let createdFile: Bool

    /// Where the journal reads the time a change is written.
    public let clock: JournalClock
    /// The operating-system account running this program, recorded with each change.
    public let systemUser: String?
    /// What every entry written one at a time must pass before it is saved: the checks of the XML
    /// reader, so that what the store holds always exports to a file registre reads back.
    public let validator: EntryValidator?

    /// Opens (or creates) the register of record at `path`.
    ///
    /// - Parameters:
    ///   - clock: the journal's clock (the system's unless a program or a test needs a fixed one).
    ///   - validator: run on every entry saved one at a time (``RegisterEdit/save(_:)``).
    /// - Throws: ``StoreError`` when there is no database for a command that reads, or it cannot be opened.
    public init(path: String, mode: OpenMode, clock: JournalClock = .system, validator: EntryValidator? = nil) throws(StoreError) {
        self.path = path
        self.clock = clock
        self.validator = validator
        self.systemUser = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        var created = false
        if !FileManager.default.fileExists(atPath: path) {
            guard mode == .createIfNeeded else { throw .noDatabase(path: path) }
            // Another command may create it at the same moment: whoever loses the race uses it.
            created = try Self.createPrivateFile(at: path, allowExisting: true)
        }
        createdFile = created
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        // Setting WAL on a new file, or migrating it, while another command does the same answers
        // SQLITE_BUSY at once, without the busy timeout: wait and try again, for as long as the timeout.
        var waited: TimeInterval = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try StoreSchema.migrator.migrate(queue)
                database = queue
                break
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && waited < Self.busyTimeout {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 0.05
            } catch {
                throw .cannotOpen(path: path, reason: "\(error)")
            }
        }
    }

    /// A new database file holds breach details one day: it is created readable by its owner only, and
    /// SQLite gives its -wal and -shm files the same mode.
    @discardableResult
    static func createPrivateFile(at path: String, allowExisting: Bool = false) throws(StoreError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if allowExisting && errno == EEXIST { return false }
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o600)  // whatever the umask
        close(descriptor)
        return true
    }

    /// Removes a database file and its -wal and -shm companions: for a command that created the database
    /// and then failed, so that it leaves nothing behind.
    public static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
