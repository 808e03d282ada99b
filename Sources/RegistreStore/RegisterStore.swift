public import Foundation
import GRDB
public import RegistreCore

/// The register of record: an embedded SQLite database that holds the current register and the journal
/// of every change made to it.
///
/// Each operation is one transaction. Writes take the database lock at once (`BEGIN IMMEDIATE`), and a
/// busy timeout makes two commands run at the same moment wait for each other instead of failing.
public final class RegisterStore: Sendable {
    public let path: String
    private let database: DatabaseQueue

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

    public init(path: String, mode: OpenMode) throws(StoreError) {
        self.path = path
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
    private static func createPrivateFile(at path: String, allowExisting: Bool = false) throws(StoreError) -> Bool {
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

    // MARK: Changing the register

    /// What an import did.
    public struct ImportOutcome: Sendable {
        /// The journal entries the import appended, one per entry of the register that changed (kept only
        /// when asked for: a large import reports its count).
        public var entries: [JournalEntry]
        public var count: Int
        public var firstSequence: Int64?
        public var lastSequence: Int64?
        public var isUnchanged: Bool { count == 0 }
    }

    /// Makes the stored register `register`, recording exactly the differences in the journal, all in one
    /// transaction. When nothing differs, nothing is written.
    ///
    /// `moment` dates the journal entries; nil reads the clock once the database is held, so that two
    /// commands that waited for each other still journal in the order they wrote. The journal only moves
    /// forward: an explicit moment before its last entry is refused.
    public func replace(with register: Register, actor: String, at moment: Date?) throws -> ImportOutcome {
        try replace(actor: actor, at: moment, keepingEntries: true) { emit in
            for entry in register.entries { try emit(entry) }
        }
    }

    /// The same, for a register streamed one entry at a time by `produce` (in the order of the format), in
    /// memory that does not grow with the register. If `produce` throws, nothing is written.
    public func replace(
        actor: String, at moment: Date?, keepingEntries: Bool = false,
        entries produce: (_ emit: (RegisterEntry) throws -> Void) throws -> Void
    ) throws -> ImportOutcome {
        try database.writeWithoutTransaction { db in
            var outcome = ImportOutcome(entries: [], count: 0)
            try db.inTransaction(.immediate) {
                let last = try StoreTables.lastEntry(db)
                let lastDate = last.flatMap { Timestamp.parse($0.recordedAt) }
                let now: Date
                if let explicit = moment {
                    if let lastDate, explicit < lastDate {
                        throw StoreError.timeGoesBackwards(now: Timestamp.format(explicit), lastEntry: last!.recordedAt)
                    }
                    now = explicit
                } else {
                    // A clock that steps back (a correction, another machine) must not reorder the journal.
                    now = max(Date(), lastDate ?? .distantPast)
                }
                let stamp = Timestamp.format(now)
                var sequence = last?.sequence ?? 0
                var previousHash = last?.hash ?? JournalEntry.genesis
                func record(_ change: EntityChange) throws {
                    sequence += 1
                    let json = JournalEntry.json(of: change.fields)
                    let entry = JournalEntry(
                        sequence: sequence, recordedAt: now, actor: actor, entity: change.entity,
                        change: JournalEntry.Change(rawValue: change.kind.rawValue)!, fields: change.fields,
                        previousHash: previousHash, fieldsJSON: json, recordedAtText: stamp)
                    try StoreTables.apply(change, db)
                    try StoreTables.append(entry, fieldsJSON: json, recordedAtText: stamp, db)
                    previousHash = entry.hash
                    outcome.count += 1
                    outcome.firstSequence = outcome.firstSequence ?? sequence
                    outcome.lastSequence = sequence
                    if keepingEntries { outcome.entries.append(entry) }
                }

                // Which entries the new register holds, to delete the others at the end. A first import into
                // an empty database has nothing to compare with and nothing to delete.
                let initiallyEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM entity LIMIT 1)") == 0
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS seen (kind TEXT, id TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM seen")
                var positions: [EntityKind: Int] = [:]
                func take(_ entry: RegisterEntry) throws {
                    let (key, fields) = try RegisterSnapshot.keyAndFields(of: entry)
                    let position = positions[key.kind, default: 0]
                    positions[key.kind] = position + 1
                    let target = EntityState(position: position, fields: fields)
                    let current = initiallyEmpty ? nil : try StoreTables.state(of: key, db)
                    if let change = EntityChange.between(current, target, key) { try record(change) }
                    if !initiallyEmpty {
                        try db.cachedStatement(sql: "INSERT INTO seen (kind, id) VALUES (?, ?)").execute(arguments: [key.kind.rawValue, key.id])
                    }
                }
                var sawHeader = false
                try produce { entry in
                    if case .title = entry { sawHeader = true } else if !sawHeader { try take(.title(nil)); sawHeader = true }
                    try take(entry)
                }
                if !sawHeader { try take(.title(nil)) }

                let gone = initiallyEmpty ? [] : try Row.fetchAll(db, sql: """
                    SELECT kind, id FROM entity WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.kind = entity.kind AND seen.id = entity.id)
                    """).map { row -> EntityKey in
                    guard let kind = EntityKind(rawValue: row["kind"]) else { throw StoreError.corrupt("unknown kind of entry") }
                    return EntityKey(kind, row["id"])
                }.sorted()
                for key in gone {
                    if let change = EntityChange.between(try StoreTables.state(of: key, db), nil, key) { try record(change) }
                }
                try db.execute(sql: "DELETE FROM seen")
                return .commit
            }
            return outcome
        }
    }

    // MARK: Reading the register

    /// The register as it stands.
    public func register() throws -> Register {
        var register = Register()
        try stream { register.append($0) }
        return register
    }

    /// The register as it stands, one entry at a time, in the order of the format.
    public func stream(_ consume: (RegisterEntry) throws -> Void) throws {
        try database.read { db in
            try StoreTables.forEachEntity(db) { key, state in
                try consume(try RegisterSnapshot.entry(key, fields: state.fields))
            }
        }
    }

    /// The register as it stood at `date`, rebuilt from the journal alone.
    public func register(asOf date: Date) throws -> Register {
        try database.read { db in
            var snapshot = RegisterSnapshot()
            for stored in try StoreTables.journal(db) {
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                guard entry.recordedAt <= date else { break }
                if let problem = snapshot.apply(entry) { throw StoreError.corrupt(problem.en) }
            }
            return try snapshot.register()
        }
    }

    /// The journal, or the entries about one entry of the register.
    public func journal(entity id: String? = nil) throws -> [JournalEntry] {
        try database.read { db in
            try StoreTables.journal(db, entityID: id).map { stored in
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                return entry
            }
        }
    }

    // MARK: Keeping it honest

    /// Recomputes the hash chain and replays the journal against the tables.
    public func verify() throws -> JournalVerification {
        try database.read { db in
            JournalVerification.run(journal: try StoreTables.journal(db), tables: try StoreTables.snapshot(db))
        }
    }

    /// Copies the database with SQLite's online backup API, safe while another command writes, into a
    /// new file readable by its owner only. The copy appears at `destination` whole or not at all.
    public func backup(to destination: String) throws {
        let temporary = destination + ".part-\(UUID().uuidString)"
        try Self.createPrivateFile(at: temporary)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.close()
            guard rename(temporary, destination) == 0 else {
                throw StoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
