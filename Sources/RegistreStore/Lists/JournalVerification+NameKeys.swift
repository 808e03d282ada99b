import GRDB
import RegistreCore

extension JournalVerification {
    /// The names' sort keys (`activity_name_key`, migration v10) compared with the names they are kept
    /// from: triggers keep them whoever writes a name, but a row changed or deleted with the sqlite3 shell
    /// would put an activity out of its place in every list, or out of the lists, while everything else
    /// verifies. Each key is computed again by Swift (``NameKey/key(_:)``, the same fold as the triggers'
    /// SQL). A database of an older schema, read as it is, keeps none.
    mutating func checkNameKeys(_ db: Database) throws {
        guard try db.tableExists("activity_name_key") else { return }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.id AS id, iif(json_valid(f.value), json_extract(f.value, '$'), f.value) AS name, k.key AS key
            FROM field f LEFT JOIN activity_name_key k ON k.id = f.id
            WHERE f.kind = 'activity' AND f.name = 'name'
            """)
        while let row = try rows.next() {
            let id: String = row["id"], name: String = row["name"] ?? ""
            guard let key: String = row["key"] else {
                report(LocalizedText(
                    fr: "clés de tri : l'activité \(id) n'en a pas dans la table activity_name_key : changée hors de registre",
                    en: "sort keys: activity \(id) has none in the table activity_name_key: changed outside registre"))
                continue
            }
            guard key != NameKey.key(name) else { continue }
            report(LocalizedText(
                fr: "clés de tri : celle de l'activité \(id) ne vient pas de son nom : changée hors de registre",
                en: "sort keys: activity \(id)'s does not come from its name: changed outside registre"))
        }
        let orphans = try String.fetchAll(db, sql: """
            SELECT id FROM activity_name_key k
            WHERE NOT EXISTS (SELECT 1 FROM field f WHERE f.kind = 'activity' AND f.id = k.id AND f.name = 'name')
            ORDER BY id
            """)
        for id in orphans {
            report(LocalizedText(
                fr: "clés de tri : \(id) n'est pas une activité du registre mais a une clé dans la table activity_name_key",
                en: "sort keys: \(id) is not an activity of the register but has a key in the table activity_name_key"))
        }
    }
}
