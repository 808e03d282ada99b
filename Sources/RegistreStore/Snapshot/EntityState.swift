import RegistreCore

/// One entry as the tables hold it: where it stands among the entries of its kind, and its fields, each
/// a property of the model as canonical JSON.
struct EntityState: Equatable, Sendable {
    var position: Int
    var fields: [String: String]

    /// The pseudo-field under which the journal records a change of position.
    static let positionField = "@position"

    /// Every field, the position included, as the journal sees them.
    var journalFields: [String: String] {
        var all = fields
        all[Self.positionField] = String(position)
        return all
    }

    init(position: Int, fields: [String: String]) {
        self.position = position
        self.fields = fields
    }

    init?(journalFields: [String: String]) {
        guard let position = journalFields[Self.positionField].flatMap(Int.init) else { return nil }
        var fields = journalFields
        fields[Self.positionField] = nil
        self.init(position: position, fields: fields)
    }
}
