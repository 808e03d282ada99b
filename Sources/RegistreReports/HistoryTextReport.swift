public import RegistreCore
import Foundation

/// The journal as people read it: one block per change, newest last, each field's value before and after.
public enum HistoryTextReport {
    public static func render(_ entries: [JournalEntry], source: String, language: Language) -> String {
        let view: [String: Any] = [
            "source": source,
            "count": entries.count,
            "entries": entries.map { entry -> [String: Any] in
                [
                    "sequence": entry.sequence,
                    "recordedAt": Self.utc(entry.recordedAt),
                    "actor": entry.actor,
                    "change": Vocabulary.label(entry.change)[language],
                    "entity": entry.entity.description,
                    "fields": entry.fields.map { field -> [String: Any] in
                        var view: [String: Any] = ["name": field.name]
                        view["before"] = field.before
                        view["after"] = field.after
                        return view
                    },
                    "hash": String(entry.hash.prefix(16)),
                ]
            },
        ]
        return Templates.render("history", language.rawValue, view, folded: false)
    }

    /// "2026-11-24 10:51:33 UTC": the journal's times are absolute.
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
