import Foundation
import RegistreCore
import RegistreReports

/// A save refused because the entry changed after the form showed it: the version it has now, what the
/// journal records since the form's version (who, when, each field before and after), and the person's
/// input applied to the entry as it now stands, so that the form shows it again to re-apply.
struct EntryConflict: Error {
    /// The entry's version now: the form shown again carries it.
    var version: Int
    /// The journal entries about the entry after the form's version, oldest first.
    var changes: [JournalEntry]
    /// The person's input applied to the entry as stored now; nil when the form itself is refused.
    var draft: RegisterEntry?

    /// What the conflict summary shows, in `language`: each change with its fields as the DPO reads them
    /// (the printed register's labels), times in `zone`.
    func view(_ language: Language, zone: TimeZone) -> [String: Any] {
        [
            "version": version,
            "changes": changes.map { entry -> [String: Any] in
                [
                    "actor": entry.actor, "when": Instant.wallClock(entry.recordedAt, in: zone),
                    "change": Vocabulary.label(entry.change)[language],
                    "fields": entry.fields.filter { $0.name != "@position" }.map { field -> [String: Any] in
                        let none = Wording.text("conflictNone", language)
                        return [
                            "label": JournalFieldText.label(field.name, language: language),
                            "before": JournalFieldText.value(field.before, field: field.name, language: language) ?? none,
                            "after": JournalFieldText.value(field.after, field: field.name, language: language) ?? none,
                        ]
                    },
                ]
            },
        ]
    }
}
