import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

/// One change of the journal as the history page shows it: the entry by its name, each field named as
/// the text export names it with its value before and after as the reports print them
/// (`JournalFieldText`, shared with `registre history`), and the account that made it. The activities a
/// breach or a request names that the account may not read (another organisation's: an upload or the
/// command line can name one) are said to be another organisation's, never by their id.
enum HistoryView {
    /// Which of the activities that `entries` name (a breach's, a request's) the account may read.
    struct Readable {
        let activities: [EntityID: Bool]

        init(_ register: Register, naming entries: [JournalEntry], policy: AccessPolicy) {
            let named = HistoryView.activities(namedIn: entries)
            var activities: [EntityID: Bool] = [:]
            for activity in register.activities where named.contains(activity.id) { activities[activity.id] = policy.mayRead(activity) }
            self.activities = activities
        }

        /// Whether the account may read the activity `id` (not one it cannot find: one since deleted tells
        /// no longer whose it was).
        func activity(_ id: EntityID) -> Bool { activities[id] == true }
    }

    /// The ids of the activities the changes of breaches and requests among `entries` name, before or after.
    static func activities(namedIn entries: [JournalEntry]) -> Set<EntityID> {
        var named: Set<EntityID> = []
        for entry in entries where entry.entity.kind == .breach || entry.entity.kind == .request {
            for field in entry.fields where field.name == "activities" {
                for json in [field.before, field.after].compactMap({ $0 }) {
                    named.formUnion((try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? [])
                }
            }
        }
        return named
    }

    /// The entries a page of the history shows (for their names) and the activities they name (whether the
    /// account may read them), each read by its key in `reading`: a page reads at most its own changes'
    /// entries, never the register whole. An entry since deleted is absent: its name comes from the change.
    static func named(by entries: [JournalEntry], _ reading: RegisterReading) throws -> Register {
        var keys = Set(entries.map(\.entity)).filter { $0.kind != .register }
        keys.formUnion(activities(namedIn: entries).map { EntityKey(.activity, $0) })
        var register = Register()
        for key in keys.sorted(by: { ($0.kind, $0.id) < ($1.kind, $1.id) }) {
            if let entry = try reading.entry(key) { register.append(entry) }
        }
        return register
    }

    static func entry(_ entry: JournalEntry, register: Register, readable: Readable, language: Language) -> [String: Any] {
        func value(_ json: String?, _ field: String) -> String? {
            JournalFieldText.value(shown(json, field, of: entry.entity.kind, readable, language), field: field, language: language)
        }
        return [
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
                    "before": value(field.before, field.name) ?? absent,
                    "after": value(field.after, field.name) ?? absent,
                ]
            },
        ]
    }

    /// A field's value as the journal holds it (JSON), the activities a breach or a request names that the
    /// account may not read replaced by the words that say whose they are.
    static func shown(_ json: String?, _ field: String, of kind: EntityKind, _ readable: Readable, _ language: Language) -> String? {
        guard field == "activities", kind == .breach || kind == .request, let json,
              let ids = try? JSONDecoder().decode([String].self, from: Data(json.utf8)),
              ids.contains(where: { !readable.activity($0) })
        else { return json }
        let shown = ids.map { readable.activity($0) ? $0 : FactWords.otherOrganisationsActivity[language] }
        return (try? JSONEncoder().encode(shown)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
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
