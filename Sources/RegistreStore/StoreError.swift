import RegistreCore
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
        }
    }
}
