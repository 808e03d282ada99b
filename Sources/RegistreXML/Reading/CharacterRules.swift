import RegistreCore

/// The characters a register's text may hold, beyond what XML 1.0 already forbids: no control
/// character but tab, line feed and carriage return anywhere (XML 1.0 lets DEL, U+0080–U+009F and a
/// carriage return written `&#13;` through, and a terminal obeys them), and no line break at all in a
/// single-line field, so that a value can never start a line of its own in a report or a list.
///
/// Single-line: every attribute (ids, references, enumerations, notification references) and the
/// elements that name or label something (`singleLineElements`). Texts that are prose (descriptions,
/// purposes, addresses, measures, consequences, clauses…) may hold line breaks.
enum CharacterRules {
    static let singleLineElements: Set<String> = [
        "title", "name", "label", "role", "email", "phone", "country", "time-zone", "identifier", "reference",
        "service", "agreement", "application", "auditor", "certification", "recipient", "data-subject",
        "data-category", "data-type", "processing-category", "international-organisation", "event",
        "data-subject-category",
    ]

    /// The first character not allowed in `text`, and how many characters come before it.
    static func firstRefused(in text: String, singleLine: Bool) -> (offset: Int, scalar: Unicode.Scalar)? {
        var offset = 0
        for scalar in text.unicodeScalars {
            if isRefused(scalar, singleLine: singleLine) { return (offset, scalar) }
            offset += 1
        }
        return nil
    }

    static func isRefused(_ scalar: Unicode.Scalar, singleLine: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A, 0x0D, 0x2028, 0x2029: singleLine
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
    }

    /// "U+001B".
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// What is said of a refused character in `field` ("organisation/name", "breach@id").
    static func message(_ scalar: Unicode.Scalar, field: String, singleLine: Bool) -> LocalizedText {
        let code = code(scalar)
        if singleLine, [0x0A, 0x0D, 0x2028, 0x2029].contains(scalar.value) {
            return LocalizedText(
                fr: "\(field) : saut de ligne (\(code)) interdit, ce champ tient sur une ligne",
                en: "\(field): line break (\(code)) not allowed, this field is a single line")
        }
        return LocalizedText(
            fr: "\(field) : caractère de contrôle \(code) interdit (seuls la tabulation et les sauts de ligne sont admis dans un texte)",
            en: "\(field): control character \(code) not allowed (only tab and line breaks may appear in text)")
    }
}
