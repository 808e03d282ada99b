public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    // MARK: Reading the register

    /// The register as it stands.
    public func register() throws -> Register {
        var register = Register()
        try stream { register.append($0) }
        return register
    }

    /// The register as it stands, one entry at a time, in the order of the format.
    public func stream(_ consume: (RegisterEntry) throws -> Void) throws {
        try database.read { db in
            try StoreTables.forEachEntity(db) { key, state in
                try consume(try RegisterSnapshot.entry(key, fields: state.fields))
            }
        }
    }

    /// The register as it stood at `date`, rebuilt from the journal alone.
    public func register(asOf date: Date) throws -> Register {
        try database.read { db in
            var snapshot = RegisterSnapshot()
            for stored in try StoreTables.journal(db) {
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                guard entry.recordedAt <= date else { break }
                if let problem = snapshot.apply(entry) { throw StoreError.corrupt(problem.en) }
            }
            return try snapshot.register()
        }
    }

    /// The journal, or the entries about one entry of the register.
    public func journal(entity id: String? = nil) throws -> [JournalEntry] {
        try database.read { db in
            try StoreTables.journal(db, entityID: id).map { stored in
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                return entry
            }
        }
    }
}
