import Foundation
import GRDB
import RegistreCore

/// Appends the entries of one write transaction to the journal: each change applied to the tables and
/// chained to the entry before it, all dated with one time read once the database is held, so that two
/// commands that waited for each other journal in the order they wrote.
struct JournalAppender {
    let db: Database
    let actor: String
    let systemUser: String?
    let effectiveAt: Date?
    let recordedAt: Date
    private let stamp: String
    private var sequence: Int64
    private var previousHash: String
    private let keepingEntries: Bool
    /// Whether each change is applied to the tables and journaled; false for a dry run, which reads the
    /// database in a read transaction and only numbers and dates the entries it would append.
    private let applying: Bool
    private(set) var entries: [JournalEntry] = []
    private(set) var count = 0
    private(set) var firstSequence: Int64?
    private(set) var lastSequence: Int64?
    /// What the changes move in the kept findings, settled before the transaction commits.
    private var findings = FindingKeeper()

    /// Reads the head of the journal. The time of writing never goes back: a clock that steps back (a
    /// correction, another machine writing the same file) dates the entry at the head's time.
    init(_ db: Database, clock: JournalClock, actor: String, systemUser: String?, effectiveAt: Date?,
         keepingEntries: Bool, applying: Bool = true) throws {
        self.db = db
        self.applying = applying
        self.actor = actor
        self.systemUser = systemUser
        self.keepingEntries = keepingEntries
        let last = try StoreTables.lastEntry(db)
        let lastDate = last.flatMap { Timestamp.parse($0.recordedAt) }
        let now = max(clock.now(), lastDate ?? .distantPast)
        recordedAt = now
        // An effective time equal to the time of writing says nothing more.
        self.effectiveAt = effectiveAt.flatMap { abs($0.timeIntervalSince(now)) < 0.001 ? nil : $0 }
        stamp = Timestamp.format(now)
        sequence = last?.sequence ?? 0
        previousHash = last?.hash ?? JournalEntry.genesis
    }

    /// Applies `change` to the tables and journals it; `fragment` is the entry's XML after the change
    /// (kept beside its fields, not journaled: it is derived from them), `entry` the entry after it (nil
    /// for a deletion), whose deadlines the store keeps track of (``DeadlineSources``).
    mutating func record(_ change: EntityChange, fragment: KeptFragment?, entry written: RegisterEntry?) throws {
        sequence += 1
        let json = JournalEntry.json(of: change.fields)
        guard let kind = JournalEntry.Change(rawValue: change.kind.rawValue) else { throw StoreError.corrupt("unknown change") }
        let entry = JournalEntry(
            sequence: sequence, recordedAt: recordedAt, effectiveAt: effectiveAt, actor: actor, systemUser: systemUser,
            entity: change.entity, change: kind, fields: change.fields, previousHash: previousHash, fieldsJSON: json,
            recordedAtText: stamp)
        if applying {
            let before = FindingKeeper.needsBefore(change.entity.kind) && change.kind != .created ? try EntryLookup(db: db).entry(change.entity) : nil
            findings.note(change.entity, before: before)
            try StoreTables.apply(change, fragment: fragment, db)
            if change.kind != .deleted { try DeadlineSources.keep(change.entity, entry: written, db) }
            try StoreTables.append(entry, fieldsJSON: json, recordedAtText: stamp, db)
        }
        previousHash = entry.hash
        count += 1
        firstSequence = firstSequence ?? sequence
        lastSequence = sequence
        if keepingEntries { entries.append(entry) }
    }

    /// Brings the kept findings up to date with every change recorded: called once, before the
    /// transaction commits.
    func settleFindings() throws {
        guard applying else { return }
        try findings.settle(db)
    }
}
