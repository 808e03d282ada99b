/// A spreadsheet as OpenDocument holds it: named sheets of rows of cells. Cells read from a file keep
/// where they came from, so that a message can name `Feuille 3!C12`.
public struct Spreadsheet: Hashable, Sendable {
    /// One cell: the text it shows, and the date or formula behind it.
    public struct Cell: Hashable, Sendable {
        /// The text the cell shows, lines joined with "\n".
        public var text: String
        /// The ISO 8601 date (`YYYY-MM-DD`) of a date cell, whatever the text shows.
        public var date: String?
        /// The formula of a cell read from a file, never evaluated: `text` is what the file last showed.
        public var formula: String?

        /// A cell showing `text`, with the date or formula behind it.
        public init(_ text: String, date: String? = nil, formula: String? = nil) {
            self.text = text
            self.date = date
            self.formula = formula
        }

        /// A cell with nothing in it.
        public static let empty = Cell("")

        /// Whether the cell shows nothing and holds no date.
        public var isEmpty: Bool { text.isEmpty && date == nil }
    }

    /// A named sheet of rows of cells.
    public struct Sheet: Hashable, Sendable {
        /// The sheet's name, as its tab shows it.
        public var name: String
        /// Rows in order; `rows[r][c]` is the cell of row r + 1, column c + 1. Trailing empty cells and rows
        /// may be left out.
        public var rows: [[Cell]]

        /// A sheet named `name` holding `rows`.
        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }

        /// The cell at zero-based `row` and `column`, or an empty cell beyond the rows written.
        public func cell(row: Int, column: Int) -> Cell {
            guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
            return rows[row][column]
        }
    }

    /// The sheets, in the order of their tabs.
    public var sheets: [Sheet]

    /// The most sheets LibreOffice Calc opens (10,000 since version 7.1), so the most registre writes or
    /// reads.
    public static let sheetLimit = 10_000

    /// A spreadsheet of `sheets`.
    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The spreadsheet name of a cell: `Feuille!C12` for row index 11, column index 2. Any non-negative
    /// indices, `Int.max` included (a position a file's repeats can claim), name a cell without a trap.
    public static func reference(sheet: String, row: Int, column: Int) -> String {
        "\(sheet)!\(columnName(column))\(UInt(max(row, 0)) + 1)"
    }

    /// A, B, …, Z, AA, AB, … for column indices 0, 1, …
    public static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        // Bijective base 26, counted down from the index itself so that no step can overflow.
        var rest = max(column, 0)
        while true {
            letters.append(Character(UnicodeScalar(UInt8(65 + rest % 26))))
            guard rest >= 26 else { break }
            rest = rest / 26 - 1
        }
        return String(letters.reversed())
    }
}
