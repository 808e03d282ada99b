public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    /// What an import did, or would do on a dry run.
    public struct ImportOutcome: Sendable {
        /// The journal entries the import appended, one per entry of the register that changed (kept only
        /// when asked for: a large import reports its counts).
        public var entries: [JournalEntry]
        /// How many entries the import created.
        public var created = 0
        /// How many entries the import changed.
        public var updated = 0
        /// How many entries the import deleted.
        public var deleted = 0
        /// The sequence number of the first journal entry appended; nil when none was.
        public var firstSequence: Int64?
        /// The sequence number of the last journal entry appended; nil when none was.
        public var lastSequence: Int64?
        /// Entries the database holds and the file does not, left in place because the import was not
        /// asked to prune (the first ones, in the order of the format; ``keptCount`` counts them all).
        public var kept: [EntityKey] = []
        /// How many entries were kept, all of them (``kept`` lists the first ones).
        public var keptCount = 0
        /// Whether this was a dry run: nothing was written.
        public var isDryRun = false

        /// How many entries the import created, changed or deleted.
        public var count: Int { created + updated + deleted }
        /// Whether the import changed nothing.
        public var isUnchanged: Bool { count == 0 }

        /// How many kept entries are listed by name, at most.
        public static let keptListed = 50
    }

    /// What an import does with the entries the database holds and the file does not.
    public enum Pruning: Sendable {
        /// Keep them: breaches and audits recorded with registre since the file was exported stay.
        case keep
        /// Delete them: the database becomes exactly the file's register.
        case prune
    }

    /// Makes the stored register `register`, recording exactly the differences in the journal, all in one
    /// transaction. When nothing differs, nothing is journaled (an entry kept without its XML of the
    /// current version gets it, which is not a change of the register).
    /// - Throws: a ``StoreError`` (``StoreError/missingReference(from:to:)``,
    ///   ``StoreError/timeGoesBackwards(now:lastEntry:)``, ``StoreError/busy(path:seconds:)``…) or what the
    ///   store's ``EntryValidator`` throws for an entry, or ``RegisterMoved`` when `expectedRevision` is given
    ///   and the journal has moved past it; nothing is written then.
    public func replace(with register: Register, actor: String, effective: Date? = nil, pruning: Pruning = .prune,
                        dryRun: Bool = false, expectedRevision: Int? = nil) throws -> ImportOutcome {
        try replace(
            actor: actor, effective: effective, pruning: pruning, dryRun: dryRun, keepingEntries: true, expectedRevision: expectedRevision
        ) { emit in
            for entry in register.entries { try emit(entry) }
        }
    }

    /// The same, for a register streamed one entry at a time by `produce` (in the order of the format), in
    /// memory that does not grow with the register. If `produce` throws, nothing is written.
    ///
    /// - Parameters:
    ///   - actor: who imports, as the journal records it.
    ///   - effective: when the person says the import takes effect (`--now`), kept beside the journal's
    ///     own time.
    ///   - pruning: whether entries absent from the register given are deleted or kept.
    ///   - dryRun: compute everything, journal nothing: the comparison runs in a read transaction (no write
    ///     lock is taken, other saves go on), keeping the keys of the entries seen in memory.
    ///   - keepingEntries: whether the outcome keeps the journal entries written (memory that grows
    ///     with the changes) or only their count.
    ///   - expectedRevision: the register's revision (its journal's last sequence) the caller decided on,
    ///     as a preview showed it: compared inside the write transaction, so that no change committed
    ///     since is imported over.
    ///   - produce: hands each entry, in the order of the format, to the function it is given.
    /// - Throws: what `produce` throws, a ``StoreError``, what the store's ``EntryValidator`` throws for an
    ///   entry, or ``RegisterMoved``; nothing is written then.
    public func replace(
        actor: String, effective: Date? = nil, pruning: Pruning = .prune, dryRun: Bool = false, keepingEntries: Bool = false,
        expectedRevision: Int? = nil, entries produce: (_ emit: (RegisterEntry) throws -> Void) throws -> Void
    ) throws -> ImportOutcome {
        // One pass, the same for both: compared, counted and numbered alike.
        func pass(_ db: Database) throws -> ImportOutcome {
            if let expectedRevision {
                let revision = try Int.fetchOne(db, sql: "SELECT max(sequence) FROM journal") ?? 0
                guard revision == expectedRevision else { throw RegisterMoved(expected: expectedRevision, now: revision) }
            }
            var pass = try ImportPass(
                db, journal: JournalAppender(
                    db, clock: clock, actor: actor, systemUser: systemUser, effectiveAt: effective, keepingEntries: keepingEntries,
                    applying: !dryRun),
                fragments: fragments, outcome: ImportOutcome(entries: [], isDryRun: dryRun), dryRun: dryRun)
            var sawHeader = false
            try produce { entry in
                if case .title = entry { sawHeader = true } else if !sawHeader { try pass.take(.title(nil)); sawHeader = true }
                try pass.take(entry)
            }
            if !sawHeader { try pass.take(.title(nil)) }
            try pass.settleAbsentEntries(pruning)
            try pass.journal.settleFindings()
            return try pass.finish()
        }
        // A dry run writes nothing, so it holds no write lock: a deferred read transaction on a read
        // connection of the pool, in a snapshot of the register, while saves go on beside it (a preview of
        // a large upload once blocked every save for seconds, in a write transaction rolled back).
        if dryRun { return try reading(pass) }
        return try writing { db in
            var outcome = ImportOutcome(entries: [], isDryRun: false)
            try db.inTransaction(.immediate) {
                outcome = try pass(db)
                return .commit
            }
            return outcome
        }
    }
}

