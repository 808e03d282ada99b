public import RegistreCore
import Foundation

/// The journal as people read it: one block per change, oldest first, each field named as the printed
/// register names it, with its value before and after as text (dates as dates, lists as lists).
///
/// A journal of any length is printed one entry at a time: ``heading(count:source:language:)``, then
/// ``entry(_:language:)`` for each, in memory that does not grow with the journal.
public enum HistoryTextReport {
    /// The text of `entries` in `language`, naming the database read (`source`).
    public static func render(_ entries: [JournalEntry], source: String, language: Language) -> String {
        heading(count: entries.count, source: source, language: language) + entries.map { entry($0, language: language) }.joined()
    }

    /// The heading, and the words for an empty journal.
    public static func heading(count: Int, source: String, language: Language) -> String {
        Templates.render("history", language.rawValue, ["source": source, "count": count, "empty": count == 0], folded: false)
    }

    /// One entry, preceded by a blank line.
    public static func entry(_ entry: JournalEntry, language: Language) -> String {
        var view: [String: Any] = [
            "sequence": entry.sequence,
            "recordedAt": JournalFieldText.instant(entry.recordedAt),
            "actor": entry.actor,
            "change": Vocabulary.label(entry.change)[language],
            "entity": entry.entity.description,
            "fields": entry.fields.map { field -> [String: Any] in
                var view: [String: Any] = ["name": JournalFieldText.label(field.name, language: language)]
                view["before"] = JournalFieldText.value(field.before, field: field.name, language: language)
                view["after"] = JournalFieldText.value(field.after, field: field.name, language: language)
                return view
            },
            "hash": String(entry.hash.prefix(16)),
        ]
        view["effectiveAt"] = entry.effectiveAt.map(JournalFieldText.instant)
        view["systemUser"] = entry.systemUser.flatMap { $0 == entry.actor ? nil : $0 }
        return Templates.render("history-entry", language.rawValue, view, folded: false)
    }

    /// "2026-11-24 10:51:33 UTC": the journal's times are absolute.
    static func utc(_ date: Date) -> String { JournalFieldText.instant(date) }
}
