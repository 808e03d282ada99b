import GRDB

/// The tables of the desk's accounts, beside the register's in the same file so that one backup keeps
/// both. They are not part of the register: `verify` replays the `journal` table alone, and account
/// events go to their own append-only `account_journal`.
enum AccountTables {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account (
                login TEXT PRIMARY KEY NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'dpo', 'reader')),
                password_hash TEXT NOT NULL,
                created_at TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE account_organisation (
                login TEXT NOT NULL REFERENCES account (login) ON DELETE CASCADE,
                organisation TEXT NOT NULL,
                PRIMARY KEY (login, organisation)
            ) WITHOUT ROWID;

            -- Only a hash of the session token is kept: whoever reads the file cannot take over a session.
            CREATE TABLE session (
                token_hash TEXT PRIMARY KEY NOT NULL,
                login TEXT NOT NULL REFERENCES account (login) ON DELETE CASCADE,
                csrf TEXT NOT NULL,
                started_at REAL NOT NULL,
                expires_at REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX session_login ON session (login);

            CREATE TABLE account_journal (
                sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
                recorded_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                event TEXT NOT NULL,
                login TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            );
            CREATE TRIGGER account_journal_no_update BEFORE UPDATE ON account_journal
            BEGIN SELECT RAISE(ABORT, 'the account journal is append-only'); END;
            CREATE TRIGGER account_journal_no_delete BEFORE DELETE ON account_journal
            BEGIN SELECT RAISE(ABORT, 'the account journal is append-only'); END;
            """)
    }
}
