public import Foundation

/// One entry of the journal of the register of record: who changed which entry of the register, when,
/// and every field's value before and after.
///
/// Entries are chained: each holds the SHA-256 of the previous one and its own, computed over all its
/// content (by the store), so that an entry altered, removed or inserted behind the tool's back breaks
/// the chain.
public struct JournalEntry: Equatable, Sendable {
    /// What a journal entry did to its entry of the register.
    public enum Change: String, Sendable, Codable {
        /// The entry was added, changed, or removed.
        case created, updated, deleted
    }

    /// 1, 2, 3… with no gap.
    public var sequence: Int64
    /// When the change was written, by the clock of the machine that wrote it: never earlier than the
    /// entry before it, and never taken from the command line.
    public var recordedAt: Date
    /// The moment the person making the change said it takes effect (`--now`), when it differs from the
    /// moment it was written: a breach notified yesterday and recorded today. Journals written before
    /// registre recorded it have none.
    public var effectiveAt: Date?
    /// Who made the change, as the person or the desk account stated it (`--actor`, the signed-in login).
    public var actor: String
    /// The operating-system account that ran the program that wrote the entry, whatever `--actor` says.
    /// Journals written before registre recorded it have none.
    public var systemUser: String?
    /// Which entry of the register changed.
    public var entity: EntityKey
    /// Whether the entry was created, updated or deleted.
    public var change: Change
    /// Every field that changed, with its value before and after.
    public var fields: [FieldChange]
    /// The ``hash`` of the entry before this one (``genesis`` for the first), which chains them.
    public var previousHash: String
    /// The SHA-256, in lowercase hexadecimal, of this entry's content and ``previousHash``.
    public var hash: String

    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// An entry as the store reads it back; the store alone computes `hash` when it appends one.
    public init(sequence: Int64, recordedAt: Date, effectiveAt: Date? = nil, actor: String, systemUser: String? = nil,
                entity: EntityKey, change: Change, fields: [FieldChange], previousHash: String, hash: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.effectiveAt = effectiveAt
        self.actor = actor
        self.systemUser = systemUser
        self.entity = entity
        self.change = change
        self.fields = fields
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// One field's value before and after a change; nil where the field was or is absent.
public struct FieldChange: Equatable, Sendable, Codable {
    /// The field's name as the register's JSON form names it, e.g. `purposes`.
    public var name: String
    /// The field's value before the change, as JSON text; nil when the field was absent.
    public var before: String?
    /// The field's value after the change, as JSON text; nil when the field is now absent.
    public var after: String?

    /// One field's change from `before` to `after`.
    public init(name: String, before: String?, after: String?) {
        self.name = name
        self.before = before
        self.after = after
    }
}

