/// Folds the long lines of a printed report at a width a page and a terminal can show, between words,
/// with continuation lines indented under the start of the text they continue: after a bullet
/// ("  - "), or after an aligned label ("Adresse                : ").
///
/// Any text is folded without a trap and in time linear in its length: a line is read once as an array of
/// characters (of Unicode scalars when each of them is a character of its own, as in most French and
/// English text: splitting into grapheme clusters was most of the cost of printing an activity), and
/// each break looks back at most `width` characters from where the line must end.
enum TextWrapping {
    static let width = 100

    static func wrap(_ text: String, width: Int = TextWrapping.width) -> String {
        // Most pieces of a report have no line to fold: seen in their bytes, they are handed back
        // without being cut into lines of characters (the printed register's cost, once).
        guard needsFolding(text, width: width) else { return text }
        // A carriage return joins the line feed after it into one character: such a text is cut into
        // lines of characters. Any other is cut at its line feeds' bytes, and only a line wider in bytes
        // than the width is read as characters.
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { wrap(line: String($0), width: width) }
                .joined(separator: "\n")
        }
        var folded = ""
        folded.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if index > 0 { folded += "\n" }
            let line = Substring(bytes)
            if line.utf8.count > width { folded += wrap(line: String(line), width: width) } else { folded += line }
        }
        return folded
    }

    /// Whether some line of `text` may be wider than `width`: a line of at most `width` bytes has at most
    /// `width` characters. A carriage return (which joins a line feed into one character) always says yes.
    static func needsFolding(_ text: String, width: Int) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                run = 0
            } else if byte == UInt8(ascii: "\r") {
                return true
            } else {
                run += 1
                if run > width { return true }
            }
        }
        return false
    }

    static func wrap(line: String, width: Int) -> String {
        guard line.utf8.count > max(1, width) else { return line }
        let width = max(1, width)
        // Most lines are of characters that are each one Unicode scalar (Latin letters, French
        // punctuation): folded as scalars, without breaking the line into grapheme clusters.
        if let scalars = simpleScalars(of: line) {
            guard scalars.count > width else { return line }
            return fold(scalars, space: " ", width: width, indent: hangingIndent(ofSimple: scalars, width: width),
                        margin: marginWidth(ofSimple: scalars)) { String(String.UnicodeScalarView($0)) }
        }
        return wrap(characters: line, width: width)
    }

    /// `wrap(line:width:)` for any line, read as an array of characters (grapheme clusters).
    static func wrap(characters line: String, width: Int) -> String {
        let characters = Array(line)
        guard characters.count > width else { return line }
        return fold(characters, space: " ", width: width, indent: hangingIndent(of: characters, width: width),
                    margin: marginWidth(of: characters)) { String($0) }
    }

    /// One line, given as the characters it is made of (`units`, each one character of the line), folded:
    /// the same folding whatever the units.
    private static func fold<Unit: Equatable>(
        _ units: [Unit], space: Unit, width: Int, indent: Int, margin: Int, text: (ArraySlice<Unit>) -> String
    ) -> String {
        // Break only at spaces, keeping the line's own spacing (aligned labels stay aligned); the margin
        // (leading spaces and a bullet) always stays with the first word.
        var lines: [String] = []
        // The line being laid out is `prefix` spaces, then `units[position...]`.
        var position = 0
        var prefix = 0
        var firstBreakable = margin
        while prefix + (units.count - position) > width {
            // Where a break may go, as indices into `units`: from the end of the margin (or the start of
            // the continued text) to the last unit that still fits.
            let low = position + max(0, firstBreakable - prefix)
            let high = position + (width - prefix)
            var cut: Int?
            var index = min(high, units.count - 1)
            while index >= low {
                if units[index] == space { cut = index; break }
                index -= 1
            }
            if cut == nil {
                // One word longer than the room left: it overflows rather than being cut.
                index = max(high + 1, low)
                while index < units.count {
                    if units[index] == space { cut = index; break }
                    index += 1
                }
            }
            guard let cut else { break }
            lines.append((String(repeating: " ", count: prefix) + text(units[position..<cut])).trimmingTrailingSpaces)
            position = cut + 1
            while position < units.count, units[position] == space { position += 1 }
            prefix = indent
            firstBreakable = indent
        }
        lines.append(String(repeating: " ", count: prefix) + text(units[position...]))
        return lines.joined(separator: "\n")
    }

    /// The line's Unicode scalars when each is a character of its own that no search or folding treats
    /// otherwise: printable Latin (U+0020–U+007E, U+00A0–U+02FF but the soft hyphen) and the dashes,
    /// quotation marks, bullets and ellipsis of U+2010–U+2027; nil for any other line.
    static func simpleScalars(of line: String) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027: scalars.append(scalar)
            default: return nil
            }
        }
        return scalars
    }

    /// `marginWidth(of:)` of a line of simple scalars (`simpleScalars(of:)`), which holds no
    /// branch of a tree.
    static func marginWidth(ofSimple scalars: [Unicode.Scalar]) -> Int {
        var width = scalars.prefix { $0 == " " }.count
        if scalars.dropFirst(width).starts(with: ["-", " "]) { width += 2 }
        return width
    }

    /// `hangingIndent(of:width:)` of a line of simple scalars (`simpleScalars(of:)`).
    static func hangingIndent(ofSimple scalars: [Unicode.Scalar], width: Int) -> Int {
        var index = marginWidth(ofSimple: scalars)
        let head = scalars.prefix(min(60, scalars.count))
        if let labelEnd = end(of: [" ", ":", " "], in: head) ?? end(of: [":", " "], in: head), labelEnd < width / 2 {
            index = max(index, labelEnd)
        }
        return min(index, width / 2)
    }

    /// Where the first occurrence of `needle` in `scalars` ends.
    private static func end(of needle: [Unicode.Scalar], in scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard scalars.count >= needle.count else { return nil }
        for start in scalars.startIndex...(scalars.endIndex - needle.count) where scalars[start..<start + needle.count].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }

    /// The width of a line's margin: its leading spaces, then a bullet ("- ") or the branches of a tree
    /// ("│  ├─ ", "└─ ").
    static func marginWidth(of line: String) -> Int {
        marginWidth(of: Array(line))
    }

    static func marginWidth(of characters: [Character]) -> Int {
        let tree: Set<Character> = [" ", "│", "├", "└", "─"]
        var width = characters.prefix { tree.contains($0) }.count
        let spaces = characters.prefix { $0 == " " }.count
        if width == spaces, characters.dropFirst(width).starts(with: ["-", " "]) { width += 2 }
        return width
    }

    /// Where the text of a line starts: after its leading spaces and bullet, or after a label's colon;
    /// never past half the width, so that a continuation always has room.
    static func hangingIndent(of line: String, width: Int) -> Int {
        hangingIndent(of: Array(line), width: width)
    }

    static func hangingIndent(of characters: [Character], width: Int) -> Int {
        var index = marginWidth(of: characters)
        // "Label   : value" — the label ends at the first " : " or ": " of the line's first part.
        let head = String(characters.prefix(min(60, characters.count)))
        if let range = head.range(of: " : ") ?? head.range(of: ": ") {
            let labelEnd = head.distance(from: head.startIndex, to: range.upperBound)
            if labelEnd < width / 2 { index = max(index, labelEnd) }
        }
        return min(index, width / 2)
    }
}
