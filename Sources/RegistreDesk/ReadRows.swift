import RegistreCore

/// A form's view read as a page, for an account that may read the entry but not change it: each field
/// named by its label, with what is recorded in words — the selected option of a list, the ticked boxes,
/// the text typed, the rows filled — or "not recorded". The same view the form shows, so the page never
/// says something the form would not.
enum ReadRows {
    /// One field: its label and its values (none: not recorded).
    struct Field {
        let key: String
        let label: String
    }

    /// The fields of `view` named in `fields`, in their order, as rows `label` / `values` for a `<dl>`.
    static func rows(_ view: [String: Any], _ fields: [Field], language: Language) -> [[String: Any]] {
        fields.map { field -> [String: Any] in
            let values = values(view[field.key])
            return ["label": field.label, "values": values.isEmpty ? [ActivityReadView.notRecorded[language]] : values]
        }
    }

    /// What one value of a form's view says: a text; the rows of repeated inputs (`value`) that are
    /// filled; the option `selected` (its label, or its value when it has none); the boxes `checked`
    /// (their label or name); yes for a ticked single box.
    static func values(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            return text.isEmpty ? [] : [text]
        case let rows as [[String: Any]]:
            if rows.contains(where: { $0["selected"] != nil }) {
                // The option "not recorded" (an empty value) says nothing recorded.
                return rows.filter { row in row["selected"] as? Bool == true && (row["value"] as? String)?.isEmpty != true }
                    .compactMap { row in (row["label"] ?? row["value"]) as? String }
            }
            if rows.contains(where: { $0["checked"] != nil }) {
                return rows.filter { row in row["checked"] as? Bool == true }.compactMap { row in (row["label"] ?? row["name"]) as? String }
            }
            return rows.compactMap { row in row["value"] as? String }.filter { !$0.isEmpty }
        default:
            return []
        }
    }
}
