import Foundation
import RegistreCore

/// What a form posts back for what its page showed, so that a value sent back as it was shown keeps the
/// stored value exactly — untrimmed, with its line breaks, its row's unshown properties — and only what the
/// person changed is cleaned and taken.
///
/// A browser strips line breaks from a text input's value (and an e-mail input's surrounding white
/// space) and sends a text area's line breaks as CR LF (dropping a first one): a value posted without a
/// line break is compared ignoring line breaks and surrounding white space; one posted with line breaks
/// can only come from a text area, and is compared with its breaks (CR LF read as LF), so that a line
/// break added or a blank line removed is a change, not a value "sent back as shown". A text area sends
/// back every line break it showed, so a field the page shows in one (`area`) is always compared with
/// its breaks: joining two lines of a purpose is a change too.
enum Shown {
    /// Whether `posted` is what the page showed for `stored` (nil shows as an empty field), in a text
    /// area when `area`.
    static func same(_ posted: String?, _ stored: String?, area: Bool = false) -> Bool {
        let posted = posted ?? "", stored = stored ?? ""
        if area { return withBreaks(posted) == withBreaks(stored) }
        if posted.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { return withBreaks(posted) == withBreaks(stored) }
        return withoutBreaks(posted) == withoutBreaks(stored)
    }

    private static func withBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func withoutBreaks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\n" && $0 != "\r" })).trimmingCharacters(in: .whitespaces)
    }

    /// A required text: the stored one when sent back as shown, else the text typed, trimmed.
    static func text(_ posted: String?, stored: String, area: Bool = false) -> String {
        same(posted, stored, area: area) ? stored : FormText.clean(posted)
    }

    /// An optional text: the stored one when sent back as shown, else the text typed (empty is none).
    static func optional(_ posted: String?, stored: String?, area: Bool = false) -> String? {
        same(posted, stored, area: area) ? stored : FormText.optional(posted)
    }

    /// Rows posted in the order the page showed them (one more, empty, to add one): row `index` edits the
    /// stored row at `index`, a later one adds a row. `edit` answers the row's value, or nil to drop it
    /// (emptied); the stored rows keep their order and, where `edit` keeps them, all their properties.
    static func rows<Row>(posted count: Int, stored: [Row], _ edit: (_ index: Int, _ stored: Row?) -> Row?) -> [Row] {
        (0..<max(count, stored.count)).compactMap { index in
            // A stored row the form did not send back at all (a page older than the row) stays as stored.
            guard index < count else { return stored[index] }
            return edit(index, index < stored.count ? stored[index] : nil)
        }
    }

    /// A list of labels (purposes, categories…): a label sent back as shown is kept as stored.
    static func labels(_ posted: [String]?, stored: [String], area: Bool = false) -> [String] {
        guard let posted else { return stored }
        return rows(posted: posted.count, stored: stored) { index, row in
            if let row, same(posted[index], row, area: area) { return row }
            return FormText.optional(posted[index])
        }
    }

    /// Choices ticked among boxes (legal bases, special categories, joint controllers): the stored items
    /// still ticked stay in their order with what they carry; those newly ticked come after, in the page's
    /// order, made by `make`.
    static func ticked<Item, Key: Hashable>(
        _ posted: [Key], stored: [Item], key: (Item) -> Key, keepsUnticked: (Item) -> Bool = { _ in false }, make: (Key) -> Item?
    ) -> [Item] {
        let chosen = Set(posted)
        let kept = stored.filter { chosen.contains(key($0)) || keepsUnticked($0) }
        let present = Set(stored.map(key))
        var added: [Item] = []
        var seen: Set<Key> = []
        for code in posted where !present.contains(code) && seen.insert(code).inserted {
            if let item = make(code) { added.append(item) }
        }
        return kept + added
    }
}
