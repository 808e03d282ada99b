import Hummingbird
import RegistreCore

/// "Save and add 3 rows", without JavaScript: a table of a form (purposes, categories, transfers…) has a
/// submit button `more=<table>` beside its rows. The form is saved as by its main button (same checks,
/// same version), then the entry's page comes back (`?saved&more=<table>`) with three more empty rows in
/// that table, which saving ignores while they stay empty.
enum MoreRows {
    /// How many rows a table asks for at once, beyond its one empty row.
    static let added = 3

    private struct Field: Decodable { var more: String? }

    /// The table whose button sent `form`, if it is one of `tables`.
    static func requested(_ form: FormBody, among tables: Set<String>) -> String? {
        ((try? form.decode(Field.self))?.more).flatMap { tables.contains($0) ? $0 : nil }
    }

    /// The table the page's address asks three more rows for, if it is one of `tables`.
    static func shown(_ request: Request, among tables: Set<String>) -> String? {
        request.uri.queryParameters.get("more").map { String($0) }.flatMap { tables.contains($0) ? $0 : nil }
    }

    /// The empty rows a table of `rows` rows shows: one while it is empty (a new entry's form is filled in
    /// directly), none once it has rows (each empty row is one more stop of the Tab key: the button adds
    /// them), and three more when it is the table asked for.
    static func empties(_ table: String, rows: Int, more: String?) -> Int { (rows == 0 ? 1 : 0) + (table == more ? added : 0) }

    /// Where a save sends the browser: the entry's page at `path`, which says it was saved; with `more`,
    /// the rows asked for, the page scrolled to `anchor` (the table's element).
    static func saved(to path: String, more: String?, anchor: String? = nil) -> Response {
        guard let more else { return Page.saved(to: path) }
        return Page.redirect(to: "\(path)?saved&more=\(more)#\(anchor ?? more + "-field")")
    }

    /// The label of the button that saves and adds rows to a table named `name`.
    static func label(_ name: LocalizedText, _ language: Language) -> String {
        LocalizedText(fr: "Enregistrer et ajouter 3 lignes (\(name.fr))", en: "Save and add 3 rows (\(name.en))")[language]
    }
}
