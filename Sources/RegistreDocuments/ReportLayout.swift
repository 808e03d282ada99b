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
        var reading = LayoutReading(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        reading.read()
        return TextDocument(title: reading.title, language: language, blocks: reading.blocks)
    }

    /// 1 for a rule of `=`, 2 for a rule of `-`.
    fileprivate static func ruleLevel(_ line: String) -> Int? {
        guard line.count >= 10 else { return nil }
        if line.allSatisfy({ $0 == "=" }) { return 1 }
        if line.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    /// `Label   : value` as `[label, value]`: the label is short and the colon is followed by a space (times
    /// such as 15:30 and addresses such as https:// are not labels).
    fileprivate static func labelled(_ line: String) -> [String]? {
        guard let colon = line.range(of: ": ") ?? (line.hasSuffix(":") ? line.range(of: ":", options: .backwards) : nil)
        else { return nil }
        let label = line[..<colon.lowerBound].trimmingSpaces
        guard !label.isEmpty, label.count <= 80, !label.hasSuffix(","), !label.contains(" — ") else { return nil }
        return [label, line[colon.upperBound...].trimmingSpaces]
    }

    fileprivate static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }
}

/// The pass over a report's lines, block by block.
private struct LayoutReading {
    let lines: [String]
    var blocks: [TextDocument.Block] = []
    /// The rows of the table and the items of the list being read: blocks once a line ends them.
    var table: [[String]] = []
    var list: [String] = []

    /// The first heading: the document's title.
    var title: String {
        blocks.lazy.compactMap { block -> String? in
            if case .heading(_, let text) = block { return text }
            return nil
        }.first ?? ""
    }

    mutating func read() {
        var index = 0
        while index < lines.count {
            if let level = ReportLayout.ruleLevel(lines[index].trimmingSpaces) {
                index = readBanner(level, from: index + 1)
            } else {
                read(line: index)
                index += 1
            }
        }
        flush()
    }

    /// A banner: the lines from `start` up to the closing rule are its heading and notes. Returns the
    /// index of the line after the closing rule.
    mutating func readBanner(_ level: Int, from start: Int) -> Int {
        flush()
        var inner: [String] = []
        var index = start
        while index < lines.count, ReportLayout.ruleLevel(lines[index].trimmingSpaces) != level {
            if !lines[index].trimmingSpaces.isEmpty { inner.append(lines[index].trimmingSpaces) }
            index += 1
        }
        if let first = inner.first { blocks.append(.heading(level: level, text: first)) }
        for note in inner.dropFirst() {
            if let row = ReportLayout.labelled(note) { blocks.append(.table([row])) } else { blocks.append(.paragraph(note)) }
        }
        return index + 1
    }

    /// A line outside banners: it ends a block (an empty line), continues a list or a table, or stands alone.
    mutating func read(line index: Int) {
        let trimmed = lines[index].trimmingSpaces
        if trimmed.isEmpty {
            flush()
        } else if trimmed.hasPrefix("- ") {
            flushTable()
            list.append(String(trimmed.dropFirst(2)))
        } else if let row = ReportLayout.labelled(trimmed) {
            flushList()
            table.append(row)
        } else {
            flush()
            blocks.append(standalone(trimmed, at: index))
        }
    }

    /// A line alone: a sub-heading when more indented lines follow, the title when nothing came before it,
    /// a paragraph otherwise.
    func standalone(_ trimmed: String, at index: Int) -> TextDocument.Block {
        let next = index + 1 < lines.count ? lines[index + 1] : ""
        if ReportLayout.indentation(next) > ReportLayout.indentation(lines[index]), !next.trimmingSpaces.isEmpty {
            return .heading(level: 3, text: trimmed)
        }
        return blocks.isEmpty ? .heading(level: 1, text: trimmed) : .paragraph(trimmed)
    }

    mutating func flush() {
        flushTable()
        flushList()
    }

    mutating func flushTable() {
        if !table.isEmpty { blocks.append(.table(table)); table = [] }
    }

    mutating func flushList() {
        if !list.isEmpty { blocks.append(.list(list)); list = [] }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
