import Foundation
package import RegistreXML

/// Reads the layout of one of registre's text reports (before folding) as a structured document, so that
/// the ODT of a register, a breach report or an audit notice says exactly what the text says, in the same
/// order and in the same words: the templates of `Templates/` stay the single source of the wording in
/// both languages, and the two outputs cannot drift apart.
///
/// The layout is the one the templates write: a title between two rules of `=` is a part (heading 1),
/// between rules of `-` a section (heading 2), further lines between the rules paragraphs; a line followed
/// by more indented lines is a sub-heading (heading 3); runs of `Label : value` lines are a two-column
/// table; `- item` lines a list; anything else a paragraph.
package enum ReportLayout {
    package static func document(fromUnfolded text: String, language: String) -> TextDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [TextDocument.Block] = []
        var table: [[String]] = []
        var list: [String] = []

        func flush() {
            if !table.isEmpty { blocks.append(.table(table)); table = [] }
            if !list.isEmpty { blocks.append(.list(list)); list = [] }
        }

        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces
            if let level = ruleLevel(trimmed) {
                // A banner: the lines up to the closing rule are its heading and notes.
                flush()
                var inner: [String] = []
                index += 1
                while index < lines.count, ruleLevel(lines[index].trimmingSpaces) != level {
                    if !lines[index].trimmingSpaces.isEmpty { inner.append(lines[index].trimmingSpaces) }
                    index += 1
                }
                if let first = inner.first { blocks.append(.heading(level: level, text: first)) }
                for note in inner.dropFirst() {
                    if let row = labelled(note) { blocks.append(.table([row])) } else { blocks.append(.paragraph(note)) }
                }
                index += 1
                continue
            }
            defer { index += 1 }
            if trimmed.isEmpty {
                flush()
                continue
            }
            if trimmed.hasPrefix("- ") {
                if !table.isEmpty { blocks.append(.table(table)); table = [] }
                list.append(String(trimmed.dropFirst(2)))
                continue
            }
            if let row = labelled(trimmed) {
                if !list.isEmpty { blocks.append(.list(list)); list = [] }
                table.append(row)
                continue
            }
            flush()
            if index + 1 < lines.count, indentation(lines[index + 1]) > indentation(line),
                !lines[index + 1].trimmingSpaces.isEmpty
            {
                blocks.append(.heading(level: 3, text: trimmed))
            } else if blocks.isEmpty {
                blocks.append(.heading(level: 1, text: trimmed))
            } else {
                blocks.append(.paragraph(trimmed))
            }
        }
        flush()
        let title = blocks.lazy.compactMap { block -> String? in
            if case .heading(_, let text) = block { return text }
            return nil
        }.first ?? ""
        return TextDocument(title: title, language: language, blocks: blocks)
    }

    /// 1 for a rule of `=`, 2 for a rule of `-`.
    private static func ruleLevel(_ line: String) -> Int? {
        guard line.count >= 10 else { return nil }
        if line.allSatisfy({ $0 == "=" }) { return 1 }
        if line.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    /// `Label   : value` as `[label, value]`: the label is short and the colon is followed by a space (times
    /// such as 15:30 and addresses such as https:// are not labels).
    private static func labelled(_ line: String) -> [String]? {
        guard let colon = line.range(of: ": ") ?? (line.hasSuffix(":") ? line.range(of: ":", options: .backwards) : nil)
        else { return nil }
        let label = line[..<colon.lowerBound].trimmingSpaces
        guard !label.isEmpty, label.count <= 80, !label.hasSuffix(","), !label.contains(" — ") else { return nil }
        return [label, line[colon.upperBound...].trimmingSpaces]
    }

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
