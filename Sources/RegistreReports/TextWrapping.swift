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
        // Break only at spaces, keeping the line's own spacing (aligned labels stay aligned); the margin
        // (leading spaces and a bullet) always stays with the first word.
        let margin = marginWidth(of: line)
        var lines: [String] = []
        var rest = Array(line)
        var limit = width
        var start = margin
        while rest.count > limit {
            let window = rest[start...min(limit, rest.count - 1)]
            let cut = window.lastIndex(of: " ") ?? rest[(limit + 1)...].firstIndex(of: " ")
            guard let cut else { break }  // one long word: it overflows rather than being cut
            lines.append(String(rest[..<cut]).trimmingTrailingSpaces)
            let remainder = rest[(cut + 1)...].drop { $0 == " " }
            rest = Array(indent) + remainder
            start = indent.count
            limit = width
        }
        lines.append(String(rest))
        return lines.joined(separator: "\n")
    }

    /// The width of a line's margin: its leading spaces, then a bullet ("- ") or the branches of a tree
    /// ("│  ├─ ", "└─ ").
    static func marginWidth(of line: String) -> Int {
        let tree: Set<Character> = [" ", "│", "├", "└", "─"]
        var width = line.prefix { tree.contains($0) }.count
        let spaces = line.prefix { $0 == " " }.count
        if width == spaces, line.dropFirst(width).hasPrefix("- ") { width += 2 }
        return width
    }

    /// Where the text of a line starts: after its leading spaces and bullet, or after a label's colon.
    static func hangingIndent(of line: String, width: Int) -> Int {
        let characters = Array(line)
        var index = marginWidth(of: line)
        // "Label   : value" — the label ends at the first " : " or ": " of the line's first part.
        let head = String(characters.prefix(min(60, characters.count)))
        if let range = head.range(of: " : ") ?? head.range(of: ": ") {
            let labelEnd = head.distance(from: head.startIndex, to: range.upperBound)
            if labelEnd < width / 2 { index = max(index, labelEnd) }
        }
        return min(index, width / 2)
    }
}
