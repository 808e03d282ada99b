import RegistreCore
import GRDB

/// The tables of the register of record, built by versioned migrations.
///
/// - `entity`: one row per entry of the register (its kind, id and position among its kind).
/// - `field`: one row per field of an entry, its value as canonical JSON.
/// - `journal`: every change ever made, append-only and hash-chained.
/// - `account`, `account_organisation`, `session`, `account_journal`: the desk's accounts, their open
///   sessions, and what was done to and with them (`Accounts/`).
/// - v4 admits review campaigns (`campaign`) among the kinds of `entity`.
/// - v5 keeps each entry's XML (`entity.fragment`, stamped `entity.fragment_version`) beside its fields.
/// - v6 indexes what the desk's lists sort and filter on (activities' names and statuses, their joint
///   controllers, breaches' controllers), so that a page of 50 rows never reads the whole register.
/// - v7 keeps the calendar feeds' tokens (`CalendarFeeds`).
/// - v8 keeps each entry's findings that do not move with the clock (`finding`, `FindingKeeper`).
/// - v9 indexes activities' names and ids by trigrams (`activity_text`, FTS5), for the lists' text filter.
/// - v10 admits the requests of the people (`request`) among the kinds of `entity`, and indexes their controllers.
/// - v11 keeps each activity's name as a list sorts it (`activity_name_key`, ``NameKey``) and indexes the
///   parties an activity's findings read (structures' members, agreements' parties, processor records).
/// - v12 indexes activities' controllers with their ids, so that a page of activities sorted by
///   organisation starts where the page before ended (`ListKey`).
/// - v13 keeps each request's clock of Art. 12(3) (`request_clock`, `RequestClockTable`), for the list of
///   requests paged, sorted and filtered by SQL, its clock states included.
/// - v14 keeps each activity's section of the printed register in each language (`printed_fr`,
///   `printed_en`, ``KeptPrintedText``) beside its fields, with the names of the parties it prints.
/// - v15 keeps which agreements and breaches may give a deadline (`deadline_source`, ``DeadlineSources``).
/// - v16 keeps the organisations' names and the agreements' and breaches' titles as their lists sort them
///   (`party_name_key`, `PartyNameKeys`), and each breach's clock of Art. 33(1) (`breach_clock`,
///   `BreachClockTable`), for the lists paged, sorted and filtered by SQL.
/// - v17 keeps each local account's second factor (`second_factor`, ``SecondFactors``): its TOTP secret,
///   whether an administrator requires one, and the last period whose code was used.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entities, fields, journal") { db in
            try db.execute(sql: """
                CREATE TABLE entity (
                    kind TEXT NOT NULL CHECK (kind IN (
                        'register', 'organisation', 'activity', 'processor-record', 'agreement',
                        'responsibility-matrix', 'audit', 'breach')),
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;

                CREATE TABLE field (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (kind, id, name),
                    FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
                ) WITHOUT ROWID;

                CREATE TABLE journal (
                    sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
                    fields TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE INDEX journal_entity ON journal (id, kind);

                -- The journal is append-only for everyone who goes through SQLite without dropping these;
                -- whoever drops them is caught by `registre verify`.
                CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: journal clock and system user") { db in
            // The time a change was written is the machine's (journal.recorded_at); the time the person
            // said it takes effect (--now) is kept beside it, and so is the OS account that wrote it.
            try db.execute(sql: """
                ALTER TABLE journal ADD COLUMN effective_at TEXT;
                ALTER TABLE journal ADD COLUMN system_user TEXT;
                -- Point writes: is an id used by any kind of entry, where does a new entry of a kind go.
                CREATE INDEX entity_id ON entity (id);
                CREATE INDEX entity_position ON entity (kind, position);
                -- Whose activities: the default controller, one organisation's register, a desk's page.
                CREATE INDEX activity_controller ON field (value) WHERE kind = 'activity' AND name = 'controller';
                """)
        }
        migrator.registerMigration("v3: desk accounts and sessions") { db in
            try AccountTables.create(db)
        }
        migrator.registerMigration("v4: review campaigns") { db in
            // A new kind of entry: SQLite cannot change a CHECK constraint, so `entity` is rebuilt (GRDB runs
            // migrations with foreign keys off, so dropping it does not cascade to `field`, whose reference
            // by name then finds the new table) and its indexes of v2 made again.
            try db.execute(sql: """
                CREATE TABLE entity_v4 (
                    kind TEXT NOT NULL CHECK (kind IN (
                        'register', 'organisation', 'activity', 'processor-record', 'agreement',
                        'responsibility-matrix', 'audit', 'breach', 'campaign')),
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;
                INSERT INTO entity_v4 (kind, id, position) SELECT kind, id, position FROM entity;
                DROP TABLE entity;
                ALTER TABLE entity_v4 RENAME TO entity;
                CREATE INDEX entity_id ON entity (id);
                CREATE INDEX entity_position ON entity (kind, position);
                """)
        }
        migrator.registerMigration("v5: each entry's XML beside its fields") { db in
            // Derived data, not a record: written with the fields in the same transaction, never journaled,
            // checked by `verify` against the fields. Entries written before this migration have none and
            // export renders them from their fields.
            try db.execute(sql: """
                ALTER TABLE entity ADD COLUMN fragment BLOB;
                ALTER TABLE entity ADD COLUMN fragment_version INTEGER;
                """)
        }
        migrator.registerMigration("v6: the desk's lists from indexes") { db in
            // Partial indexes on `field`, kept by SQLite itself on every write (nothing derived to keep up):
            // a list sorted by name walks `activity_name` and stops after its page; an account's activities
            // are found through `activity_controller` (v2) and, for those it controls jointly, through the
            // few activities that have joint controllers at all.
            try db.execute(sql: """
                CREATE INDEX activity_name ON field (value, id) WHERE kind = 'activity' AND name = 'name';
                CREATE INDEX activity_status ON field (value, id) WHERE kind = 'activity' AND name = 'status';
                CREATE INDEX activity_joint ON field (id) WHERE kind = 'activity' AND name = 'jointControllers' AND value != '[]';
                CREATE INDEX breach_controller ON field (value, id) WHERE kind = 'breach' AND name = 'controller';
                """)
        }
        migrator.registerMigration("v7: calendar feeds") { db in
            try CalendarFeeds.createTable(db)
        }
        migrator.registerMigration("v8: the findings kept beside the entries") { db in
            // Derived data, like the kept XML: each entry's findings of `check` that do not move with the
            // clock (and an activity's review, with the moment it falls due), one row per organisation
            // whose register holds the entry, written in the transaction of every change that moves them
            // (`FindingKeeper`), compared by `verify`. Filled here from the entries for an older database.
            try db.execute(sql: """
                CREATE TABLE finding (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
                    organisation TEXT NOT NULL,
                    due TEXT,
                    FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
                );
                CREATE INDEX finding_entry ON finding (kind, id);
                CREATE INDEX finding_organisation ON finding (organisation, severity, due);
                -- The activities that engage a processor: whose findings a change of that processor moves.
                CREATE INDEX activity_processors ON field (id) WHERE kind = 'activity' AND name = 'processors' AND value != '[]';
                -- Which rules judged them (`KeptFindingRules`): judged again when registre's rules change.
                CREATE TABLE finding_rules (version INTEGER NOT NULL);
                """)
            try FindingKeeper.judgeEverything(db)
            try KeptFindingRules.stamp(db)
        }
        migrator.registerMigration("v9: activities found by any part of their name or id") { db in
            // A text filter over 100,000 names was a LIKE on every one. SQLite's FTS5 with the trigram
            // tokenizer answers "contains" from an index (three characters at least; case folded). Its
            // content is a plain table kept from `field` by triggers, so that every path that writes an
            // activity's name (import, point writes, campaigns, even the sqlite3 shell) keeps it in the same
            // transaction; the FTS index follows that table by the triggers SQLite's documentation gives for
            // external content. A value that is not JSON (written by hand: `verify` names it) is indexed as it is.
            try db.execute(sql: """
                CREATE TABLE activity_text_row (id TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
                CREATE VIRTUAL TABLE activity_text USING fts5(id, name, content = 'activity_text_row', tokenize = 'trigram');
                CREATE TRIGGER activity_text_added AFTER INSERT ON field WHEN new.kind = 'activity' AND new.name = 'name'
                BEGIN INSERT INTO activity_text_row (id, name) VALUES (new.id, iif(json_valid(new.value), json_extract(new.value, '$'), new.value)); END;
                CREATE TRIGGER activity_text_renamed AFTER UPDATE OF value ON field WHEN new.kind = 'activity' AND new.name = 'name'
                BEGIN UPDATE activity_text_row SET name = iif(json_valid(new.value), json_extract(new.value, '$'), new.value) WHERE id = new.id; END;
                CREATE TRIGGER activity_text_removed AFTER DELETE ON field WHEN old.kind = 'activity' AND old.name = 'name'
                BEGIN DELETE FROM activity_text_row WHERE id = old.id; END;
                CREATE TRIGGER activity_text_row_added AFTER INSERT ON activity_text_row
                BEGIN INSERT INTO activity_text (rowid, id, name) VALUES (new.rowid, new.id, new.name); END;
                CREATE TRIGGER activity_text_row_removed AFTER DELETE ON activity_text_row
                BEGIN INSERT INTO activity_text (activity_text, rowid, id, name) VALUES ('delete', old.rowid, old.id, old.name); END;
                CREATE TRIGGER activity_text_row_changed AFTER UPDATE ON activity_text_row
                BEGIN
                    INSERT INTO activity_text (activity_text, rowid, id, name) VALUES ('delete', old.rowid, old.id, old.name);
                    INSERT INTO activity_text (rowid, id, name) VALUES (new.rowid, new.id, new.name);
                END;
                INSERT INTO activity_text_row (id, name)
                SELECT id, iif(json_valid(value), json_extract(value, '$'), value) FROM field WHERE kind = 'activity' AND name = 'name';
                """)
        }
        migrator.registerMigration("v10: requests of the people") { db in
            // Requests of the people (issue 27), a new kind of entry: `entity` is rebuilt as v4 rebuilt it
            // (its columns of v5 kept), and a partial index finds a controller's requests.
            try db.execute(sql: """
                CREATE TABLE entity_v10 (
                    kind TEXT NOT NULL CHECK (kind IN (
                        'register', 'organisation', 'activity', 'processor-record', 'agreement',
                        'responsibility-matrix', 'audit', 'breach', 'campaign', 'request')),
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    fragment BLOB,
                    fragment_version INTEGER,
                    PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;
                INSERT INTO entity_v10 (kind, id, position, fragment, fragment_version)
                SELECT kind, id, position, fragment, fragment_version FROM entity;
                DROP TABLE entity;
                ALTER TABLE entity_v10 RENAME TO entity;
                CREATE INDEX entity_id ON entity (id);
                CREATE INDEX entity_position ON entity (kind, position);
                CREATE INDEX request_controller ON field (value, id) WHERE kind = 'request' AND name = 'controller';
                """)
        }
        migrator.registerMigration("v11: names sorted without case or accents, parties found by what they name") { db in
            // A list sorted by name walked the index on the JSON text: "École" came after "Zèbre". The key
            // (`NameKey`) is kept by triggers, in the transaction of every write of a name whoever makes it,
            // and indexed with the id, so that a page sorted by name, or the names beginning with a short
            // text, are read from the index at any size of register.
            let name = "iif(json_valid(new.value), json_extract(new.value, '$'), new.value)"
            let keep = NameKey.sql(id: "new.id", name: name).joined(separator: "\n    ")
            try db.execute(sql: """
                CREATE TABLE activity_name_key (id TEXT NOT NULL PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
                CREATE INDEX activity_name_order ON activity_name_key (key, id);
                CREATE TRIGGER activity_name_key_added AFTER INSERT ON field WHEN new.kind = 'activity' AND new.name = 'name'
                BEGIN
                    \(keep)
                END;
                CREATE TRIGGER activity_name_key_renamed AFTER UPDATE OF value ON field WHEN new.kind = 'activity' AND new.name = 'name'
                BEGIN
                    \(keep)
                END;
                CREATE TRIGGER activity_name_key_removed AFTER DELETE ON field WHEN old.kind = 'activity' AND old.name = 'name'
                BEGIN DELETE FROM activity_name_key WHERE id = old.id; END;
                INSERT INTO activity_name_key (id, key)
                SELECT id, \(NameKey.lowered("iif(json_valid(value), json_extract(value, '$'), value)")) FROM field WHERE kind = 'activity' AND name = 'name';
                \(NameKey.foldingStatements(where: "1").joined(separator: "\n"))
                -- What the findings of one activity read besides it (`FindingKeeper`): the structures its
                -- organisations belong to, the agreements and processor records between them.
                CREATE INDEX organisation_members ON field (id) WHERE kind = 'organisation' AND name = 'members' AND value != '[]';
                CREATE INDEX agreement_processor ON field (value) WHERE kind = 'agreement' AND name = 'processor';
                CREATE INDEX agreement_controllers ON field (id) WHERE kind = 'agreement' AND name = 'controllers';
                CREATE INDEX agreement_subprocessors ON field (id) WHERE kind = 'agreement' AND name = 'subProcessors' AND value != '[]';
                CREATE INDEX record_parties ON field (value) WHERE kind = 'processor-record' AND name IN ('controller', 'processor');
                """)
        }
        migrator.registerMigration("v12: activities' controllers indexed with their ids") { db in
            // A page of the activities sorted by organisation, asked after the last row of the page before
            // (its controller and id, `ListKey`), is a range of this index read in order: by (value) alone,
            // SQLite sorted each organisation's activities to find where the page begins. The same name, so
            // that every query told `INDEXED BY activity_controller` keeps it (a lookup by controller reads
            // the first column as before).
            try db.execute(sql: """
                DROP INDEX activity_controller;
                CREATE INDEX activity_controller ON field (value, id) WHERE kind = 'activity' AND name = 'controller';
                """)
        }
        migrator.registerMigration("v13: requests' clocks kept for the lists") { db in
            // The list of requests is paged by SQL (`RequestClockTable`): each request's last day and the
            // instants its state changes at, kept in the transaction of every change that moves them.
            try db.execute(sql: RequestClockTable.creation)
            let parties = try FindingKeeper.parties(db)
            try StoredEntryCursor.within(db, RegisterStore.queries([.request]), explain: { $0 }) { cursor in
                while let entry = try cursor.next() {
                    guard case .request(let request) = entry else { continue }
                    try RequestClockTable.keep(request, amongParties: parties, db)
                }
            }
        }
        migrator.registerMigration("v14: each activity's printed section beside its fields") { db in
            // Derived data, like the kept XML: written with the activity's fields in the same transaction,
            // never journaled, checked by `verify`; `export --format text` copies it instead of reading the
            // activity's fields back and laying it out again. Its parties' names are kept with it: a section
            // whose party has been renamed since is printed again from the fields. Activities written before
            // this migration have none until they are written again (an import of the same file keeps them).
            // One table per language, so that a printed register in one language reads only its own
            // sections (interleaved, a French export read the English sections' pages too).
            for language in ["fr", "en"] {
                try db.execute(sql: """
                    CREATE TABLE printed_\(language) (
                        kind TEXT NOT NULL CHECK (kind = 'activity'),
                        id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        parties BLOB NOT NULL,
                        text BLOB NOT NULL,
                        PRIMARY KEY (kind, id),
                        FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
                    );
                    """)
            }
        }
        migrator.registerMigration("v15: the agreements and breaches a deadline may come from") { db in
            // Derived data, like the kept findings: which agreements and breaches may give a deadline
            // (`DeadlineSchedule.mayGiveDeadline`), written in the transaction of every write of one,
            // checked by `verify`; `deadlines` reads only those. Filled here from the entries.
            try db.execute(sql: """
                CREATE TABLE deadline_source (
                    kind TEXT NOT NULL CHECK (kind IN ('agreement', 'breach')),
                    id TEXT NOT NULL,
                    PRIMARY KEY (kind, id),
                    FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
                ) WITHOUT ROWID;
                """)
            try DeadlineSources.judgeEverything(db)
        }
        migrator.registerMigration("v16: the parties' names sorted, the breaches' clocks kept for the lists") { db in
            // Derived data, like the activities' keys (v11) and the requests' clocks (v13), checked by
            // `verify`: the organisations' names and the agreements' and breaches' titles as their lists sort
            // them, kept by triggers whoever writes them (`PartyNameKeys`); each breach's 72-hour clock, kept
            // with every change of a party (`BreachClockTable`). Filled here from the entries.
            try db.execute(sql: PartyNameKeys.creation)
            try db.execute(sql: BreachClockTable.creation)
            try BreachClockTable.keepEvery(in: FindingKeeper.parties(db), db)
        }
        migrator.registerMigration("v17: second factors of local accounts") { db in
            try SecondFactors.createTable(db)
        }
        return migrator
    }
}