/// One import inside its write transaction: each entry given is compared with the stored one and the
/// difference journaled; the entries the register no longer holds are found at the end, in the temporary
/// table `seen` of the entries it holds. A dry run does the same in a read transaction, where no table is
/// written, not even a temporary one: it keeps the keys seen in memory and journals nothing.
private struct ImportPass {
    let db: Database
    var journal: JournalAppender
    let fragments: EntryFragmentRendering?
    var outcome: RegisterStore.ImportOutcome
    let dryRun: Bool
    /// The entries seen, on a dry run.
    var seenKeys: Set<EntityKey> = []
    /// A first import into an empty database has nothing to compare with and nothing to delete.
    let initiallyEmpty: Bool
    /// The next position of each kind, in the order of the format.
    var positions: [EntityKind: Int] = [:]
    /// The organisations' names an activity's printed sections give its parties.
    let names: OrganisationNames

    init(_ db: Database, journal: JournalAppender, fragments: EntryFragmentRendering?, outcome: RegisterStore.ImportOutcome,
         dryRun: Bool) throws {
        self.db = db
        self.journal = journal
        self.fragments = fragments
        self.outcome = outcome
        self.dryRun = dryRun
        names = OrganisationNames(db)
        initiallyEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM entity LIMIT 1)") == 0
        guard !dryRun else { return }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS seen (kind TEXT, id TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID")
        try db.execute(sql: "DELETE FROM seen")
    }

    mutating func record(_ change: EntityChange, fragment: KeptFragment?, entry: RegisterEntry?) throws {
        try journal.record(change, fragment: fragment, entry: entry)
        switch change.kind {
        case .created: outcome.created += 1
        case .updated: outcome.updated += 1
        case .deleted: outcome.deleted += 1
        }
    }

