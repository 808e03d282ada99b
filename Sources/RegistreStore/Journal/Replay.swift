import RegistreCore
extension RegisterSnapshot {
    /// Applies one journal entry. Returns a description of the first way the entry does not fit the
    /// state it is applied to (a "before" value that is not what the state holds), or nil.
    mutating func apply(_ entry: JournalEntry) -> LocalizedText? {
        let current = entities[entry.entity]?.journalFields ?? [:]
        switch entry.change {
        case .created where entities[entry.entity] != nil:
            return LocalizedText(
                fr: "l'entrée de journal n° \(entry.sequence) crée \(entry.entity), qui existe déjà",
                en: "journal entry \(entry.sequence) creates \(entry.entity), which already exists")
        case .updated, .deleted:
            if entities[entry.entity] == nil {
                return LocalizedText(
                    fr: "l'entrée de journal n° \(entry.sequence) modifie ou supprime \(entry.entity), qui n'existe pas",
                    en: "journal entry \(entry.sequence) \(entry.change.rawValue) \(entry.entity), which does not exist")
            }
        default:
            break
        }
        var fields = current
        for field in entry.fields {
            if current[field.name] != field.before {
                return LocalizedText(
                    fr: "entrée de journal n° \(entry.sequence) : le champ \(field.name) de \(entry.entity) n'avait pas la valeur que l'entrée lui prête",
                    en: "journal entry \(entry.sequence): field \(field.name) of \(entry.entity) did not hold the value the entry says it had")
            }
            fields[field.name] = field.after
        }
        if entry.change == .deleted {
            guard fields.isEmpty else {
                return LocalizedText(
                    fr: "l'entrée de journal n° \(entry.sequence) supprime \(entry.entity) mais laisse les champs \(fields.keys.sorted())",
                    en: "journal entry \(entry.sequence) deletes \(entry.entity) but leaves fields \(fields.keys.sorted())")
            }
            entities[entry.entity] = nil
            return nil
        }
        guard let state = EntityState(journalFields: fields) else {
            return LocalizedText(
                fr: "l'entrée de journal n° \(entry.sequence) laisse \(entry.entity) sans position",
                en: "journal entry \(entry.sequence) leaves \(entry.entity) without a position")
        }
        entities[entry.entity] = state
        return nil
    }
}
