import GRDB
import RegistreCore

extension JournalVerification {
    /// The names the trigram index finds activities by (`activity_text_row`, migration v9, the content of
    /// the index `activity_text`) compared with the names they are kept from: triggers keep them whoever
    /// writes a name, but a row changed or deleted with the sqlite3 shell would make a list's text filter
    /// find an activity by a name it does not have, or not at all, while everything else verifies. (The
    /// index over them is SQLite's own, rebuilt from these rows by `INSERT INTO activity_text(activity_text)
    /// VALUES ('rebuild')`; its check is a write, which `verify` never makes.) A database of an older
    /// schema, read as it is, keeps none.
    mutating func checkActivityText(_ db: Database) throws {
        guard try db.tableExists("activity_text_row") else { return }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.id AS id, iif(json_valid(f.value), json_extract(f.value, '$'), f.value) AS name, t.name AS kept
            FROM field f LEFT JOIN activity_text_row t ON t.id = f.id
            WHERE f.kind = 'activity' AND f.name = 'name'
            """)
        while let row = try rows.next() {
            let id: String = row["id"], name: String? = row["name"], kept: String? = row["kept"]
            guard kept != name else { continue }
            report(kept == nil
                ? LocalizedText(
                    fr: "index du texte : l'activité \(id) n'a pas de ligne dans la table activity_text_row : changée hors de registre",
                    en: "text index: activity \(id) has no row in the table activity_text_row: changed outside registre")
                : LocalizedText(
                    fr: "index du texte : le nom de l'activité \(id) dans la table activity_text_row n'est pas le sien : changé hors de registre",
                    en: "text index: activity \(id)'s name in the table activity_text_row is not its own: changed outside registre"))
        }
        let orphans = try String.fetchAll(db, sql: """
            SELECT id FROM activity_text_row t
            WHERE NOT EXISTS (SELECT 1 FROM field f WHERE f.kind = 'activity' AND f.id = t.id AND f.name = 'name')
            ORDER BY id
            """)
        for id in orphans {
            report(LocalizedText(
                fr: "index du texte : \(id) n'est pas une activité du registre mais a une ligne dans la table activity_text_row",
                en: "text index: \(id) is not an activity of the register but has a row in the table activity_text_row"))
        }
    }
}
