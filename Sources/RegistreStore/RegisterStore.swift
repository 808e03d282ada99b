public import Foundation
import GRDB
import RegistreCore
import Synchronization

/// The register of record: an embedded SQLite database that holds the current register and the journal
/// of every change made to it.
///
/// Each operation is one transaction. Writes take the database lock at once (`BEGIN IMMEDIATE`), and a
/// busy timeout makes two commands run at the same moment wait for each other instead of failing; when
/// the timeout expires, the command fails with `StoreError.busy`.
///
/// Whatever the mode, a file that is not a registre database (another application's SQLite file, a text
/// file) or whose schema comes from a newer registre is refused before anything is written into it.
public final class RegisterStore: Sendable {
    /// The path of the database file.
    public let path: String
    /// A pool of read connections beside one writer (WAL) for a store that writes, so that reads run side by
    /// side, each in a snapshot of its own (the desk's requests); one connection for a store opened read-only.
    let database: any DatabaseWriter

    /// How a database is opened: created when missing, or required to exist, read-write or read-only.
    public enum OpenMode: Sendable {
        /// Create the database when there is none (for commands that write).
        case createIfNeeded
        /// Fail when there is none; bring its schema up to date (for commands that write).
        case existing
        /// For commands that only read: fail when there is none, and open it read-only. Nothing is ever
        /// written: no table created, no migration, no switch to WAL, so that it works on read-only media,
        /// in a read-only directory or on a read-only file.
        case readOnly
    }

    /// How long a command waits by default for another one that holds the database.
    public static let busyTimeout: TimeInterval = 60

    /// How long this store waits for another command that holds the database.
    public let busyTimeout: TimeInterval

    /// Whether this store created its database file (and so may remove it if the command fails).
    public let createdFile: Bool

    /// Where the journal reads the time a change is written.
    public let clock: JournalClock
    /// The operating-system account running this program, recorded with each change.
    public let systemUser: String?
    /// What every entry written one at a time must pass before it is saved: the checks of the XML
    /// reader, so that what the store holds always exports to a file registre reads back.
    public let validator: EntryValidator?
    /// How each entry's XML is made, to keep it beside the entry's fields and check it in `verify`; nil:
    /// none is kept, and export renders every entry from its fields.
    public let fragments: EntryFragmentRendering?
    /// How many read transactions this store has begun: each takes a connection of the pool and sees its
    /// own moment, so the desk's tests hold a page to the reads it needs (one for the dashboard).
    let readTransactions = Atomic<Int>(0)
    /// How many write transactions this store has begun (``writeCount``, for the desk's metrics).
    let writeTransactions = Atomic<Int>(0)

