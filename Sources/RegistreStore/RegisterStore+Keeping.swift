import Foundation
import GRDB
import RegistreCore

extension RegisterStore {
    /// Copies the database with SQLite's online backup API, safe while another command writes, into a
    /// new file readable by its owner only. The copy appears at `destination` whole or not at all.
    /// - Throws: ``StoreError``: the database is busy or cannot be read, or the copy cannot be written.
    public func backup(to destination: String) throws(StoreError) {
        let temporary = destination + ".part-\(UUID().uuidString)"
        try Self.createPrivateFile(at: temporary)
        do throws(StoreError) {
            try backup(into: temporary)
            guard rename(temporary, destination) == 0 else {
                throw StoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Copies the database with SQLite's online backup API into `file`, an empty file that the caller
    /// created (with the mode and owner it wants) and will move into place.
    /// - Throws: ``StoreError``: the database is busy or cannot be read, or the copy cannot be written.
    public func backup(into file: String) throws(StoreError) {
        do {
            let copy = try DatabaseQueue(path: Self.literal(file))
            do {
                try database.backup(to: copy)
                // One file, whole: the copy leaves write-ahead logging, so that opening it (verify, a
                // restore) leaves no -wal and -shm files beside it, which a rotation would not know.
                try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            } catch {
                try? copy.close()
                // The copy's side (a full disk at the destination) is told by the copy's path.
                if let error = explained(error, writing: false) as? StoreError, case .busy = error { throw error }
                throw StoreError.cannotWrite(path: file, reason: (error as? DatabaseError)?.message ?? "\(error)")
            }
            try copy.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotWrite(path: file, reason: (error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    /// Replaces this database's whole content with `copy`'s, by SQLite's online backup API: one write, which
    /// other connections see whole or not at all, and which minds the write-ahead log (moving a file over
    /// a database whose -wal file is left would mix the two). The caller checks the copy first (`verify`).
    /// - Throws: ``StoreError``: either database is busy or cannot be read, or this one cannot be written.
    public func restore(from copy: RegisterStore) throws(StoreError) {
        writeTransactions.add(1, ordering: .relaxed)
        do {
            try copy.database.backup(to: database)
        } catch {
            if let error = explained(error, writing: true) as? StoreError { throw error }
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }
}
