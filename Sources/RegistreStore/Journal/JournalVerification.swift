import Foundation
import GRDB
public import RegistreCore

/// What `registre verify` found, in four passes over the database, none of which holds more than one
/// entry of the register (and its journal entries) in memory:
///
/// 1. SQLite's own `PRAGMA integrity_check` (a damaged page or index, e.g. `journal_entity`); a damaged
///    file is reported as such and not checked further, since it cannot be trusted to answer;
/// 2. the journal in order, read for its sequences, times and hashes only: no sequence missing, each
///    entry chained to the one before, and times that never go backwards;
/// 3. for each entry of the register (journal and tables both read sorted by id and kind, the order of
///    their indexes, so that SQLite sorts neither, and merged), each of its journal entries readable
///    and hashed over its content, its journal entries replayed from nothing and the result compared
///    with its rows, and the XML kept beside its fields (which export copies as it is) rendered again
///    from them and compared. A journal entry is read whole in this pass only; the fields of an entry
///    created once and never changed are compared as stored, with the JSON the journal writes for the
///    rows' fields, and read only when they differ. Each entry's fields are decoded once, and what is
///    derived from them is checked from that one decode: its kept XML, an activity's printed sections,
///    whether it may give a deadline, and an activity's or a request's kept findings, judged again
///    (`KeptFindingsCheck`; the parties' findings are judged together after the pass); then the names'
///    sort keys (`checkNameKeys`, `checkPartyNameKeys`), the breaches' clocks (`checkBreachClocks`), the
///    names the text index finds activities by (`checkActivityText`) and the requests' clocks
///    (`checkRequestClocks`);
/// 4. the schema (tables, indexes, the append-only triggers) compared with the one registre makes.
///
/// Without a seal, this proves internal consistency only: whoever can write the file can rewrite the
/// journal, recompute every hash and keep all four passes quiet. A seal (`JournalSeal`) anchors it.
public struct JournalVerification: Sendable {
    /// How many journal entries were read.
    public var entries: Int
    /// The first problems, in the order of the passes; at most `problemLimit` of them.
    public var problems: [LocalizedText]
    /// How many problems were found, including those left out of `problems`.
    public var problemCount: Int
    /// The last entry of the journal, or nil for an empty journal.
    public var head: Head?

    /// The last entry of the journal, as a seal records it.
    public struct Head: Sendable, Equatable {
        /// The entry's sequence number.
        public var sequence: Int64
        /// The SHA-256 of the entry, in hexadecimal.
        public var hash: String
    }

    /// Whether the database passed all four passes.
    public var isIntact: Bool { problemCount == 0 }

    /// Called once per journal entry read, in each of the two passes over the journal: twice the number
    /// of entries in all, for a progress line.
    var progress: (@Sendable () -> Void)?

    /// How the XML kept beside each entry is made: without it, kept XML cannot be checked.
    var fragments: EntryFragmentRendering?

    /// The journal's instants read so far (the last one remembered).
    private var readTimes = TimestampReading()

    static let problemLimit = 100

    init() {
        entries = 0
        problems = []
        problemCount = 0
    }

