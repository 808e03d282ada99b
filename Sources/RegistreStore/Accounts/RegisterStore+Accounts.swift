public import Foundation
import Crypto
import GRDB
public import RegistreCore

/// The desk's accounts and their journal (`account_journal`, apart from the register's journal so that
/// `verify`'s replay is unchanged), kept in the register's database: ``RegisterStore/accounts``.
public struct AccountBook: Sendable {
    let store: RegisterStore


    /// Adds an account and journals it, in one transaction.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout); ``AccountError/invalidLogin(_:)`` or ``AccountError/exists(login:)``, and nothing changes.
    public func add(_ account: Account, actor: String, at moment: Date) throws {
        guard Account.isValidLogin(account.login) else { throw AccountError.invalidLogin(account.login) }
        try store.updating { db in
            guard try RegisterStore.account(account.login, db) == nil else { throw AccountError.exists(login: account.login) }
            try db.execute(
                sql: "INSERT INTO account (login, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [account.login, account.role.rawValue, account.passwordHash, Timestamp.format(moment)])
            let organisations = Set(account.organisations).sorted()
            for organisation in organisations {
                try db.execute(sql: "INSERT INTO account_organisation (login, organisation) VALUES (?, ?)", arguments: [account.login, organisation])
            }
            let scope = organisations.isEmpty ? "" : " " + organisations.joined(separator: ",")
            try RegisterStore.journal(.added, login: account.login, actor: actor, at: moment, detail: account.role.rawValue + scope, db)
        }
    }

    /// Removes an account and closes its sessions.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout); ``AccountError/unknown(login:)``, and nothing changes.
    public func remove(_ login: String, actor: String, at moment: Date) throws {
        try store.updating { db in
            guard try RegisterStore.account(login, db) != nil else { throw AccountError.unknown(login: login) }
            try db.execute(sql: "DELETE FROM account WHERE login = ?", arguments: [login])
            try RegisterStore.journal(.removed, login: login, actor: actor, at: moment, detail: "", db)
        }
    }

    /// Gives an account a new password hash, closes its sessions and withdraws its calendar feed: whoever
    /// held the old password is out.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout); ``AccountError/unknown(login:)``, and nothing changes.
    public func changePassword(of login: String, to passwordHash: String, actor: String, at moment: Date) throws {
        try store.updating { db in
            guard try RegisterStore.account(login, db) != nil else { throw AccountError.unknown(login: login) }
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE login = ?", arguments: [passwordHash, login])
            try db.execute(sql: "DELETE FROM session WHERE login = ?", arguments: [login])
            try RegisterStore.journal(.passwordChanged, login: login, actor: actor, at: moment, detail: "", db)
            // A new password is given when the old one may be known to someone else: so may the calendar
            // feed's address, which reads the account's deadlines without a session.
            if try db.tableExists("calendar_feed") {
                try db.execute(sql: "DELETE FROM calendar_feed WHERE login = ?", arguments: [login])
                if db.changesCount > 0 { try RegisterStore.journal(.calendarFeedRevoked, login: login, actor: actor, at: moment, detail: "", db) }
            }
        }
    }

    /// Gives an account `role` and `organisations` in place of its own, and journals it; its sessions stay
    /// open and read the new policy at their next request.
    /// - Parameters:
    ///   - login: the account.
    ///   - role: its new role.
    ///   - organisations: the organisations it is given, in place of its own.
    ///   - actor: who changes it, as the account journal records it.
    ///   - moment: when.
    ///   - expectedVersion: the account's ``version(of:)`` when the form that asks was shown: compared in
    ///     the write transaction, so that a stale form does not undo what was given since (by `registre
    ///     user` or another administrator). Nil: not compared (the command line).
    /// - Throws: ``StoreError`` when the database cannot answer; ``AccountError/unknown(login:)``,
    ///   ``AccountError/moved(login:)``, and nothing changes.
    public func change(
        _ login: String, role: AccountRole, organisations: [EntityID], actor: String, at moment: Date, expectedVersion: Int64? = nil
    ) throws {
        try store.updating { db in
            guard try RegisterStore.account(login, db) != nil else { throw AccountError.unknown(login: login) }
            if let expectedVersion, try Self.version(of: login, db) != expectedVersion { throw AccountError.moved(login: login) }
            try db.execute(sql: "UPDATE account SET role = ? WHERE login = ?", arguments: [role.rawValue, login])
            try db.execute(sql: "DELETE FROM account_organisation WHERE login = ?", arguments: [login])
            let organisations = Set(organisations).sorted()
            for organisation in organisations {
                try db.execute(sql: "INSERT INTO account_organisation (login, organisation) VALUES (?, ?)", arguments: [login, organisation])
            }
            let scope = organisations.isEmpty ? "" : " " + organisations.joined(separator: ",")
            try RegisterStore.journal(.changed, login: login, actor: actor, at: moment, detail: role.rawValue + scope, db)
        }
    }

    /// The version of `login`'s role and organisations: the number of the last line of the account journal
    /// that gave them (its creation or a change), 0 when there is none. A form showing them carries it.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func version(of login: String) throws -> Int64 {
        try store.reading { try Self.version(of: login, $0) }
    }

