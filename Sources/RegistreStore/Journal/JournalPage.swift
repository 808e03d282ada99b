public import Foundation
import GRDB
public import RegistreCore

/// Which entries of the journal a page shows: newest first, older than `before` (a sequence), at most
/// `limit`, about one entry (by its id, of any of `kinds`), by one account, within a period.
public struct JournalQuery: Sendable, Equatable {
    /// The id of the entry of the register whose changes are asked; nil: every entry.
    public var id: String?
    /// The kinds `id` may be of (an id alone may name entries of several kinds); empty: any kind.
    public var kinds: Set<EntityKind>
    /// The account that made the changes; nil: any.
    public var actor: String?
    /// The first and last instants of the period, when bounded.
    public var from: Date?, to: Date?
    /// Only entries whose sequence is below this one (the next page); nil: from the newest.
    public var before: Int64?
    /// At most this many entries.
    public var limit: Int
    /// Whose entries: of every organisation, or of some only (an account's, ``Visibility``); an entry
    /// since deleted is shown to an account that sees every organisation only.
    public var visibility: Visibility
    /// Whether the requests of those organisations are among them (not for a reader: issue 27).
    public var requests: Bool

    /// A query; see the properties.
    public init(
        id: String? = nil, kinds: Set<EntityKind> = [], actor: String? = nil, from: Date? = nil, to: Date? = nil,
        before: Int64? = nil, limit: Int = 50, visibility: Visibility = .all, requests: Bool = true
    ) {
        self.id = id
        self.kinds = kinds
        self.actor = actor
        self.from = from
        self.to = to
        self.before = before
        self.limit = max(1, limit)
        self.visibility = visibility
        self.requests = requests
    }
}

/// One page of the journal, newest first, and where the next (older) page starts.
public struct JournalPage: Sendable {
    /// The entries of the page, newest first.
    public var entries: [JournalEntry]
    /// The `before` of the next page; nil when this page is the last.
    public var next: Int64?
}

extension RegisterJournal {
    /// The page of the journal `query` asks for, among the entries `shown` accepts (the account's
    /// access policy), read newest first in batches bounded by SQL `LIMIT`: the journal is never read
    /// whole to show one page, and the reading stops as soon as the page is full.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose columns cannot be read; ``StoreError`` when
    ///   the database cannot answer.
    public func page(_ query: JournalQuery, shown: (JournalEntry) -> Bool = { _ in true }) throws -> JournalPage {
        try store.reading { db in try Self.page(query, shown: shown, db) }
    }

    /// The page `query` asks for, read in `db` (see ``page(_:shown:)``).
    static func page(_ query: JournalQuery, shown: (JournalEntry) -> Bool, _ db: Database) throws -> JournalPage {
        var entries: [JournalEntry] = []
        var cursor = query.before
        // One more than the page, to know whether another page follows.
        let batch = query.limit + 1
        while entries.count <= query.limit {
            let (sql, arguments) = Self.select(query, before: cursor, limit: batch)
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            for row in rows {
                let stored = StoreTables.StoredEntry(row)
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                if shown(entry) { entries.append(entry) }
                cursor = stored.sequence
                if entries.count > query.limit { break }
            }
            if rows.count < batch { break }
        }
        let more = entries.count > query.limit
        if more { entries.removeLast() }
        return JournalPage(entries: entries, next: more ? entries.last?.sequence : nil)
    }

    /// The statement of one batch: the filters `query` names, below `before`, newest first. Whose entries
    /// is a condition of the statement (``VisibleEntries``): the journal's index on entries finds the
    /// changes of those an account sees, however few they are among the others'.
    private static func select(_ query: JournalQuery, before: Int64?, limit: Int) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        if let id = query.id {
            conditions.append("id = :id")
            arguments["id"] = id
        }
        if !query.kinds.isEmpty || !query.requests {
            let kinds = (query.kinds.isEmpty ? Set(EntityKind.allCases) : query.kinds).subtracting(query.requests ? [] : [.request])
            conditions.append("kind IN (SELECT value FROM json_each(:kinds))")
            arguments["kinds"] = String(decoding: (try? JSONEncoder().encode(kinds.map(\.rawValue).sorted())) ?? Data("[]".utf8), as: UTF8.self)
        }
        if case .organisations(let organisations) = query.visibility {
            conditions.append("(kind, id) IN (SELECT kind, id FROM (\(VisibleEntries.select(requests: query.requests))))")
            arguments["visible"] = VisibleEntries.argument(organisations)
        }
        if let actor = query.actor {
            conditions.append("actor = :actor")
            arguments["actor"] = actor
        }
        // Instants are stored as text that sorts in the order of time (`Timestamp`).
        if let from = query.from {
            conditions.append("recorded_at >= :from")
            arguments["from"] = Timestamp.format(from)
        }
        if let to = query.to {
            conditions.append("recorded_at <= :to")
            arguments["to"] = Timestamp.format(to)
        }
        if let before {
            conditions.append("sequence < :before")
            arguments["before"] = before
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT * FROM journal \(filter) ORDER BY sequence DESC LIMIT \(limit)", StatementArguments(arguments))
    }
}

extension RegisterReading {
    /// The page of the journal `query` asks for, in this read transaction: the page of a history that
    /// reads the entries it names at the same moment (``RegisterJournal/page(_:shown:)``).
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose columns cannot be read; ``StoreError`` when
    ///   the database cannot answer.
    public func journalPage(_ query: JournalQuery) throws -> JournalPage {
        try RegisterJournal.page(query, shown: { _ in true }, db)
    }
}
