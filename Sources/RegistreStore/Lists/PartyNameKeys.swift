import GRDB
import RegistreCore

/// The names of the parties as their lists sort them (`party_name_key`): each organisation's name and each
/// agreement's and breach's title, without case or accents (``NameKey``), indexed with their kind and id,
/// so that the list of organisations is paged, sorted and filtered by SQL at any number of organisations,
/// a page asked after the last row of the one before read from the index on (kind, key, id).
///
/// Kept by triggers, as the activities' keys are (`activity_name_key`), in the transaction of every write
/// of such a name whoever makes it (the desk, the CLI, an import, the sqlite3 shell); derived data, never
/// journaled, checked by `verify` (``JournalVerification``).
enum PartyNameKeys {
    /// The entries whose name is kept, and the field it is read from.
    static let named: [(kind: EntityKind, field: String)] = [(.organisation, "name"), (.agreement, "title"), (.breach, "title")]

    /// The table, its index and triggers, filled from the names the register holds (the migration).
    static let creation: String = {
        var statements = [
            "CREATE TABLE party_name_key (kind TEXT NOT NULL, id TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;",
            "CREATE INDEX party_name_order ON party_name_key (kind, key, id);",
        ]
        let name = "iif(json_valid(new.value), json_extract(new.value, '$'), new.value)"
        for (kind, field) in named {
            let keep = NameKey.sql(kind: kind, id: "new.id", name: name).joined(separator: "\n    ")
            let trigger = "party_name_key_\(kind.rawValue)"
            let when = "kind = '\(kind.rawValue)' AND %@.name = '\(field)'"
            statements += [
                "CREATE TRIGGER \(trigger)_added AFTER INSERT ON field WHEN new.\(when.replacing("%@", with: "new"))\nBEGIN\n    \(keep)\nEND;",
                "CREATE TRIGGER \(trigger)_renamed AFTER UPDATE OF value ON field WHEN new.\(when.replacing("%@", with: "new"))\nBEGIN\n    \(keep)\nEND;",
                """
                CREATE TRIGGER \(trigger)_removed AFTER DELETE ON field WHEN old.\(when.replacing("%@", with: "old"))
                BEGIN DELETE FROM party_name_key WHERE kind = '\(kind.rawValue)' AND id = old.id; END;
                """,
                """
                INSERT INTO party_name_key (kind, id, key)
                SELECT kind, id, \(NameKey.lowered("iif(json_valid(value), json_extract(value, '$'), value)")) FROM field
                WHERE kind = '\(kind.rawValue)' AND name = '\(field)';
                """,
            ]
        }
        return (statements + NameKey.foldingStatements(where: "1", table: "party_name_key")).joined(separator: "\n")
    }()
}

extension JournalVerification {
    /// The parties' sort keys (`party_name_key`) compared with the names they are kept from, as
    /// ``checkNameKeys(_:)`` does for the activities': a row changed, added or deleted with the sqlite3
    /// shell would put an organisation out of its place in its list, or out of it. A database of an older
    /// schema, read as it is, keeps none.
    mutating func checkPartyNameKeys(_ db: Database) throws {
        guard try db.tableExists("party_name_key") else { return }
        for (kind, field) in PartyNameKeys.named {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.id AS id, iif(json_valid(f.value), json_extract(f.value, '$'), f.value) AS name, k.key AS key
                FROM field f LEFT JOIN party_name_key k ON k.kind = f.kind AND k.id = f.id
                WHERE f.kind = ? AND f.name = ?
                """, arguments: [kind.rawValue, field])
            while let row = try rows.next() {
                let id: String = row["id"], name: String = row["name"] ?? "", key: String? = row["key"]
                guard key != NameKey.key(name) else { continue }
                report(LocalizedText(
                    fr: "clés de tri : celle de \(kind.named(id).fr) ne vient pas de son nom (table party_name_key) : changée hors de registre",
                    en: "sort keys: \(kind.named(id).en)'s does not come from its name (table party_name_key): changed outside registre"))
            }
        }
        let orphans = try Row.fetchAll(db, sql: """
            SELECT kind, id FROM party_name_key k
            WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.kind = k.kind AND e.id = k.id) ORDER BY kind, id
            """)
        for row in orphans {
            let kind: String = row["kind"], id: String = row["id"]
            report(LocalizedText(
                fr: "clés de tri : \(kind) \(id) n'est pas une entrée du registre mais a une clé dans la table party_name_key",
                en: "sort keys: \(kind) \(id) is not an entry of the register but has a key in the table party_name_key"))
        }
    }
}
