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
    /// The file is not a registre database; nothing was written into it.
    case notARegister(path: String, reason: NotARegister)
    /// The database was made by a newer registre, whose schema this one does not know.
    case newerSchema(path: String)
    /// Another command held the database for longer than the busy timeout.
    case busy(path: String, seconds: Double)

    /// Why a file is not a registre database.
    public enum NotARegister: Sendable, Equatable {
        /// Not an SQLite database at all (a text file…).
        case notSQLite
        /// An SQLite database without registre's tables (another application's).
        case foreignSchema
        /// An SQLite database with no table at all.
        case empty
    }

    /// The error in words for a log, with the path or entry concerned (English).
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
        case .notARegister(let path, .notSQLite):
            "\(path): not a registre database (not an SQLite file); left untouched"
        case .notARegister(let path, .foreignSchema):
            "\(path): not a registre database (an SQLite file without registre's tables); left untouched"
        case .notARegister(let path, .empty):
            "\(path): not a registre database (an empty SQLite file); left untouched"
        case .newerSchema(let path):
            "\(path): this register database was made by a newer version of registre; use that version (left untouched)"
        case .busy(let path, let seconds):
            "\(path): database busy: another command has held it for \(Self.format(seconds)) s"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
