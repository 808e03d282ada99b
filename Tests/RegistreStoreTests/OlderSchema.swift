/// What migrations v12 (the printed sections kept) and v10 (requests of the people) changed, undone, for the tests
/// that take a database back to an older schema: the tables `printed_fr`, `printed_en` and `deadline_source` dropped, `entity` rebuilt as v4 left it
/// (without the columns v5 added: add them back for a schema of v5 or later), its indexes made again, the index
/// on requests' controllers dropped, the migrations forgotten.
/// Foreign keys are off, so that dropping `entity` does not cascade to `field`.
enum OlderSchema {
    static let beforeRequests = """
        PRAGMA foreign_keys = OFF;
        DROP TABLE printed_fr;
        DROP TABLE printed_en;
        DROP TABLE deadline_source;
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v12%';
        DROP INDEX request_controller;
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
        DELETE FROM grdb_migrations WHERE identifier = 'v10: requests of the people';

        """
}