    /// An entry of the register given: journaled when it differs from the stored one, and marked seen.
    mutating func take(_ entry: RegisterEntry) throws {
        let (key, fields) = try RegisterSnapshot.keyAndFields(of: entry)
        let position = positions[key.kind, default: 0]
        positions[key.kind] = position + 1
        let target = EntityState(position: position, fields: fields)
        let current = initiallyEmpty ? nil : try StoreTables.state(of: key, db)
        if key.kind == .organisation { names.forget(key.id) }
        if let change = EntityChange.between(current, target, key) {
            try record(change, fragment: dryRun ? nil : try KeptFragment(of: entry, by: fragments, names: names), entry: entry)
        } else if !dryRun, let fragments, current != nil, try keepsOutdated(key, fragments),
                  let fragment = try KeptFragment(of: entry, by: fragments, names: names) {
            // An entry written before its XML (or an activity before its printed sections) was kept (a
            // database brought up to date), or under another version, gets it now: derived data, so
            // nothing is journaled.
            try StoreTables.keep(fragment, for: key, db)
        }
        if dryRun {
            seenKeys.insert(key)
        } else if !initiallyEmpty {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO seen (kind, id) VALUES (?, ?)").execute(arguments: [key.kind.rawValue, key.id])
        }
    }

    /// Whether what is kept beside an unchanged entry was made under another version than `fragments`
    /// makes, or not at all.
    private func keepsOutdated(_ key: EntityKey, _ fragments: EntryFragmentRendering) throws -> Bool {
        if try StoreTables.fragmentVersion(of: key, db) != fragments.version { return true }
        guard key.kind == .activity, let printing = fragments.printing else { return false }
        return try !StoreTables.keepsPrinted(key.id, version: printing.version, db)
    }

    /// The stored entries the register given does not hold: deleted, or kept and counted.
    mutating func settleAbsentEntries(_ pruning: RegisterStore.Pruning) throws {
        guard !initiallyEmpty else { return }
        let gone = try absentEntries()
        switch pruning {
        case .prune:
            for key in gone {
                if let change = EntityChange.between(try StoreTables.state(of: key, db), nil, key) {
                    try record(change, fragment: nil, entry: nil)
                }
            }
        case .keep:
            // A kept entry whose id the file now gives to an entry of another kind would make
            // the register unreadable: refuse rather than keep both.
            for key in gone {
                if try sawOtherKind(of: key) {
                    throw StoreError.idInUse(key.id)
                }
            }
            outcome.keptCount = gone.count
            outcome.kept = Array(gone.prefix(RegisterStore.ImportOutcome.keptListed))
        }
    }

    /// Whether the register given holds an entry of another kind under the id of `key`.
    private func sawOtherKind(of key: EntityKey) throws -> Bool {
        if dryRun { return EntityKind.allCases.contains { $0 != key.kind && seenKeys.contains(EntityKey($0, key.id)) } }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM seen WHERE id = ? AND kind != ?"),
                                 arguments: [key.id, key.kind.rawValue]) ?? false
    }

    /// The stored entries not seen, in the register's order.
    private func absentEntries() throws -> [EntityKey] {
        let absent = try Row.fetchCursor(db, sql: dryRun
            ? "SELECT kind, id FROM entity ORDER BY \(StoreTables.kindOrder), position, id"
            : """
            SELECT kind, id FROM entity WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.kind = entity.kind AND seen.id = entity.id)
            ORDER BY \(StoreTables.kindOrder), position, id
            """)
        var gone: [EntityKey] = []
        while let row = try absent.next() {
            guard let kind = EntityKind(rawValue: row["kind"]) else { throw StoreError.corrupt("unknown kind of entry") }
            let key = EntityKey(kind, row["id"])
            if dryRun && seenKeys.contains(key) { continue }
            gone.append(key)
        }
        return gone
    }

    /// The outcome, once the temporary table is emptied.
    mutating func finish() throws -> RegisterStore.ImportOutcome {
        if !dryRun { try db.execute(sql: "DELETE FROM seen") }
        outcome.entries = journal.entries
        outcome.firstSequence = journal.firstSequence
        outcome.lastSequence = journal.lastSequence
        return outcome
    }
}
