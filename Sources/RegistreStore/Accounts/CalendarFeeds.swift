public import Foundation
import GRDB

/// Each account's subscription to its calendar of deadlines: a secret address a calendar program polls
/// without signing in. Only a SHA-256 of the address's token is kept (whoever reads the file cannot read
/// anyone's deadlines), one per account; a new token replaces the old one, which then answers nothing:
/// revoking an address is issuing a new one, or none. ``RegisterStore/calendarFeeds``.
public struct CalendarFeeds: Sendable {
    let store: RegisterStore

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calendar_feed (
                login TEXT PRIMARY KEY NOT NULL REFERENCES account (login) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                issued_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// Gives `login` the feed `token` (kept only as its hash), replacing its previous one, and journals it.
    /// - Throws: ``AccountError/unknown(login:)``, and nothing changes; ``StoreError`` when the database cannot answer.
    public func issue(login: String, token: String, at moment: Date) throws {
        try store.updating { db in
            guard try RegisterStore.account(login, db) != nil else { throw AccountError.unknown(login: login) }
            try db.execute(
                sql: "INSERT OR REPLACE INTO calendar_feed (login, token_hash, issued_at) VALUES (?, ?, ?)",
                arguments: [login, RegisterStore.hash(token), Timestamp.format(moment)])
            try RegisterStore.journal(.calendarFeedIssued, login: login, actor: login, at: moment, detail: "", db)
        }
    }

    /// Withdraws `login`'s feed, if it has one, and journals it.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func revoke(login: String, at moment: Date) throws {
        try store.updating { db in
            try db.execute(sql: "DELETE FROM calendar_feed WHERE login = ?", arguments: [login])
            guard db.changesCount > 0 else { return }
            try RegisterStore.journal(.calendarFeedRevoked, login: login, actor: login, at: moment, detail: "", db)
        }
    }

    /// The account whose feed `token` is, or nil.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func login(forToken token: String) throws -> String? {
        try store.reading { db in
            try String.fetchOne(db, sql: "SELECT login FROM calendar_feed WHERE token_hash = ?", arguments: [RegisterStore.hash(token)])
        }
    }

    /// When `login`'s current feed was issued, or nil when it has none.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func issued(for login: String) throws -> Date? {
        try store.reading { db in
            try String.fetchOne(db, sql: "SELECT issued_at FROM calendar_feed WHERE login = ?", arguments: [login]).flatMap(Timestamp.parse)
        }
    }
}

extension RegisterStore {
    /// The accounts' calendar subscriptions.
    public var calendarFeeds: CalendarFeeds { CalendarFeeds(store: self) }
}
