public import Foundation
import GRDB
public import RegistreCore

/// One write transaction on the register of record, as ``RegisterStore/change(actor:effective:_:)`` opens
/// it: what is read here is what the transaction sees, and what is saved is journaled entry by entry,
/// chained like an import's entries, and committed all together or not at all.
///
/// Every save is checked before it is written: the entry passes the store's ``EntryValidator`` (the XML
/// reader's checks), every entry it names exists, and the ids it declares are used nowhere else in the
/// register. A deletion is refused while another entry names the one deleted. So the register stays one
/// that exports to a file registre reads back.
///
/// An edit is valid only inside the closure it is given to.
public final class RegisterEdit {
    let lookup: EntryLookup
    private var appender: JournalAppender
    private let validator: EntryValidator?
    private let fragments: EntryFragmentRendering?
    /// The organisations' names an activity's printed sections give its parties.
    private let names: OrganisationNames

    init(_ db: Database, appender: JournalAppender, validator: EntryValidator?, fragments: EntryFragmentRendering?) {
        lookup = EntryLookup(db: db)
        names = OrganisationNames(db)
        self.appender = appender
        self.validator = validator
        self.fragments = fragments
    }

    /// The journal entries this edit has written so far.
    public var journalEntries: [JournalEntry] { appender.entries }

    /// When this transaction is written, by the journal's clock.
    public var recordedAt: Date { appender.recordedAt }

    // MARK: Reading

    /// One entry as it stands in this transaction, or nil.
    /// - Throws: ``StoreError/corrupt(_:)`` when the stored fields cannot be read back.
    public func entry(_ key: EntityKey) throws -> RegisterEntry? { try lookup.entry(key) }

    /// Whether an id is declared anywhere in the register, by any kind of entry or part of one.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func isUsed(_ id: EntityID) throws -> Bool { try lookup.isUsed(id) }

    /// The entries named by `keys`, with the entries they name and those these name in turn: enough for
    /// a rule or a report about them (a breach's controller and its time zone, an audit's agreement and
    /// its parties), read through the index whatever the size of the register.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func register(around keys: [EntityKey]) throws -> Register { try lookup.register(around: keys) }

    /// The audits under an agreement, in the register's order: what its audit frequency cap counts.
    /// - Throws: ``StoreError/corrupt(_:)`` when the stored fields cannot be read back.
    public func audits(under agreement: EntityID) throws -> [AuditRequest] { try lookup.audits(under: agreement) }

    /// The first organisation, in the register's order, that controls an activity, else the first
    /// organisation: whom an entry belongs to when nobody says (as `Register.controllers.first`).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func defaultController() throws -> EntityID? { try lookup.defaultController() }

    // MARK: Writing

    /// Brings what is derived from the changes (the kept findings) up to date, before the commit.
    func settle() throws {
        try appender.settleFindings()
    }

    /// Creates the entry, or updates the one with its kind and id, and journals the fields that change.
    /// A new entry comes after the others of its kind.
    /// - Throws: what the validator throws; ``StoreError/missingReference(from:to:)`` when it names an
    ///   entry the register does not hold; ``StoreError/idInUse(_:)`` when it declares an id already used.
    public func save(_ entry: RegisterEntry) throws {
        try validator?(entry)
        let key = entry.key
        for reference in entry.references where reference != key {
            guard try lookup.exists(reference) else { throw StoreError.missingReference(from: key, to: reference) }
        }
        let current = try StoreTables.state(of: key, lookup.db)
        let alreadyDeclared = try current.map { try RegisterSnapshot.entry(key, fields: $0.fields).declaredIDs } ?? []
        var declared: Set<EntityID> = []
        for id in entry.declaredIDs {
            guard declared.insert(id).inserted else { throw StoreError.idInUse(id) }
            if !alreadyDeclared.contains(id), try lookup.isUsed(id) { throw StoreError.idInUse(id) }
        }
        let (_, fields) = try RegisterSnapshot.keyAndFields(of: entry)
        let position = try current?.position ?? lookup.nextPosition(of: key.kind)
        if key.kind == .organisation { names.forget(key.id) }
        if let change = EntityChange.between(current, EntityState(position: position, fields: fields), key) {
            try appender.record(change, fragment: try KeptFragment(of: entry, by: fragments, names: names), entry: entry)
        }
    }

