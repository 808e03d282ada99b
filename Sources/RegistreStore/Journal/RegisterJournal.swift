public import Foundation
import GRDB
public import RegistreCore

/// The journal of the register of record: every change, hash-chained, read back entry by entry, verified
/// against the tables and sealed, over the store's database (``RegisterStore/journal``). Appending is
/// not here: entries are written only by the changes that make them, in their transaction.
public struct RegisterJournal: Sendable {
    let store: RegisterStore

    /// The journal, or the entries about one entry of the register.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func entries(entity id: String? = nil) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        try forEach(entity: id) { entries.append($0) }
        return entries
    }

    /// How many entries ``forEach(entity:_:)`` will hand over.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func count(entity id: String? = nil) throws -> Int {
        try store.reading { db in
            if let id {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM journal WHERE id = ?", arguments: [id]) ?? 0
            } else {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM journal") ?? 0
            }
        }
    }

    /// The journal, or the entries about one entry of the register, one at a time, oldest first, in
    /// memory that does not grow with the journal.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose columns cannot be read; what `body` throws.
    public func forEach(entity id: String? = nil, _ body: (JournalEntry) throws -> Void) throws {
        try store.reading { db in
            try StoreTables.forEachJournalEntry(db, entityID: id) { stored in
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                try body(entry)
            }
        }
    }

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
    /// `progress` is called once per journal entry read, twice per entry in all (see ``count(entity:)``).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func verify(against seal: JournalSeal?, publicKey: String?, progress: (@Sendable () -> Void)? = nil) throws -> JournalVerification {
        try store.reading { db in
            var verification = JournalVerification()
            verification.progress = progress
            verification.fragments = store.fragments
            if let seal { try verification.check(seal, publicKey: publicKey, db) }
            try verification.runPasses(db)
            return verification
        }
    }

    /// Whether the journal still extends `seal`, without the rest of ``verify(against:publicKey:progress:)``:
    /// the same checks of the seal (its signature, made by `publicKey` when one is given; the journal it
    /// names; the sealed entry's hash), each problem in words, and the journal's last sequence. Cheap
    /// (three lookups), for a page that shows the seal's state at every visit; only the full verification
    /// proves the chain after the seal intact.
    /// - Parameters:
    ///   - seal: the seal, as `registre seal` wrote it.
    ///   - publicKey: the public key that must have signed it, raw, in base64; nil: not compared.
    /// - Returns: the problems with the seal (none: it holds so far) and the journal's last sequence (0 when empty).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func sealState(of seal: JournalSeal, publicKey: String?) throws -> (problems: [LocalizedText], lastSequence: Int64) {
        try store.reading { db in
            var verification = JournalVerification()
            try verification.check(seal, publicKey: publicKey, db)
            return (verification.problems, try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM journal") ?? 0)
        }
    }

    /// Seals the journal as it stands, in the transaction that verifies it: nil, with the verification,
    /// when the journal is empty or not intact (a seal must never vouch for a journal already altered).
    /// The seal is dated by the journal's clock (`date` is for programs that keep their own).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func seal(with key: SealKey, at date: Date? = nil) throws -> (JournalVerification, JournalSeal?) {
        let date = date ?? store.clock.now()
        return try store.reading { db in
            let verification = try JournalVerification.run(db, fragments: store.fragments)
            guard verification.isIntact, let head = verification.head,
                  let first = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE sequence = 1")
            else { return (verification, nil) }
            return (verification, try JournalSeal(journal: first, sequence: head.sequence, hash: head.hash, sealedAt: date, key: key))
        }
    }
}

extension RegisterStore {
    /// The journal: its entries, its verification and its seal.
    public var journal: RegisterJournal { RegisterJournal(store: self) }
}
