import Foundation
import RegistreCore
import RegistreReports

/// One change of the journal as the history page shows it: the entry by its name, each field named as
/// the text export names it with its value before and after as the reports print them
/// (`JournalFieldText`, shared with `registre history`), and the account that made it.
enum HistoryView {
    static func entry(_ entry: JournalEntry, register: Register, language: Language) -> [String: Any] {
        [
            "sequence": entry.sequence,
            "when": Instant.wallClock(entry.recordedAt, in: OrganisationTimeZone.default),
            "actor": entry.actor,
            "name": name(of: entry, in: register) ?? entry.entity.id,
            "entry": entry.entity.kind.named(entry.entity.id)[language],
            "entityKey": entry.entity.description,
            "change": Vocabulary.label(entry.change)[language],
            "hasFields": !entry.fields.isEmpty,
            "fields": entry.fields.map { field -> [String: Any] in
                let absent = LocalizedText(fr: "(absent)", en: "(none)")[language]
                return [
                    "label": JournalFieldText.label(field.name, language: language),
                    "before": JournalFieldText.value(field.before, field: field.name, language: language) ?? absent,
                    "after": JournalFieldText.value(field.after, field: field.name, language: language) ?? absent,
                ]
            },
        ]
    }

    /// The entry's name or title as the register holds it now; for an entry since deleted, as the change
    /// itself recorded it.
    static func name(of entry: JournalEntry, in register: Register) -> String? {
        let id = entry.entity.id
        let current: String? = switch entry.entity.kind {
        case .organisation: register.organisation(id)?.name
        case .activity: register.activities.first { $0.id == id }?.name
        case .agreement: register.agreement(id)?.title
        case .breach: register.breaches.first { $0.id == id }?.title
        case .matrix: register.matrices.first { $0.id == id }?.title
        case .campaign: register.campaigns.first { $0.id == id }?.title
        case .register, .processorRecord, .audit, .request: nil
        }
        if let current { return current }
        for field in entry.fields where field.name == "name" || field.name == "title" {
            if let text = (field.after ?? field.before).flatMap({ try? JSONDecoder().decode(String.self, from: Data($0.utf8)) }) {
                return text
            }
        }
        return nil
    }
}
