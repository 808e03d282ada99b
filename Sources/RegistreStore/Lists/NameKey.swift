import RegistreCore

/// The key a list sorts names on, as a French reader expects them ordered: letters compared without
/// their case or accents ("École" with the E, not after "Zèbre"; "Œuvre" as "oeuvre"), then by id.
///
/// The same key is computed in two places that must agree: by SQL, in the triggers that keep the table
/// `activity_name_key` (migration v10) in the transaction of every write of an activity's name, whoever
/// writes it (import, point writes, the sqlite3 shell), and by Swift, for the lists held in memory (the
/// organisations) and for the text a list is filtered by. Hence a fold of its own, one character for
/// one or two letters, rather than a collation SQLite would need registered on every connection: the
/// Latin letters of the languages of the Union (Latin-1 and Latin Extended-A) and the combining accents
/// lose their accent and case; any other letter is kept as it is (the ASCII capitals lowered).
public enum NameKey {
    /// Each folded letter and the letters that fold to it.
    static let foldings: [(folded: String, letters: String)] = [
        ("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"), ("ae", "æÆ"), ("c", "çćĉċčÇĆĈĊČ"), ("d", "ďđĎĐ"),
        ("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ"), ("g", "ĝğġģĜĞĠĢ"), ("h", "ĥħĤĦ"), ("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"),
        ("j", "ĵĴ"), ("k", "ķĶ"), ("l", "ĺļľŀłĹĻĽĿŁ"), ("n", "ñńņňÑŃŅŇ"), ("o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ"),
        ("oe", "œŒ"), ("r", "ŕŗřŔŖŘ"), ("s", "śŝşšŚŜŞŠ"), ("ss", "ß"), ("t", "ţťŧŢŤŦ"),
        ("u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"), ("w", "ŵŴ"), ("y", "ýÿŷÝŸŶ"), ("z", "źżžŹŻŽ"),
        // Accents written apart from their letter (a name typed in decomposed form).
        ("", "\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0306}\u{0307}\u{0308}\u{030A}\u{030B}\u{030C}\u{0327}\u{0328}"),
    ]

    private static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for (folded, letters) in foldings {
            for scalar in letters.unicodeScalars { table[scalar] = folded }
        }
        return table
    }()

    /// The sort key of `name`.
    /// - Parameter name: a name as the register holds it.
    /// - Returns: its letters without case or accent, as the SQL of the triggers computes it.
    public static func key(_ name: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x41 && scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 0x20) {
                key.append(lower)
            } else if let folded = table[scalar] {
                key.append(contentsOf: folded.unicodeScalars)
            } else {
                key.append(scalar)
            }
        }
        return String(key)
    }

    /// The SQL statements that make `key` the key of the name `name` gives, for the activity `id` gives,
    /// in the table `activity_name_key`: the name with its ASCII capitals lowered, then, for a name that
    /// still holds anything but printable ASCII (few do), each folded letter replaced, twenty at a time
    /// (SQLite's parser takes about thirty nested calls). Core functions only: usable in a trigger, and
    /// by the sqlite3 shell.
    /// - Parameters:
    ///   - id: an SQL expression giving the activity's id.
    ///   - name: an SQL expression giving its name.
    /// - Returns: the statements, each ending with a semicolon.
    static func sql(id: String, name: String) -> [String] {
        // Deleted and inserted: an `OR REPLACE` in a trigger yields to the conflict policy of the statement that
        // fired it (the store's upsert of a field).
        [
            "DELETE FROM activity_name_key WHERE id = \(id);",
            "INSERT INTO activity_name_key (id, key) VALUES (\(id), \(replacing(capitals[..<13], in: name)));",
        ]
            + foldingStatements(where: "id = \(id)")
    }

    /// The same statements for an entry of `kind` in the table `party_name_key` (kind, id, key): the
    /// organisations' names, the agreements' and breaches' titles (``PartyNameKeys``).
    static func sql(kind: EntityKind, id: String, name: String) -> [String] {
        let row = "kind = '\(kind.rawValue)' AND id = \(id)"
        return [
            "DELETE FROM party_name_key WHERE \(row);",
            "INSERT INTO party_name_key (kind, id, key) VALUES ('\(kind.rawValue)', \(id), \(replacing(capitals[..<13], in: name)));",
        ]
            + foldingStatements(where: row, table: "party_name_key")
    }

    /// The statements that fold the keys `condition` selects in `table`, whose first thirteen ASCII
    /// capitals are lowered already: the other capitals, then the folded letters on the keys that still
    /// hold anything but printable ASCII.
    static func foldingStatements(where condition: String, table: String = "activity_name_key") -> [String] {
        let letters = Self.table.sorted { $0.key.value < $1.key.value }.map { (String($0.key), $0.value) }
        let folding = stride(from: 0, to: letters.count, by: 20).map { start in
            "UPDATE \(table) SET key = \(replacing(letters[start..<min(start + 20, letters.count)], in: "key")) WHERE \(condition) AND key GLOB '*[^ -~]*';"
        }
        return ["UPDATE \(table) SET key = \(replacing(capitals[13...], in: "key")) WHERE \(condition) AND key GLOB '*[N-Z]*';"] + folding
    }

    /// The capitals of ASCII and their small letters: SQLite's `lower()` lowers these only, unless it was
    /// built with ICU, so they are spelled out and the key is the same whatever SQLite computes it.
    private static let capitals: [(String, String)] = (UInt32(0x41)...0x5A).compactMap { value in
        guard let capital = Unicode.Scalar(value), let small = Unicode.Scalar(value + 0x20) else { return nil }
        return (String(capital), String(small))
    }

    /// `expression` with each of `pairs` replaced, as nested `replace` calls.
    private static func replacing(_ pairs: some Sequence<(String, String)>, in expression: String) -> String {
        pairs.reduce(expression) { "replace(\($0), '\($1.0)', '\($1.1)')" }
    }

    /// The name with its first thirteen ASCII capitals lowered (`foldingStatements(where:)` does the
    /// rest), as SQL.
    static func lowered(_ expression: String) -> String { replacing(capitals[..<13], in: expression) }

    /// The smallest text greater than every key that begins with `prefix`: `key >= prefix AND key < end`
    /// walks an index on keys from `prefix` to the last key it begins.
    static func end(ofPrefix prefix: String) -> String { prefix + "\u{10FFFF}" }
}
