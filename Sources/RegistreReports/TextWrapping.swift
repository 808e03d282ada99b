/// Folds the long lines of a printed report at a width a page and a terminal can show, between words,
/// with continuation lines indented under the start of the text they continue: after a bullet
/// ("  - "), or after an aligned label ("Adresse                : ").
enum TextWrapping {
    static let width = 100

    static func wrap(_ text: String, width: Int = TextWrapping.width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(line: String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrap(line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let indent = String(repeating: " ", count: hangingIndent(of: line, width: width))
        // The margin (leading spaces and a bullet) always stays with the first word.
        var margin = String(line.prefix { $0 == " " })
        if line.dropFirst(margin.count).hasPrefix("- ") { margin += "- " }
        var lines: [String] = []
        var current = margin
        for word in line.dropFirst(margin.count).split(separator: " ") {
            if current.count == margin.count && lines.isEmpty {
                current += word
            } else if current.count + 1 + word.count <= width || current == indent {
                current += (current == indent ? "" : " ") + word
            } else {
                lines.append(current)
                current = indent + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Where the text of a line starts: after its leading spaces and bullet, or after a label's colon.
    static func hangingIndent(of line: String, width: Int) -> Int {
        let characters = Array(line)
        var index = characters.prefix { $0 == " " }.count
        if index + 1 < characters.count, characters[index] == "-", characters[index + 1] == " " { index += 2 }
        // "Label   : value" — the label ends at the first " : " or ": " of the line's first part.
        let head = String(characters.prefix(min(60, characters.count)))
        if let range = head.range(of: " : ") ?? head.range(of: ": ") {
            let labelEnd = head.distance(from: head.startIndex, to: range.upperBound)
            if labelEnd < width / 2 { index = max(index, labelEnd) }
        }
        return min(index, width / 2)
    }
}
