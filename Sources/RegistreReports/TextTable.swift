/// A table of text that stays readable at a given width: columns share the width, cells wrap between
/// words (a word is never cut; one longer than its column overflows rather than being broken).
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    var width = TextWrapping.width
    /// The first column's share of the width (the others share the rest equally).
    var firstColumnWidth = 22

    func render() -> String {
        let separator = " | "
        let columns = headers.count
        let rest = width - firstColumnWidth - separator.count * (columns - 1)
        let otherWidth = columns > 1 ? rest / (columns - 1) : rest
        let widths = [firstColumnWidth] + Array(repeating: otherWidth, count: max(0, columns - 1))
        let rule = String(repeating: "-", count: widths.reduce(0, +) + separator.count * (columns - 1))

        func lines(of row: [String]) -> [String] {
            let cells = zip(row, widths).map { text, width in Self.wrap(text, width: width) }
            let height = cells.map(\.count).max() ?? 0
            return (0..<height).map { index in
                zip(cells, widths).map { cell, width in
                    let text = index < cell.count ? cell[index] : ""
                    return text + String(repeating: " ", count: max(0, width - text.count))
                }.joined(separator: separator).trimmingTrailingSpaces
            }
        }

        var output = lines(of: headers)
        output.append(rule.replacingOccurrences(of: "-", with: "="))
        for (index, row) in rows.enumerated() {
            if index > 0 { output.append(rule) }
            output += lines(of: row)
        }
        return output.joined(separator: "\n")
    }

    /// Wraps a cell's text (which may hold line breaks) into lines of at most `width` characters, in time
    /// linear in the text's length (the length of the line being built is counted, not recomputed).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = paragraph.hasPrefix("- ") ? "  " : ""
            var current = ""
            var length = 0
            for word in paragraph.split(separator: " ") {
                let count = word.count
                if length == 0 {
                    current = String(word)
                    length = count
                } else if length + 1 + count <= width {
                    current += " " + word
                    length += 1 + count
                } else {
                    lines.append(current)
                    current = indent + word
                    length = indent.count + count
                }
            }
            lines.append(current)
        }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
