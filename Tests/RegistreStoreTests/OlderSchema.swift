/// What migrations v14 and v15 (the printed sections and deadline sources kept) and v10 (requests of the people)
/// changed, undone, for the tests that take a database back to an older schema: the tables `printed_fr`,
/// `printed_en` and `deadline_source` dropped, `entity` rebuilt as v4 left it
/// (without the columns v5 added: add them back for a schema of v5 or later), its indexes made again, the index
/// on requests' controllers dropped, the migrations forgotten.
/// Foreign keys are off, so that dropping `entity` does not cascade to `field`.
/// Every schema before v10 is before v12 and v13 too: their changes are undone first
/// (`beforeControllerIDs`, `beforeRequestClocks`).
enum OlderSchema {
    /// What migration v17 made, undone: the second factors dropped, the migration forgotten.
    static let beforeSecondFactors = """
        DROP TABLE second_factor;
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v17:%';

        """

    /// What migration v16 made, undone: the parties' sort keys and their triggers, and the
    /// breaches' clocks dropped, the migration forgotten (and what came after it first).
    static let beforePartyNameKeys = beforeSecondFactors + """
        DROP TABLE breach_clock;
        DROP TRIGGER party_name_key_organisation_added;
        DROP TRIGGER party_name_key_organisation_renamed;
        DROP TRIGGER party_name_key_organisation_removed;
        DROP TRIGGER party_name_key_agreement_added;
        DROP TRIGGER party_name_key_agreement_renamed;
        DROP TRIGGER party_name_key_agreement_removed;
        DROP TRIGGER party_name_key_breach_added;
        DROP TRIGGER party_name_key_breach_renamed;
        DROP TRIGGER party_name_key_breach_removed;
        DROP TABLE party_name_key;
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v16:%';

        """

    /// What migration v13 made, undone: the requests' clocks dropped, the migration forgotten (and every
    /// later one's undone first).
    static let beforeRequestClocks = beforePartyNameKeys + """
        DROP TABLE request_clock;
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v13%';

        """

    /// What migrations v12 and v13 changed, undone: the index on activities' controllers on their value
    /// alone, as v2 made it, the migrations forgotten.
    static let beforeControllerIDs = beforeRequestClocks + """
        DROP INDEX activity_controller;
        CREATE INDEX activity_controller ON field (value) WHERE kind = 'activity' AND name = 'controller';
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v12%';

        """

    static let beforeRequests = beforeControllerIDs + """
        PRAGMA foreign_keys = OFF;
        DROP TABLE printed_fr;
        DROP TABLE printed_en;
        DROP TABLE deadline_source;
        DELETE FROM grdb_migrations WHERE identifier LIKE 'v14%' OR identifier LIKE 'v15%';
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