    /// Deletes an entry and journals every field it had.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when there is none; ``StoreError/stillReferenced(_:by:)``
    ///   while another entry names it.
    public func delete(_ key: EntityKey) throws {
        guard let current = try StoreTables.state(of: key, lookup.db) else { throw StoreError.unknownEntry(key) }
        if let referrer = try lookup.referrer(of: key) { throw StoreError.stillReferenced(key, by: referrer) }
        if key.kind == .organisation { names.forget(key.id) }
        if let change = EntityChange.between(current, nil, key) { try appender.record(change, fragment: nil, entry: nil) }
    }
}

/// Point reads on the tables, inside whatever transaction the caller holds.
struct EntryLookup {
    let db: Database

    func entry(_ key: EntityKey) throws -> RegisterEntry? {
        guard let state = try StoreTables.state(of: key, db) else { return nil }
        return try RegisterSnapshot.entry(key, fields: state.fields)
    }

    func exists(_ key: EntityKey) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM entity WHERE kind = ? AND id = ?"), arguments: [key.kind.rawValue, key.id]) ?? false
    }

    /// An id is an entry's (indexed) or a part of an agreement's (change notices and dated obligations,
    /// found by SQLite's JSON functions among the agreements only).
    func isUsed(_ id: EntityID) throws -> Bool {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM entity WHERE id = ? LIMIT 1"), arguments: [id]) ?? false {
            return true
        }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM field, json_each(field.value) AS part
            WHERE field.kind = 'agreement' AND field.name IN ('changeNotices', 'obligations')
              AND json_extract(part.value, '$.id') = ? LIMIT 1
            """), arguments: [id]) ?? false
    }

    func audits(under agreement: EntityID) throws -> [AuditRequest] {
        let ids = try String.fetchAll(db.cachedStatement(sql: """
            SELECT entity.id FROM entity JOIN field ON field.kind = entity.kind AND field.id = entity.id
            WHERE entity.kind = 'audit' AND field.name = 'agreement' AND field.value = json_quote(?)
            ORDER BY entity.position, entity.id
            """), arguments: [agreement])
        return try ids.compactMap { id in
            guard case .audit(let audit)? = try entry(EntityKey(.audit, id)) else { return nil }
            return audit
        }
    }

    func defaultController() throws -> EntityID? {
        let organisations = try String.fetchCursor(db, sql: "SELECT id FROM entity WHERE kind = 'organisation' ORDER BY position, id")
        var first: EntityID?
        while let id = try organisations.next() {
            first = first ?? id
            let controls = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM field WHERE kind = 'activity' AND name = 'controller' AND value = json_quote(?) LIMIT 1
                """), arguments: [id]) ?? false
            if controls { return id }
        }
        return first
    }

    func nextPosition(of kind: EntityKind) throws -> Int {
        let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT max(position) FROM entity WHERE kind = ?"), arguments: [kind.rawValue])
        return last.map { $0 + 1 } ?? 0
    }

    /// An entry that names `key`, if any. Ids are plain tokens, so a field that names one holds it as a
    /// JSON string: the candidates are the rows whose text holds it quoted, each confirmed by reading the
    /// entry. This reads the whole table: deleting is rare, and correctness matters more than speed here.
    func referrer(of key: EntityKey) throws -> EntityKey? {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT DISTINCT kind, id FROM field WHERE instr(value, ?) > 0 AND NOT (kind = ? AND id = ?)
            """, arguments: ["\"\(key.id)\"", key.kind.rawValue, key.id])
        while let row = try rows.next() {
            guard let kind = EntityKind(rawValue: row["kind"]) else { continue }
            let candidate = EntityKey(kind, row["id"])
            if let entry = try entry(candidate), entry.references.contains(key) { return candidate }
        }
        return nil
    }

    func register(around keys: [EntityKey]) throws -> Register {
        var found: [EntityKey: (position: Int, entry: RegisterEntry)] = [:]
        var frontier = [EntityKey.register] + keys
        for _ in 0..<3 {
            var next: [EntityKey] = []
            for key in frontier where found[key] == nil {
                guard let state = try StoreTables.state(of: key, db) else { continue }
                let entry = try RegisterSnapshot.entry(key, fields: state.fields)
                found[key] = (state.position, entry)
                next += entry.references
            }
            frontier = next
        }
        var register = Register()
        for (_, value) in found.sorted(by: { ($0.key.kind, $0.value.position, $0.key.id) < ($1.key.kind, $1.value.position, $1.key.id) }) {
            register.append(value.entry)
        }
        return register
    }
}
