public import Foundation
import GRDB
import RegistreCore

extension RegisterStore {
    // MARK: Keeping it honest

    /// Checks the file, the hash chain, the tables against the journal and the schema, in one read
    /// transaction and in memory that does not grow with the register (see `JournalVerification`).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func verify() throws -> JournalVerification {
        try verify(against: nil, publicKey: nil)
    }

    /// `verify()`, and also whether the journal still extends `seal`: the seal's signature holds (made
    /// by `publicKey` when one is given), the journal is the one sealed, and the sealed entry still has
    /// the sealed hash. Problems with the seal come first.
    ///
    /// `progress` is called once per journal entry read, twice per entry in all (see ``journalCount(entity:)``).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func verify(against seal: JournalSeal?, publicKey: String?, progress: (@Sendable () -> Void)? = nil) throws -> JournalVerification {
        try reading { db in
            var verification = JournalVerification()
            verification.progress = progress
            verification.fragments = fragments
            if let seal { try verification.check(seal, publicKey: publicKey, db) }
            try verification.runPasses(db)
            return verification
        }
    }

    /// Seals the journal as it stands, in the transaction that verifies it: nil, with the verification,
    /// when the journal is empty or not intact (a seal must never vouch for a journal already altered).
    /// The seal is dated by the journal's clock (`date` is for programs that keep their own).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func seal(with key: SealKey, at date: Date? = nil) throws -> (JournalVerification, JournalSeal?) {
        let date = date ?? clock.now()
        return try reading { db in
            let verification = try JournalVerification.run(db, fragments: fragments)
            guard verification.isIntact, let head = verification.head,
                  let first = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE sequence = 1")
            else { return (verification, nil) }
            return (verification, try JournalSeal(journal: first, sequence: head.sequence, hash: head.hash, sealedAt: date, key: key))
        }
    }

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
}