    static func version(of login: String, _ db: Database) throws -> Int64 {
        // From the journal's end backwards: the last change of an account is usually recent.
        try Int64.fetchOne(db, sql: """
            SELECT sequence FROM account_journal WHERE login = ? AND event IN (?, ?) ORDER BY sequence DESC LIMIT 1
            """, arguments: [login, AccountEvent.Kind.added.rawValue, AccountEvent.Kind.changed.rawValue]) ?? 0
    }

    /// Journals that an administrator opened `login` again after failed sign-ins (the count itself is the
    /// desk's, in memory).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func recordUnlock(of login: String, actor: String, at moment: Date) throws {
        try store.updating { db in try RegisterStore.journal(.unlocked, login: login, actor: actor, at: moment, detail: "", db) }
    }

    /// Every account, ordered by login.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func all() throws -> [Account] {
        try store.reading { db in
            try String.fetchAll(db, sql: "SELECT login FROM account ORDER BY login").compactMap { try RegisterStore.account($0, db) }
        }
    }

    /// The account whose login is `login`, or nil.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func find(_ login: String) throws -> Account? {
        try store.reading { db in try RegisterStore.account(login, db) }
    }

    /// The account whose login is `login` with its ``version(of:)``, both read in one transaction (a form
    /// shows the one and carries the other: read apart, a change in between would be carried unseen), or nil.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func findVersioned(_ login: String) throws -> (account: Account, version: Int64)? {
        try store.reading { db in
            guard let account = try RegisterStore.account(login, db) else { return nil }
            return (account, try Self.version(of: login, db))
        }
    }

    /// Journals a refused sign-in (wrong password, unknown login, or too many attempts). `login` is what
    /// the visitor typed: it is journaled as ``AccountEvent/journaledLogin(_:)`` names it, and `reason`
    /// cut to ``AccountEvent/maximumDetailLength`` characters, so that a line has a bounded size.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func recordRefusedSignIn(login: String, reason: String, at moment: Date) throws {
        let login = AccountEvent.journaledLogin(login)
        try store.updating { db in
            try RegisterStore.journal(
                .signInRefused, login: login, actor: login, at: moment, detail: String(reason.prefix(AccountEvent.maximumDetailLength)), db)
        }
    }

    /// Journals that refused sign-ins from `client` (an address, or `*` for every client) are no longer
    /// journaled one by one until `until`: the line that keeps the journal's size bounded under a flood.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func recordRefusalsNotJournaled(client: String, beyond limit: Int, until: Date, at moment: Date) throws {
        let client = String(client.prefix(AccountEvent.maximumDetailLength))
        let detail = "more than \(limit) refused sign-ins within a minute; the next ones until \(until.formatted(.iso8601)) are not journaled"
        try store.updating { db in
            try RegisterStore.journal(.refusalsNotJournaled, login: "", actor: client, at: moment, detail: detail, db)
        }
    }

    /// The account journal, oldest first.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func events() throws -> [AccountEvent] {
        try store.reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM account_journal ORDER BY sequence").map { row in
                guard let kind = AccountEvent.Kind(rawValue: row["event"]), let date = Timestamp.parse(row["recorded_at"]) else {
                    throw StoreError.corrupt("account journal entry \(row["sequence"] as Int64) cannot be read")
                }
                return AccountEvent(
                    sequence: row["sequence"], recordedAt: date, actor: row["actor"], kind: kind, login: row["login"],
                    detail: row["detail"])
            }
        }
    }
}

