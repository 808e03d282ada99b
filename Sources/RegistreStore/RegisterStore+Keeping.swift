import Foundation
import GRDB
import RegistreCore

extension RegisterStore {
    // MARK: Keeping it honest

    /// Recomputes the hash chain and replays the journal against the tables.
    public func verify() throws -> JournalVerification {
        try database.read { db in
            JournalVerification.run(journal: try StoreTables.journal(db), tables: try StoreTables.snapshot(db))
        }
    }

    /// Copies the database with SQLite's online backup API, safe while another command writes, into a
    /// new file readable by its owner only. The copy appears at `destination` whole or not at all.
    public func backup(to destination: String) throws {
        let temporary = destination + ".part-\(UUID().uuidString)"
        try Self.createPrivateFile(at: temporary)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.close()
            guard rename(temporary, destination) == 0 else {
                throw StoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
