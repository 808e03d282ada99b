/// What an account of the desk may do. The roles are few on purpose: a DPO's office has an administrator
/// (who also manages the accounts), DPOs who keep the registers of the organisations given to them, and
/// readers (an auditor, a director) who only look.
public enum AccountRole: String, CaseIterable, Hashable, Sendable, Codable {
    /// Everything, accounts included, for every organisation.
    case admin
    /// Reads and edits the organisations given, and the members of a structure given.
    case dpo
    /// Reads the organisations given, and nothing else.
    case reader
}