/// The desk's sessions (only a SHA-256 of each token is kept), in the register's database:
/// ``RegisterStore/sessions``.
public struct DeskSessions: Sendable {
    let store: RegisterStore


    /// Opens a session for `login`, identified by `token` (kept only as its hash), and journals the sign-in.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func start(login: String, token: String, csrf: String, at moment: Date, expires: Date) throws {
        try store.updating { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [moment.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO session (token_hash, login, csrf, started_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [RegisterStore.hash(token), login, csrf, moment.timeIntervalSince1970, expires.timeIntervalSince1970])
            try RegisterStore.journal(.signedIn, login: login, actor: login, at: moment, detail: "", db)
        }
    }

    /// The session `token` opens at `moment`, or nil when there is none or it has expired.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func find(token: String, at moment: Date) throws -> DeskSession? {
        try store.reading { db in try Self.find(token: token, at: moment, db) }
    }

    static func find(token: String, at moment: Date, _ db: Database) throws -> DeskSession? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT login, csrf, expires_at FROM session WHERE token_hash = ?", arguments: [RegisterStore.hash(token)])
        else { return nil }
        let expires = Date(timeIntervalSince1970: row["expires_at"])
        guard moment < expires else { return nil }
        return DeskSession(login: row["login"], csrf: row["csrf"], expires: expires)
    }

    /// Moves a session's end (an idle timeout restarts at each request).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func extend(token: String, until expires: Date) throws {
        try store.updating { db in
            try db.execute(
                sql: "UPDATE session SET expires_at = ? WHERE token_hash = ?",
                arguments: [expires.timeIntervalSince1970, RegisterStore.hash(token)])
        }
    }

    /// Closes a session and journals the sign-out.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func end(token: String, at moment: Date) throws {
        try store.updating { db in
            let hash = RegisterStore.hash(token)
            guard let login = try String.fetchOne(db, sql: "SELECT login FROM session WHERE token_hash = ?", arguments: [hash]) else { return }
            try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [hash])
            try RegisterStore.journal(.signedOut, login: login, actor: login, at: moment, detail: "", db)
        }
    }
}

extension RegisterStore {
    /// The desk's accounts and their journal.
    public var accounts: AccountBook { AccountBook(store: self) }

    /// The desk's sessions.
    public var sessions: DeskSessions { DeskSessions(store: self) }

    // MARK: -

    static func account(_ login: String, _ db: Database) throws -> Account? {
        guard let row = try Row.fetchOne(db, sql: "SELECT role, password_hash FROM account WHERE login = ?", arguments: [login]),
              let role = AccountRole(rawValue: row["role"])
        else { return nil }
        let organisations = try String.fetchAll(
            db, sql: "SELECT organisation FROM account_organisation WHERE login = ? ORDER BY organisation", arguments: [login])
        return Account(login: login, role: role, organisations: organisations, passwordHash: row["password_hash"])
    }

    static func journal(
        _ kind: AccountEvent.Kind, login: String, actor: String, at moment: Date, detail: String, _ db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO account_journal (recorded_at, actor, event, login, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [Timestamp.format(moment), actor, kind.rawValue, login, detail])
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
