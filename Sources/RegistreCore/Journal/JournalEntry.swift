public import Foundation

/// One entry of the journal of the register of record: who changed which entry of the register, when,
/// and every field's value before and after.
///
/// Entries are chained: each holds the SHA-256 of the previous one and its own, computed over all its
/// content (by the store), so that an entry altered, removed or inserted behind the tool's back breaks
/// the chain.
public struct JournalEntry: Equatable, Sendable {
    public enum Change: String, Sendable, Codable {
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
    public var entity: EntityKey
    public var change: Change
    public var fields: [FieldChange]
    public var previousHash: String
    public var hash: String

    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

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
    public var name: String
    public var before: String?
    public var after: String?

    public init(name: String, before: String?, after: String?) {
        self.name = name
        self.before = before
        self.after = after
    }
}

