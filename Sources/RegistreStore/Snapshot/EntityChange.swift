import RegistreCore

/// How one entry changed between two snapshots, field by field.
struct EntityChange: Equatable, Sendable {
    enum Kind: String, Sendable {
        case created, updated, deleted
    }

    var entity: EntityKey
    var kind: Kind
    /// The fields that differ, by name, with their values before and after (nil: absent).
    var fields: [FieldChange]
}

extension RegisterSnapshot {
    /// What must change to go from this snapshot to `target`: entries created and updated in the order of
    /// the register, then entries deleted.
    func changes(to target: RegisterSnapshot) -> [EntityChange] {
        func fieldChanges(_ before: [String: String], _ after: [String: String]) -> [FieldChange] {
            Set(before.keys).union(after.keys).sorted().compactMap { name in
                before[name] == after[name] ? nil : FieldChange(name: name, before: before[name], after: after[name])
            }
        }
        var changes: [EntityChange] = []
        let kept = target.entities.sorted { ($0.key.kind, $0.value.position, $0.key.id) < ($1.key.kind, $1.value.position, $1.key.id) }
        for (key, state) in kept {
            if let current = entities[key] {
                let fields = fieldChanges(current.journalFields, state.journalFields)
                if !fields.isEmpty { changes.append(EntityChange(entity: key, kind: .updated, fields: fields)) }
            } else {
                changes.append(EntityChange(entity: key, kind: .created, fields: fieldChanges([:], state.journalFields)))
            }
        }
        for key in entities.keys.sorted() where target.entities[key] == nil {
            changes.append(EntityChange(entity: key, kind: .deleted, fields: fieldChanges(entities[key]!.journalFields, [:])))
        }
        return changes
    }
}
