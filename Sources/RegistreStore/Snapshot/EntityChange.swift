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

extension EntityChange {
    /// How an entry changes from `current` to `target` (nil: absent), or nil when it does not.
    static func between(_ current: EntityState?, _ target: EntityState?, _ key: EntityKey) -> EntityChange? {
        let before = current?.journalFields ?? [:]
        let after = target?.journalFields ?? [:]
        let fields = Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : FieldChange(name: name, before: before[name], after: after[name])
        }
        switch (current, target) {
        case (nil, nil): return nil
        case (nil, .some): return EntityChange(entity: key, kind: .created, fields: fields)
        case (.some, nil): return EntityChange(entity: key, kind: .deleted, fields: fields)
        case (.some, .some): return fields.isEmpty ? nil : EntityChange(entity: key, kind: .updated, fields: fields)
        }
    }
}
