import RegistreCore
import RegistreXML

/// What the CSV parser (CSV.swift) lets through without a word, and a Madis export never holds: a quote
/// opened and never closed (the parser reads everything after it, other rows included, into one field),
/// text after a field's closing quote (the parser drops a character of it), and control characters (a
/// NUL would end the value where it is written as XML; the others have no place in a register's text).
///
/// It only looks, in one pass over the text and without copying it: the parser still reads the fields.
/// Each problem is located by physical line and by field, as a spreadsheet's column would be.
enum MadisCSVCheck {
    /// The problems of `text` (the export without its byte-order mark), at most `limit` of them, with how
    /// many more there were.
    static func problems(in text: String, name: String, limit: Int = 50) -> (found: [XMLDiagnostic], omitted: Int) {
        var scan = Scan(name: name, limit: limit)
        for scalar in text.unicodeScalars { scan.consume(scalar) }
        scan.finish()
        return (scan.found, scan.omitted)
    }

    private struct Scan {
        enum State {
            /// At the start of a field: a quote here opens a quoted field.
            case fieldStart
            /// In a field that did not start with a quote: quotes are text.
            case unquoted
            /// In a quoted field: only a quote can end it.
            case quoted
            /// Just after a quote in a quoted field: a second quote is an escaped one; a delimiter or a line
            /// end closes the field; anything else is text after the closing quote.
            case quoteInQuoted
        }

        let name: String
        let limit: Int
        var found: [XMLDiagnostic] = []
        var omitted = 0
        var state = State.fieldStart
        var line = 1
        var field = 1
        /// Where the quoted field being read opened.
        var opened = (line: 1, field: 1)
        /// A carriage return was the last scalar: a line feed after it ends no second line.
        var afterCarriageReturn = false

        init(name: String, limit: Int) {
            self.name = name
            self.limit = limit
        }

        var place: (fr: String, en: String) {
            let column = Spreadsheet.columnName(field - 1)
            return ("champ \(field) (colonne \(column))", "field \(field) (column \(column))")
        }

        mutating func report(line: Int, fr: String, en: String) {
            guard found.count < limit else { omitted += 1; return }
            found.append(XMLDiagnostic(file: name, line: line, LocalizedText(fr: fr, en: en)))
        }

        mutating func consume(_ scalar: Unicode.Scalar) {
            let lineFeedOfCRLF = afterCarriageReturn && scalar == "\n"
            afterCarriageReturn = scalar == "\r"
            if lineFeedOfCRLF { return }
            let lineEnd = scalar == "\r" || scalar == "\n"
            if Self.isRefused(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                report(line: line,
                       fr: "\(place.fr) : caractère de contrôle \(code) interdit (une valeur n'est jamais tronquée ni nettoyée en silence)",
                       en: "\(place.en): control character \(code) not allowed (a value is never cut short or cleaned silently)")
            }
            switch state {
            case .fieldStart, .unquoted:
                if scalar == "\"" && state == .fieldStart {
                    state = .quoted
                    opened = (line, field)
                } else if scalar == ";" {
                    nextField()
                } else if lineEnd {
                    nextLine()
                } else {
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .quoteInQuoted } else if lineEnd { line += 1 }
            case .quoteInQuoted:
                if scalar == "\"" {
                    state = .quoted
                } else if scalar == ";" {
                    nextField()
                } else if lineEnd {
                    nextLine()
                } else if opened.line != line {
                    // Most likely a quote never closed on its own line, closed by the next field's opening.
                    let column = Spreadsheet.columnName(opened.field - 1)
                    report(line: opened.line,
                           fr: "champ \(opened.field) (colonne \(column)) : le guillemet qui l'ouvre ne se ferme pas sur sa ligne (un guillemet le ferme ligne \(line), suivi de texte)",
                           en: "field \(opened.field) (column \(column)): the quote that opens it does not close on its line (a quote closes it on line \(line), followed by text)")
                    state = .unquoted
                } else {
                    report(line: line,
                           fr: "\(place.fr) : du texte suit le guillemet qui ferme le champ ; un guillemet dans un champ s'écrit doublé (\"\")",
                           en: "\(place.en): text follows the quote that closes the field; a quote inside a field is written twice (\"\")")
                    state = .unquoted
                }
            }
        }

        mutating func nextField() {
            field += 1
            state = .fieldStart
        }

        mutating func nextLine() {
            line += 1
            field = 1
            state = .fieldStart
        }

        mutating func finish() {
            guard state == .quoted else { return }
            let column = Spreadsheet.columnName(opened.field - 1)
            report(line: opened.line,
                   fr: "champ \(opened.field) (colonne \(column)) : le guillemet qui l'ouvre ne se ferme jamais ; tout ce qui suit serait lu comme ce seul champ",
                   en: "field \(opened.field) (column \(column)): the quote that opens it never closes; everything after it would be read as this one field")
        }

        /// The characters registre's XML reader refuses in any text (see the reader's character rules):
        /// control characters but tab and line breaks, DEL and the C1 controls.
        static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00..<0x20, 0x7F...0x9F: true
            default: false
            }
        }
    }
}
