public import Foundation
import GRDB

/// The second factor of each local account: a TOTP secret (RFC 6238) the desk checks after the password,
/// whether an administrator requires one, and the last period whose code signed in (a code is used once).
/// The secret is kept as written in base 32: the desk must read it to check a code, as an authenticator
/// application does. ``RegisterStore/secondFactors``.
public struct SecondFactors: Sendable {
    let store: RegisterStore

    /// An account's second factor as kept.
    public struct State: Sendable, Equatable {
        /// The TOTP secret in base 32, or nil when the account has none.
        public var secret: String?
        /// Whether the account may sign in only with a second factor.
        public var required: Bool
        /// The last period (RFC 6238's counter) whose code signed in, or nil.
        public var lastCounter: Int64?

        /// A state: `secret` (base 32) or none, `required` or not, `lastCounter` used or none.
        public init(secret: String?, required: Bool, lastCounter: Int64?) {
            self.secret = secret
            self.required = required
            self.lastCounter = lastCounter
        }
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE second_factor (
                login TEXT PRIMARY KEY NOT NULL REFERENCES account (login) ON DELETE CASCADE,
                secret TEXT,
                required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
                last_counter INTEGER
            ) WITHOUT ROWID;
            """)
    }

    /// `login`'s second factor: none and not required when nothing is kept.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func state(of login: String) throws -> State {
        try store.reading { db in try Self.state(of: login, db) }
    }

    /// The account `login` (nil when there is none) and its second factor, in one read transaction: what
    /// a sign-in reads.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func account(_ login: String) throws -> (account: Account?, factor: State) {
        try store.reading { db in (try RegisterStore.account(login, db), try Self.state(of: login, db)) }
    }

    static func state(of login: String, _ db: Database) throws -> State {
        guard let row = try Row.fetchOne(db, sql: "SELECT secret, required, last_counter FROM second_factor WHERE login = ?", arguments: [login])
        else { return State(secret: nil, required: false, lastCounter: nil) }
        return State(secret: row["secret"], required: row["required"], lastCounter: row["last_counter"])
    }

    /// Gives `login` the TOTP secret `secret` (base 32), replacing any other, and journals it (never the secret).
    /// - Throws: ``AccountError/unknown(login:)``, and nothing changes; ``StoreError`` when the database cannot answer.
    public func enrol(login: String, secret: String, actor: String, at moment: Date) throws {
        try write(login, .secondFactorEnrolled, actor: actor, at: moment, detail: "") { db in
            try db.execute(
                sql: """
                    INSERT INTO second_factor (login, secret) VALUES (?, ?)
                    ON CONFLICT (login) DO UPDATE SET secret = excluded.secret, last_counter = NULL
                    """,
                arguments: [login, secret])
        }
    }

    /// Removes `login`'s secret (whether one is required stays as it is), and journals it.
    /// - Throws: ``AccountError/unknown(login:)``; ``StoreError`` when the database cannot answer.
    public func remove(login: String, actor: String, at moment: Date) throws {
        try write(login, .secondFactorRemoved, actor: actor, at: moment, detail: "") { db in
            try db.execute(sql: "UPDATE second_factor SET secret = NULL, last_counter = NULL WHERE login = ?", arguments: [login])
        }
    }

    /// Requires a second factor of `login`, or no longer (`required`), and journals it.
    /// - Throws: ``AccountError/unknown(login:)``; ``StoreError`` when the database cannot answer.
    public func require(login: String, _ required: Bool, actor: String, at moment: Date) throws {
        try write(login, .secondFactorRequirement, actor: actor, at: moment, detail: required ? "required" : "optional") { db in
            try db.execute(
                sql: "INSERT INTO second_factor (login, required) VALUES (?, ?) ON CONFLICT (login) DO UPDATE SET required = excluded.required",
                arguments: [login, required])
        }
    }

    /// Records that the code of period `counter` signed `login` in, unless a code of that period or a
    /// later one already did: true when recorded (the code may sign in), false for a code used again.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func use(login: String, counter: Int64) throws -> Bool {
        try store.updating { db in
            try db.execute(
                sql: "UPDATE second_factor SET last_counter = ? WHERE login = ? AND secret IS NOT NULL AND (last_counter IS NULL OR last_counter < ?)",
                arguments: [counter, login, counter])
            return db.changesCount > 0
        }
    }

    private func write(
        _ login: String, _ kind: AccountEvent.Kind, actor: String, at moment: Date, detail: String, _ change: (Database) throws -> Void
    ) throws {
        try store.updating { db in
            guard try RegisterStore.account(login, db) != nil else { throw AccountError.unknown(login: login) }
            try change(db)
            try RegisterStore.journal(kind, login: login, actor: actor, at: moment, detail: detail, db)
        }
    }
}

extension RegisterStore {
    /// The local accounts' second factors.
    public var secondFactors: SecondFactors { SecondFactors(store: self) }
}
