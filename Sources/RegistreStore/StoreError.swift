public import RegistreCore
/// Why the register of record could not do what was asked. Nothing was changed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No database at that path, for a command that only reads.
    case noDatabase(path: String)
    /// The database cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A change dated before the last entry of the journal: the journal only moves forward.
    case timeGoesBackwards(now: String, lastEntry: String)
    /// The tables hold something the model cannot read back.
    case corrupt(String)
    /// No entry of that kind with that id.
    case unknownEntry(EntityKey)
    /// An entry names another that the register does not hold.
    case missingReference(from: EntityKey, to: EntityKey)
    /// An id is already used by another entry: ids are unique across the register.
    case idInUse(EntityID)
    /// An entry cannot be deleted while another names it.
    case stillReferenced(EntityKey, by: EntityKey)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            "\(path): no register database here (create one with: registre import FILE --db \(path))"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the register database: \(reason)"
        case .timeGoesBackwards(let now, let last):
            "the change is dated \(now), before the last entry of the journal (\(last)): the journal only moves forward"
        case .corrupt(let detail):
            "the register database cannot be read back: \(detail)"
        case .unknownEntry(let key):
            "no \(key.kind.rawValue) '\(key.id)' in the register"
        case .missingReference(let from, let to):
            "\(from.kind.rawValue) '\(from.id)' names the \(to.kind.rawValue) '\(to.id)', which the register does not hold"
        case .idInUse(let id):
            "the id '\(id)' is already used in the register: every id must be unique"
        case .stillReferenced(let key, let referrer):
            "\(key.kind.rawValue) '\(key.id)' cannot be deleted: \(referrer.kind.rawValue) '\(referrer.id)' names it"
        }
    }
}
