import RegistreCore
extension RegisterSnapshot {
    /// Applies one journal entry. Returns a description of the first way the entry does not fit the
    /// state it is applied to (a "before" value that is not what the state holds), or nil.
    mutating func apply(_ entry: JournalEntry) -> String? {
        let current = entities[entry.entity]?.journalFields ?? [:]
        switch entry.change {
        case .created where entities[entry.entity] != nil:
            return "journal entry \(entry.sequence) creates \(entry.entity), which already exists"
        case .updated, .deleted:
            if entities[entry.entity] == nil {
                return "journal entry \(entry.sequence) \(entry.change.rawValue) \(entry.entity), which does not exist"
            }
        default:
            break
        }
        var fields = current
        for field in entry.fields {
            if current[field.name] != field.before {
                return "journal entry \(entry.sequence): field \(field.name) of \(entry.entity) did not hold the value the entry says it had"
            }
            fields[field.name] = field.after
        }
        if entry.change == .deleted {
            guard fields.isEmpty else {
                return "journal entry \(entry.sequence) deletes \(entry.entity) but leaves fields \(fields.keys.sorted())"
            }
            entities[entry.entity] = nil
            return nil
        }
        guard let state = EntityState(journalFields: fields) else {
            return "journal entry \(entry.sequence) leaves \(entry.entity) without a position"
        }
        entities[entry.entity] = state
        return nil
    }
}