    mutating func report(_ problem: LocalizedText) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(problem) }
    }

    /// Runs the four passes inside the caller's read transaction.
    static func run(_ db: Database, fragments: EntryFragmentRendering?) throws -> JournalVerification {
        var verification = JournalVerification()
        verification.fragments = fragments
        try verification.runPasses(db)
        return verification
    }

    mutating func runPasses(_ db: Database) throws {
        let before = problemCount
        try checkIntegrity(db)
        // A damaged file answers wrongly or not at all: what it says cannot be checked any further.
        guard problemCount == before else { return }
        try checkChain(db)
        let findings = try KeptFindingsCheck(db)
        try checkTables(db, findings: findings)
        if let findings { try checkPartyFindings(findings, db) }
        try checkNameKeys(db)
        try checkPartyNameKeys(db)
        try checkBreachClocks(db)
        try checkActivityText(db)
        try checkRequestClocks(db)
        try checkSchema(db)
    }

    // MARK: 0. The seal

    /// Whether the journal still extends a sealed checkpoint (the chain after it is the chain pass's).
    mutating func check(_ seal: JournalSeal, publicKey: String?, _ db: Database) throws {
        if !seal.isSigned {
            report(LocalizedText(
                fr: "le sceau a été altéré : sa signature ne correspond pas à son contenu",
                en: "the seal has been altered: its signature does not match its content"))
            return
        }
        if let publicKey, publicKey != seal.publicKey {
            report(LocalizedText(
                fr: "le sceau n'a pas été signé par la clé publique donnée (--public-key) mais par \(seal.publicKey)",
                en: "the seal was not signed by the given public key (--public-key) but by \(seal.publicKey)"))
            return
        }
        let first = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE sequence = 1")
        guard first == seal.journal else {
            report(LocalizedText(
                fr: "le sceau est celui d'un autre journal (ou la première entrée a été réécrite) : son entrée n° 1 diffère",
                en: "the seal belongs to another journal (or its first entry was rewritten): entry 1 differs"))
            return
        }
        guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE sequence = ?", arguments: [seal.sequence]) else {
            report(LocalizedText(
                fr: "l'entrée de journal n° \(seal.sequence), scellée le \(seal.sealedAt), n'existe plus",
                en: "journal entry \(seal.sequence), sealed at \(seal.sealedAt), no longer exists"))
            return
        }
        if hash != seal.hash {
            report(LocalizedText(
                fr: "l'entrée de journal n° \(seal.sequence) n'a plus l'empreinte scellée le \(seal.sealedAt) : le journal a été réécrit depuis le sceau",
                en: "journal entry \(seal.sequence) no longer has the hash sealed at \(seal.sealedAt): the journal was rewritten since the seal"))
        }
    }

    // MARK: 1. The file

    private mutating func checkIntegrity(_ db: Database) throws {
        let lines = try String.fetchCursor(db, sql: "PRAGMA integrity_check(\(Self.problemLimit))")
        while let line = try lines.next() {
            guard line != "ok" else { continue }
            report(LocalizedText(
                fr: "le fichier est endommagé (PRAGMA integrity_check) : \(line)",
                en: "the file is damaged (PRAGMA integrity_check): \(line)"))
        }
    }

    // MARK: 2. The chain

    /// The journal in the order of its sequence, read for the columns that chain it (its sequence, time
    /// and hashes): no entry missing, each entry chained to the one before, times that never go
    /// backwards. Each entry's own hash over its content is checked by the next pass, which reads its
    /// content in any case: an entry is read whole once.
    private mutating func checkChain(_ db: Database) throws {
        var previousHash = JournalEntry.genesis
        var previousTime: (sequence: Int64, date: Date, text: String)?
        var expectedSequence: Int64 = 1
        let rows = try Row.fetchCursor(db, sql: "SELECT sequence, recorded_at, previous_hash, hash FROM journal ORDER BY sequence")
        while let row = try rows.next() {
            let sequence: Int64 = row[0]
            let recordedAt: String = row[1]
            let hash: String = row[3]
            progress?()
            entries += 1
            head = Head(sequence: sequence, hash: hash)
            if sequence != expectedSequence {
                report(LocalizedText(
                    fr: "l'entrée de journal n° \(expectedSequence) manque (le journal passe de \(expectedSequence - 1) à \(sequence))",
                    en: "journal entry \(expectedSequence) is missing (the journal goes from \(expectedSequence - 1) to \(sequence))"))
                expectedSequence = sequence
            }
            expectedSequence += 1
            if row[2] as String != previousHash {
                report(LocalizedText(
                    fr: "l'entrée de journal n° \(sequence) ne suit pas l'entrée précédente (la chaîne des empreintes est rompue)",
                    en: "journal entry \(sequence) does not follow the entry before it (the chain of hashes is broken)"))
            }
            previousHash = hash
            // A time that cannot be read is reported by the next pass.
            guard let date = readTimes.date(recordedAt) else { continue }
            if let previous = previousTime, date < previous.date {
                report(LocalizedText(
                    fr: "l'entrée de journal n° \(sequence) est datée \(recordedAt), avant l'entrée n° \(previous.sequence) (\(previous.text)) : le temps du journal recule",
                    en: "journal entry \(sequence) is dated \(recordedAt), before entry \(previous.sequence) (\(previous.text)): the journal's time goes backwards"))
            }
            previousTime = (sequence, date, recordedAt)
        }
    }

    // MARK: 3. The tables

    /// One entry's rows in the tables.
    private struct TableRows {
        var kind: String
        var id: String
        var position: Int
        var fields: [String: String] = [:]
        /// The XML kept beside the fields, and the version of its format.
        var fragment: (version: Int, bytes: [UInt8])?
    }

    private mutating func checkTables(_ db: Database, findings: KeptFindingsCheck?) throws {
        // Both sides sorted by (id, kind) with SQLite's BINARY collation, compared here byte by byte: the
        // order of the indexes `journal_entity` and `entity_id`, read without sorting the journal.
        var journalGroups = try JournalGroups(db, progress: progress)
        var tableGroups = try TableGroups(db)
        let printed = try PrintedSections(db, printing: fragments?.printing)
        let sources = try DeadlineSources.kept(db) ? try DeadlineSources.listed(db) : nil
        var journal = try journalGroups.next()
        var tables = try tableGroups.next()
        while journal != nil || tables != nil {
            let order: Int
            switch (journal, tables) {
            case (let entries?, let rows?): order = Self.compare((entries[0].id, entries[0].kind), (rows.id, rows.kind))
            case (.some, nil): order = -1
            default: order = 1
            }
            let rows = order >= 0 ? tables : nil
            let replayed = order <= 0 ? replay(journal!, beside: rows) : nil
            compare(replayed, rows)
            if let rows { try checkDerived(rows, printed: printed, sources: sources, findings: findings, db) }
            if order <= 0 { journal = try journalGroups.next() }
            if order >= 0 { tables = try tableGroups.next() }
        }
        try checkOrphanFields(db, joined: tableGroups.fieldCount)
    }

    /// Fields whose entry has no row in `entity`: named only when there are some, that is when `field`
    /// holds more rows than the `joined` ones read with their entry (an entry's key is unique, so each
    /// field with an entry was read once). Counting walks the table; looking up the entry of each field
    /// would cost a search of the index per field.
    private mutating func checkOrphanFields(_ db: Database, joined: Int) throws {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM field") != joined else { return }
        let orphans = try Row.fetchCursor(db, sql: """
            SELECT kind, id, name FROM field
            WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.kind = field.kind AND e.id = field.id)
            """)
        while let row = try orphans.next() {
            let key = "\(row["kind"] as String):\(row["id"] as String)"
            report(LocalizedText(
                fr: "table field, ligne \(key) \(row["name"] as String) : aucune ligne de la table entity ne lui correspond",
                en: "table field, row \(key) \(row["name"] as String): no row of table entity owns it"))
        }
    }

    /// The journal sorted by (id, kind, sequence) through its index, handed over one entry's journal
    /// entries at a time.
    private struct JournalGroups {
        let rows: RowCursor
        let columns: StoreTables.StoredEntry.Columns
        let progress: (@Sendable () -> Void)?
        /// The first journal entry of the next group, read to know the group before it had ended.
        var pending: StoreTables.StoredEntry?

        init(_ db: Database, progress: (@Sendable () -> Void)?) throws {
            let statement = try db.makeStatement(sql: "SELECT * FROM journal ORDER BY id, kind, sequence")
            columns = try StoreTables.StoredEntry.Columns(statement)
            rows = try Row.fetchCursor(statement)
            self.progress = progress
        }

        mutating func next() throws -> [StoreTables.StoredEntry]? {
            var group: [StoreTables.StoredEntry] = []
            if let pending { group.append(pending) } else if let row = try rows.next() {
                group.append(StoreTables.StoredEntry(row, columns))
            } else {
                return nil
            }
            pending = nil
            while let row = try rows.next() {
                let stored = StoreTables.StoredEntry(row, columns)
                progress?()
                guard stored.kind == group[0].kind && stored.id == group[0].id else {
                    pending = stored
                    break
                }
                group.append(stored)
            }
            return group
        }
    }

    /// The tables sorted by (id, kind) through the index `entity_id`, handed over one entry's row, fields
    /// and kept XML at a time. Its fields come in no particular order (they are gathered by name).
    private struct TableGroups {
        let rows: RowCursor
        /// The kept XML, read beside (in the same order) rather than in the join, whose every row of a
        /// field would carry the entry's XML again; nil for a store that keeps none.
        let fragmentRows: RowCursor?
        /// The entry whose first row was read to know the entry before it had ended.
        var pendingRows: TableRows?
        var pendingFragment: (kind: String, id: String, version: Int?, bytes: [UInt8])?
        /// How many rows of `field` were read, each with its entry.
        var fieldCount = 0

        init(_ db: Database) throws {
            rows = try Row.fetchCursor(db, sql: """
                SELECT e.kind AS kind, e.id AS id, e.position AS position, f.name AS name, f.value AS value
                FROM entity e LEFT JOIN field f ON f.kind = e.kind AND f.id = e.id
                ORDER BY e.id, e.kind
                """)
            fragmentRows = try StoreTables.keepsFragments(db)
                ? try Row.fetchCursor(db, sql: "SELECT kind, id, fragment_version, fragment FROM entity WHERE fragment IS NOT NULL ORDER BY id, kind")
                : nil
        }

        mutating func next() throws -> TableRows? {
            var group = pendingRows
            pendingRows = nil
            // Columns by their place (kind, id, position, name, value): at a million rows the lookup by
            // name shows.
            while let row = try rows.next() {
                let kind: String = row[0]
                let id: String = row[1]
                if var current = group, current.kind != kind || current.id != id {
                    pendingRows = TableRows(kind: kind, id: id, position: row[2])
                    if let name: String = row[3] {
                        pendingRows?.fields[name] = row[4] as String
                        fieldCount += 1
                    }
                    current.fragment = try fragment(of: current)
                    return current
                }
                if group == nil { group = TableRows(kind: kind, id: id, position: row[2]) }
                if let name: String = row[3] {
                    group?.fields[name] = row[4] as String
                    fieldCount += 1
                }
            }
            if var last = group {
                last.fragment = try fragment(of: last)
                return last
            }
            return nil
        }

        /// The kept XML of `rows`' entry, skipping the kept XML of entries the tables no longer hold.
        private mutating func fragment(of rows: TableRows) throws -> (version: Int, bytes: [UInt8])? {
            while true {
                if pendingFragment == nil, let row = try fragmentRows?.next() {
                    pendingFragment = (row[0], row[1], row[2], try row.withUnsafeData(atIndex: 3) { $0.map { [UInt8]($0) } } ?? [])
                }
                guard let kept = pendingFragment else { return nil }
                let order = JournalVerification.compare((kept.id, kept.kind), (rows.id, rows.kind))
                if order > 0 { return nil }
                pendingFragment = nil
                if order == 0 { return kept.version.map { ($0, kept.bytes) } }
            }
        }
    }

    /// The outcome of replaying one entry's journal entries.
    private enum Replayed {
        /// The journal cannot be replayed (already reported).
        case broken
        /// What the journal says the entry is now (nil: deleted).
        case state(EntityKey, EntityState?)
        /// The journal created the entry with exactly its rows (compared as stored) and never changed it.
        case asRecorded
    }

    /// Checks each of one entry's journal entries (its columns can be read, its hash is that of its
    /// content) and replays them. An entry made by one journal entry whose fields, as stored, are the
    /// ones its rows make is not read any further: its replay is its rows (most entries of a register
    /// were made once and never changed since).
    private mutating func replay(_ entries: [StoreTables.StoredEntry], beside rows: TableRows?) -> Replayed {
        let asRecorded = rows.map { entries.count == 1 && Self.recordsCreation(of: $0, entries[0]) } ?? false
        var readable: [JournalEntry] = []
        var key: EntityKey?
        var broken = false
        for stored in entries {
            // Fields compared as stored need not be read: the journal wrote them so.
            let header = stored.header(&readTimes)
            let fields = asRecorded ? [] : try? JournalEntry.fields(fromJSON: stored.fields)
            guard let header, let fields else {
                report(LocalizedText(
                    fr: "l'entrée de journal n° \(stored.sequence) a été altérée : ses colonnes sont illisibles",
                    en: "journal entry \(stored.sequence) has been altered: its columns cannot be read"))
                broken = true
                continue
            }
            if stored.computedHash() != stored.hash {
                report(LocalizedText(
                    fr: "l'entrée de journal n° \(stored.sequence) a été altérée : son empreinte ne correspond plus à son contenu",
                    en: "journal entry \(stored.sequence) has been altered: its hash does not match its content"))
            }
            key = header.entity
            readable.append(stored.entry(header, fields: fields))
        }
        guard let key, !broken else { return .broken }
        if asRecorded { return .asRecorded }
        var snapshot = RegisterSnapshot()
        for entry in readable {
            if let problem = snapshot.apply(entry) {
                report(problem)
                return .broken
            }
        }
        return .state(key, snapshot.entities[key])
    }

    /// Whether `stored` creates the entry with exactly the fields and position of `rows`, compared as
    /// the journal stores them: the JSON the journal writes for a creation (every field and the
    /// position, by name, as `EntityChange.between` lists them from nothing), byte for byte. Replaying
    /// it would give back `rows`. Anything else (another form, a value changed) is replayed.
    private static func recordsCreation(of rows: TableRows, _ stored: StoreTables.StoredEntry) -> Bool {
        guard stored.change == JournalEntry.Change.created.rawValue, stored.kind == rows.kind, stored.id == rows.id else { return false }
        var fields = EntityState(position: rows.position, fields: rows.fields).journalFields
            .map { FieldChange(name: $0.key, before: nil, after: $0.value) }
        fields.sort { $0.name < $1.name }
        var stored = stored.fields
        return stored.withUTF8 { stored in
            let expected = JournalEntry.jsonBytes(of: fields, capacity: stored.count)
            return expected.count == stored.count && expected.withUnsafeBytes { memcmp($0.baseAddress!, stored.baseAddress!, stored.count) == 0 }
        }
    }

    private mutating func compare(_ replayed: Replayed?, _ rows: TableRows?) {
        if case .broken = replayed { return }
        if case .asRecorded = replayed { return }
        let expected: EntityState? = if case .state(_, let state) = replayed { state } else { nil }
        let name: String
        if case .state(let key, _) = replayed { name = key.description } else if let rows { name = "\(rows.kind):\(rows.id)" } else { return }
        switch (expected, rows) {
        case (nil, .some):
            report(LocalizedText(
                fr: "table entity, ligne \(name) : absente du journal",
                en: "table entity, row \(name): not recorded in the journal"))
        case (.some, nil):
            report(LocalizedText(
                fr: "table entity, ligne \(name) : inscrite au journal mais absente des tables",
                en: "table entity, row \(name): recorded in the journal but missing from the tables"))
        case (let expected?, let actual?):
            if expected.position != actual.position {
                report(LocalizedText(
                    fr: "table entity, ligne \(name) : position \(actual.position), le journal dit \(expected.position)",
                    en: "table entity, row \(name): position \(actual.position), the journal says \(expected.position)"))
            }
            for field in Set(expected.fields.keys).union(actual.fields.keys).sorted() where expected.fields[field] != actual.fields[field] {
                report(LocalizedText(
                    fr: "table field, ligne \(name) \(field) : ne correspond pas au journal",
                    en: "table field, row \(name) \(field): does not match the journal"))
            }
        case (nil, nil):
            break
        }
    }

    /// What is kept beside an entry's fields (its XML and an activity's printed sections for export,
    /// whether an agreement or a breach may give a deadline, an activity's or a request's findings),
    /// checked against its fields decoded once.
    private mutating func checkDerived(
        _ rows: TableRows, printed: PrintedSections, sources: Set<EntityKey>?, findings: KeptFindingsCheck?, _ db: Database
    ) throws {
        let fragment = fragments.flatMap { fragments in rows.fragment.flatMap { $0.version == fragments.version ? $0 : nil } }
        let sections = rows.kind == EntityKind.activity.rawValue ? try printed.sections(of: rows.id) : []
        let sourced = sources != nil && DeadlineSchedule.sourceKinds.contains { $0.rawValue == rows.kind }
        let judged = findings != nil && KeptFindingsCheck.judgesAlone(rows.kind)
        guard fragment != nil || !sections.isEmpty || sourced || judged else { return }
        let name = "\(rows.kind):\(rows.id)"
        guard let kind = EntityKind(rawValue: rows.kind),
              let entry = try? RegisterSnapshot.entry(EntityKey(kind, rows.id), fields: rows.fields)
        else {
            // Fields that cannot be read (named by the comparison with the journal) keep no deadline
            // apart, and give no findings: `deadlines` and the rules themselves would stop at them.
            guard fragment != nil || !sections.isEmpty else { return }
            report(LocalizedText(
                fr: "table entity, ligne \(name) : ses champs sont illisibles, ce qui est conservé pour l'export ne peut être vérifié",
                en: "table entity, row \(name): its fields cannot be read, so what is kept for export cannot be checked"))
            return
        }
        if let fragment { checkFragment(fragment.bytes, of: entry, name: name) }
        if sourced, let sources { checkSource(entry, listed: sources.contains(entry.key), name: name) }
        if case .activity(let activity) = entry {
            for language in printed.mismatches(sections, of: activity) {
                report(LocalizedText(
                    fr: "table \(StoreTables.printedTable(language)), ligne \(name) : la section imprimée conservée pour l'export ne correspond pas à ses champs (un export l'imprimerait telle quelle)",
                    en: "table \(StoreTables.printedTable(language)), row \(name): the printed section kept for export does not match its fields (an export would print it as it is)"))
            }
        }
        if judged, let findings { try checkFindings(of: entry, findings, db) }
    }

    /// Whether `deadline_source` lists an agreement or a breach as its fields say: one left out would be
    /// left out of `deadlines` too (a breach's notification to the authority never shown as due).
    private mutating func checkSource(_ entry: RegisterEntry, listed: Bool, name: String) {
        switch (listed, DeadlineSchedule.mayGiveDeadline(entry)) {
        case (false, true):
            report(LocalizedText(
                fr: "table deadline_source, ligne \(name) : absente alors que l'entrée peut donner une échéance (deadlines l'omettrait)",
                en: "table deadline_source, row \(name): missing, though the entry may give a deadline (deadlines would leave it out)"))
        case (true, false):
            report(LocalizedText(
                fr: "table deadline_source, ligne \(name) : présente alors que l'entrée ne peut donner aucune échéance",
                en: "table deadline_source, row \(name): present, though the entry can give no deadline"))
        default:
            break
        }
    }

    /// The XML kept beside an entry's fields is what export copies: one that no longer matches its fields
    /// (written by hand, with SQL) would export content the journal never recorded while the chain
    /// verifies. It is rendered again from the fields and compared, byte for byte. XML kept under another
    /// version of its format is never exported, so it is not checked.
    private mutating func checkFragment(_ kept: [UInt8], of entry: RegisterEntry, name: String) {
        guard let fragments else { return }
        // An entry whose XML cannot be kept (a breach) must have none, not even an empty one: export
        // would copy it, or drop the entry.
        let expected = (try? fragments.fragment(entry)) ?? nil
        if expected != kept {
            report(LocalizedText(
                fr: "table entity, ligne \(name) : le XML conservé pour l'export ne correspond pas à ses champs (un export le recopierait tel quel)",
                en: "table entity, row \(name): the XML kept for export does not match its fields (an export would copy it as it is)"))
        }
    }

    /// SQLite's BINARY order of (id, kind): bytes of UTF-8.
    private static func compare(_ left: (String, String), _ right: (String, String)) -> Int {
        for (a, b) in [(left.0, right.0), (left.1, right.1)] where a != b {
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        }
        return 0
    }

    // MARK: 4. The schema

    private mutating func checkSchema(_ db: Database) throws {
        let expected = try Self.expectedSchema(upTo: try StoreSchema.migrator.appliedMigrations(db).last)
        let actual = try Self.schema(db)
        for (name, object) in expected.sorted(by: { $0.key < $1.key }) {
            guard let found = actual[name] else {
                report(LocalizedText(
                    fr: "schéma : \(object.type) \(name) manque (registre l'avait créé)",
                    en: "schema: \(object.type) \(name) is missing (registre made it)"))
                continue
            }
            if found != object {
                report(LocalizedText(
                    fr: "schéma : \(object.type) \(name) n'est pas celui que registre a créé",
                    en: "schema: \(object.type) \(name) is not the one registre made"))
            }
        }
        for (name, object) in actual.sorted(by: { $0.key < $1.key }) where expected[name] == nil {
            report(LocalizedText(
                fr: "schéma : \(object.type) \(name) a été ajouté (registre ne l'a pas créé)",
                en: "schema: \(object.type) \(name) was added (registre did not make it)"))
        }
    }

    private struct SchemaObject: Equatable {
        var type: String
        var table: String
        var sql: String?
    }

    private static func schema(_ db: Database) throws -> [String: SchemaObject] {
        var objects: [String: SchemaObject] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") {
            objects[row["name"]] = SchemaObject(type: row["type"], table: row["tbl_name"], sql: row["sql"])
        }
        return objects
    }

    /// The schema registre makes: the migrations run on an empty database in memory, up to the last one
    /// the database has had (a database made by an earlier registre, read without being brought up to
    /// date, has the schema of its day).
    private static func expectedSchema(upTo last: String?) throws -> [String: SchemaObject] {
        let queue = try DatabaseQueue()
        if let last {
            try StoreSchema.migrator.migrate(queue, upTo: last)
        } else {
            try StoreSchema.migrator.migrate(queue)
        }
        return try queue.read { try schema($0) }
    }
}