    /// Opens (or creates) the register of record at `path`.
    ///
    /// - Parameters:
    ///   - path: the database file.
    ///   - mode: whether the database may be created, must exist, or is only read.
    ///   - busyTimeout: how long to wait for another command holding the database.
    ///   - clock: the journal's clock (the system's unless a program or a test needs a fixed one).
    ///   - validator: run on every entry saved one at a time (``RegisterEdit/save(_:)``).
    ///   - fragments: makes the XML kept beside each entry written (import, point writes), which export
    ///     copies and `verify` checks.
    /// - Throws: ``StoreError`` when there is no database for a command that reads, or it cannot be opened.
    public init(path: String, mode: OpenMode, busyTimeout: TimeInterval = RegisterStore.busyTimeout,
                clock: JournalClock = .system, validator: EntryValidator? = nil,
                fragments: EntryFragmentRendering? = nil) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        self.clock = clock
        self.validator = validator
        self.fragments = fragments
        self.systemUser = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        // One deadline for the whole opening (look, switch to WAL, migrate): each step waits only what is
        // left of the timeout, and each try of a step too.
        let deadline = ContinuousClock.now + .milliseconds(Int64(busyTimeout * 1000))
        var created = false
        if !FileManager.default.fileExists(atPath: path) {
            guard mode == .createIfNeeded else { throw .noDatabase(path: path) }
            // Another command may create it at the same moment: whoever loses the race uses it.
            created = try Self.createPrivateFile(at: path, allowExisting: true)
        }
        createdFile = created
        if mode == .readOnly {
            database = try Self.openForReading(path: path, busyTimeout: busyTimeout, deadline: deadline)
            return
        }
        if !created {
            // Look before writing: a file that is not ours must not get four tables and a WAL switch.
            let probe = try Self.openReadOnly(path: path, busyTimeout: busyTimeout, wait: Self.seconds(deadline - .now))
            _ = try Self.lineage(of: probe, path: path, busyTimeout: busyTimeout)
            try? probe.close()
        }
        database = try Self.openForWriting(path: path, busyTimeout: busyTimeout, deadline: deadline)
    }

    /// A database opened for a command that only reads, waiting at most until `deadline` to open it.
    private static func openForReading(
        path: String, busyTimeout: TimeInterval, deadline: ContinuousClock.Instant
    ) throws(StoreError) -> DatabaseQueue {
        let queue = try openReadOnly(path: path, busyTimeout: busyTimeout, wait: seconds(deadline - .now))
        switch try lineage(of: queue, path: path, busyTimeout: busyTimeout) {
        // A database made by an earlier registre is read as it is, never brought up to date by a
        // command that only reads: migrations only add (columns the journal reads as absent, indexes
        // that only make it faster), so an upgrade never stops a DPO from reading or verifying.
        case .current, .older:
            // Each transaction from now on waits the whole timeout, as one wait of its own.
            try waitWholeTimeout(queue, busyTimeout: busyTimeout, path: path)
            return queue
        case .empty: throw .notARegister(path: path, reason: .empty)
        }
    }

    /// A database opened for writing, in WAL mode, brought up to date, waiting at most until `deadline`; then
    /// opened again as a pool of readers beside the writer (``openPool(path:busyTimeout:)``).
    private static func openForWriting(
        path: String, busyTimeout: TimeInterval, deadline: ContinuousClock.Instant
    ) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        // Setting WAL on a new file, or migrating it, while another command does the same answers
        // SQLITE_BUSY at once, without the busy timeout; a migration waits the busy timeout for a writer.
        // Try again until one deadline, each try waiting only what is left of it: the timeout bounds the
        // whole wait, not each try (with a writer holding the database 45 s, --busy-timeout 5 gives up
        // after 5 s, where each try once waited 5 s again).
        while true {
            configuration.busyMode = .timeout(seconds(deadline - .now))
            do {
                let queue = try DatabaseQueue(path: literal(path), configuration: configuration)
                do {
                    try StoreSchema.migrator.migrate(queue)
                } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
                    // GRDB reads which migrations are applied before it takes the lock: two commands
                    // opening a new or older database at once may both run a migration, and the second
                    // fails (its transaction rolled back) once the first has run it. What counts is that
                    // the schema is complete now.
                    guard try queue.read({ try StoreSchema.migrator.hasCompletedMigrations($0) }) else { throw error }
                }
                try KeptFindingRules.bringUpToDate(queue)
                try queue.close()
                return try openPool(path: path, busyTimeout: busyTimeout)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard ContinuousClock.now < deadline else { throw .busy(path: path, seconds: busyTimeout) }
                Thread.sleep(forTimeInterval: min(0.05, seconds(deadline - .now)))
            } catch {
                throw .cannotOpen(path: path, reason: "\(error)")
            }
        }
    }

    /// Gives `queue`, opened to wait what was left of the opening's deadline, the whole busy timeout again
    /// for every transaction from now on: each is one wait of its own.
    private static func waitWholeTimeout(_ queue: DatabaseQueue, busyTimeout: TimeInterval, path: String) throws(StoreError) {
        do {
            try queue.inDatabase { db in try db.execute(sql: "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))") }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The database, migrated and in WAL, opened again as a pool: readers never wait for the writer nor for
    /// each other, and every connection waits the whole busy timeout for a lock held by another command.
    private static func openPool(path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.maximumReaderCount = 8
        return try DatabasePool(path: literal(path), configuration: configuration)
    }

    /// A duration in seconds, never negative.
    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return max(0, Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// The name SQLite is given for the database at `path`: always the file at that path. SQLite reads a
    /// name starting with `file:` as a URI (`--db file:uri.sqlite` wrote into `uri.sqlite`, with the
    /// umask's mode) and `:memory:` as a database in memory, lost at exit; an absolute path is neither,
    /// so every `--db` is a path, created readable by its owner only (see ``createPrivateFile(at:allowExisting:)``).
    static func literal(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// What an error met while using the database means for the person who ran the command, in one line
    /// that starts with the path (English).
    public func describe(_ error: any Error) -> String {
        if let error = explained(error, writing: false) as? StoreError { return error.description }
        return "\(path): \(error)"
    }

    /// Runs `body` in a read transaction. What the database answers is a ``StoreError``; what `body`
    /// throws of its own (a caller's consumer) passes as it is.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        readTransactions.add(1, ordering: .relaxed)
        do {
            return try database.read(body)
        } catch {
            throw explained(error, writing: false)
        }
    }

    /// Runs `body` in a write transaction, as ``reading(_:)`` does.
    func updating<T>(_ body: (Database) throws -> T) throws -> T {
        writeTransactions.add(1, ordering: .relaxed)
        do {
            return try database.write(body)
        } catch {
            throw explained(error, writing: true)
        }
    }

    /// Runs `body` on the database outside any transaction (it opens its own), as ``reading(_:)`` does.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        writeTransactions.add(1, ordering: .relaxed)
        do {
            return try database.writeWithoutTransaction(body)
        } catch {
            throw explained(error, writing: true)
        }
    }

    /// An error met while using the database, as a ``StoreError`` with the path: a lock held past the
    /// timeout is ``StoreError/busy(path:seconds:)``; any other error of SQLite or GRDB says what failed.
    /// Errors that are not the database's (a validator's refusal, a caller's own) are returned as they are.
    func explained(_ error: any Error, writing: Bool) -> any Error {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError.busy(path: path, seconds: busyTimeout)
            case .SQLITE_NOTADB:
                return StoreError.notARegister(path: path, reason: .notSQLite)
            default:
                // SQLite's own words ("database or disk is full"), not the statement, which may hold
                // personal data.
                let reason = error.message ?? "\(error.resultCode)"
                return writing ? StoreError.cannotWrite(path: path, reason: reason) : StoreError.cannotRead(path: path, reason: reason)
            }
        }
        // GRDB's other errors (a row it cannot decode…) have no public type to match: their module says
        // whose they are.
        if String(reflecting: type(of: error)).hasPrefix("GRDB.") {
            return StoreError.cannotRead(path: path, reason: "\(error)")
        }
        return error
    }

    /// Opens the file read-only. In a read-only directory, a WAL database whose -shm file is gone cannot
    /// be opened that way (SQLITE_READONLY or SQLITE_CANTOPEN); when it has no pending -wal either, everything is in the main file, which is
    /// then opened as immutable (nobody can write there anyway).
    /// It waits `wait` for a command holding the database (what is left of the opening's deadline); a
    /// refusal names `busyTimeout`.
    private static func openReadOnly(path: String, busyTimeout: TimeInterval, wait: TimeInterval) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(wait)
        do {
            let queue = try DatabaseQueue(path: literal(path), configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError
                    where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && Self.hasNoPendingWAL(path) {
            do {
                var components = URLComponents()
                components.scheme = "file"
                components.path = literal(path)
                components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
                let queue = try DatabaseQueue(path: components.string ?? path, configuration: configuration)
                try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch {
                throw .cannotOpen(path: path, reason: "\(error)")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notARegister(path: path, reason: .notSQLite)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw .busy(path: path, seconds: busyTimeout)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    private static func hasNoPendingWAL(_ path: String) -> Bool {
        var status = stat()
        return stat(path + "-wal", &status) != 0 || status.st_size == 0
    }

    /// Where a database's schema stands against this registre's migrations.
    enum Lineage {
        /// No table at all: a new file, possibly being created by another command at this moment.
        case empty
        /// Made by this version of registre.
        case current
        /// Made by an earlier version: writing brings it up to date.
        case older
    }

    /// Tells a registre database from any other file; throws for one that is not a registre database or
    /// comes from a newer registre.
    private static func lineage(of queue: DatabaseQueue, path: String, busyTimeout: TimeInterval) throws(StoreError) -> Lineage {
        do {
            return try queue.read { db throws(StoreError) -> Lineage in
                do {
                    let objects = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                    if objects.isEmpty { return .empty }
                    let migrator = StoreSchema.migrator
                    // GRDB creates its table of migrations before, and outside, the first migration's
                    // transaction: another command creating the database may be just there.
                    if objects == ["grdb_migrations"], try migrator.appliedIdentifiers(db).isEmpty { return .empty }
                    guard try db.tableExists("grdb_migrations"),
                          let first = migrator.migrations.first,
                          try migrator.appliedIdentifiers(db).contains(first)
                    else { throw StoreError.notARegister(path: path, reason: .foreignSchema) }
                    if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                    return try migrator.hasCompletedMigrations(db) ? .current : .older
                } catch let error as StoreError {
                    throw error
                } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                    throw .notARegister(path: path, reason: .notSQLite)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                    throw .busy(path: path, seconds: busyTimeout)
                } catch {
                    throw .cannotOpen(path: path, reason: "\(error)")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
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
    package static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
