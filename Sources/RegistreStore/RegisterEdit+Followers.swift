import GRDB
public import RegistreCore

extension RegisterEdit {
    /// The ids of the activities that follow a model, in the register's order, found inside the
    /// transaction (so a `model propagate` reaches a member's activity applied a moment before) by
    /// SQLite's JSON functions on the activities' `modelRole` field.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func followers(of model: EntityID) throws -> [EntityID] {
        try String.fetchAll(lookup.db.cachedStatement(sql: """
            SELECT field.id FROM field JOIN entity ON entity.kind = field.kind AND entity.id = field.id
            WHERE field.kind = 'activity' AND field.name = 'modelRole'
              AND json_type(field.value) = 'object' AND json_extract(field.value, '$.model') = ?
            ORDER BY entity.position, field.id
            """), arguments: [model])
    }
}
