public import Foundation
import GRDB
public import RegistreCore

/// What a change made: the value its closure returned and the journal entries it wrote.
public struct EditOutcome<Value> {
    /// What the change's closure returned.
    public var value: Value
    /// The journal entries the change appended, one per entry of the register it changed.
    public var journalEntries: [JournalEntry]
}

extension EditOutcome: Sendable where Value: Sendable {}

extension RegisterStore {
    /// One entry of the register as it stands, or nil: its cost grows with the entry, not the register.
    /// - Throws: ``StoreError/corrupt(_:)`` when its fields cannot be read back.
    public func entry(_ key: EntityKey) throws -> RegisterEntry? {
        try reading { db in try EntryLookup(db: db).entry(key) }
    }

    /// The entries named by `keys` with what they name, as ``RegisterEdit/register(around:)`` reads them.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func register(around keys: [EntityKey]) throws -> Register {
        try reading { db in try EntryLookup(db: db).register(around: keys) }
    }

    /// Reads and changes the register in one write transaction, taken at once (`BEGIN IMMEDIATE`): a
    /// command that reads what it changes here cannot undo what another wrote in between, since the other
    /// waits (busy timeout) or has finished. Every save and deletion is journaled as an import journals
    /// it, in the same hash chain; if `body` throws, nothing is written.
    ///
    /// - Parameters:
    ///   - actor: who makes the change, as stated (`--actor`, the signed-in account).
    ///   - effective: when the person says the change takes effect (`--now`), kept beside the journal's
    ///     own time of writing, which comes from the store's clock.
    ///   - body: reads and changes the register through the ``RegisterEdit`` it is given; what it returns
    ///     is the outcome's value.
    /// - Throws: what `body` throws, as it is; a ``StoreError`` when the database cannot answer
    ///   (``StoreError/busy(path:seconds:)`` past the busy timeout, ``StoreError/cannotWrite(path:reason:)``).
    ///   Nothing is written then.
    public func change<Value>(actor: String, effective: Date? = nil, _ body: (RegisterEdit) throws -> Value) throws -> EditOutcome<Value> {
        try writing { db in
            var outcome: EditOutcome<Value>?
            try db.inTransaction(.immediate) {
                let appender = try JournalAppender(
                    db, clock: clock, actor: actor, systemUser: systemUser, effectiveAt: effective, keepingEntries: true)
                let edit = RegisterEdit(db, appender: appender, validator: validator, fragments: fragments)
                let value = try body(edit)
                try edit.settle()
                outcome = EditOutcome(value: value, journalEntries: edit.journalEntries)
                return .commit
            }
            guard let outcome else { throw StoreError.corrupt("the transaction ended without an outcome") }
            return outcome
        }
    }
}
