import Foundation
import GRDB

/// What a health check learns of the register of record: whether the service in front of it may take
/// requests (a load balancer's `/healthz`).
public enum StoreHealth: Sendable, Equatable {
    /// The database answers and its schema is the one this registre writes.
    case ready
    /// The database answers, but its schema is older (a migration is missing) or newer (another registre
    /// migrated it since this one opened it): this process should not serve it.
    case schemaNotCurrent
    /// The database does not answer: the file is gone, or a read fails (the reason in English, for the
    /// log, never for the client).
    case unreachable(String)
}

extension RegisterStore {
    /// Whether the database answers a read and its schema is current. Never throws: a failure is the
    /// answer. One read transaction, on the migrations' table only.
    public func health() -> StoreHealth {
        // An open connection keeps reading a file deleted or replaced under it: what the path names now
        // is what the next command would open.
        guard FileManager.default.fileExists(atPath: path) else { return .unreachable("\(path): no such file") }
        do {
            return try reading { db in
                let migrator = StoreSchema.migrator
                guard try !migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db) else { return .schemaNotCurrent }
                return .ready
            }
        } catch {
            return .unreachable(describe(error))
        }
    }

    /// How many write transactions this store has committed or attempted since it was opened (the
    /// desk's metrics count them).
    public var writeCount: Int { writeTransactions.load(ordering: .relaxed) }
}
