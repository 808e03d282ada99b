import Mustache

/// How a value of the register appears in a text report, so that no value can forge a line of it:
/// control characters, and the invisible characters that reorder or break a line, are shown as Swift
/// escapes (`\u{1B}`), and a value's own line breaks continue on lines indented under the start of its
/// text — past its label or bullet, and always deeper than the line's margin — so that a value never
/// starts a line where a label or a heading would.
///
/// The templates say `{{% CONTENT_TYPE: REPORT}}`: Mustache hands every `{{value}}` to `escape`, which
/// writes a value's line break as `lineBreak`; once the template is rendered, `layOut` turns each of
/// those into a line of its own. `lineBreak` is itself a control character, so no value can hold one
/// raw: any line break left in the rendered text comes from the template.
package enum ReportText {
    static let lineBreak: Character = "\u{1}"

    /// Touch before parsing a template.
    static let registered: Void = MustacheContentTypes.register(Escaping(), named: "REPORT")

    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { ReportText.escape(text) }
    }

    /// A value as a report shows it.
    static func escape(_ text: String, lineBreak: String = String(ReportText.lineBreak)) -> String {
        guard mayNeedEscape(text), text.unicodeScalars.contains(where: { needsEscape($0) }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                escaped.append(contentsOf: lineBreak.unicodeScalars)
            } else if needsEscape(scalar) {
                escaped.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// Whether `text` may hold a character that ``needsEscape(_:)`` names, seen in its bytes: a control
    /// (below 0x20, 0x7F), or the first byte of U+0080–U+00BF (C1 controls), of U+0600–U+063F (the
    /// Arabic letter mark) or of U+2000–U+2FFF (separators, marks and embeddings). Most values have none
    /// of these bytes and are handed back without being read as characters.
    static func mayNeedEscape(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Line and paragraph separators; the marks and embeddings that reorder a line's characters.
        case 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The rendered text with each value's line break made a line of its own, indented under the start
    /// of the value's text on the line it began on.
    static func layOut(_ rendered: String) -> String {
        // Searched as a byte: a control character is a character of its own, and the search by
        // characters costs the printed register dearly.
        guard rendered.utf8.contains(UInt8(ascii: "\u{1}")) else { return rendered }
        return rendered.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains(lineBreak) else { return String(line) }
            let parts = line.split(separator: lineBreak, omittingEmptySubsequences: false)
            let first = Array(parts[0])
            let margin = first.prefix { $0 == " " }.count
            let depth = min(max(TextWrapping.hangingIndent(of: first, width: TextWrapping.width), margin + 4), TextWrapping.width / 2)
            let indent = String(repeating: " ", count: depth)
            return ([String(parts[0])] + parts.dropFirst().map { $0.isEmpty ? "" : indent + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A value on one line of a listing (`breach list`): escaped, its line breaks shown as `\n`.
    package static func inline(_ value: String) -> String {
        escape(value, lineBreak: "\\n")
    }

    /// A value laid out as a block of its own (a title above a table): escaped, its lines indented,
    /// folded at the width of a page.
    static func block(_ text: String) -> String {
        TextWrapping.wrap(layOut(escape(text)))
    }
}
