/// Entries of the register as the journal of the register of record names them.

/// The kinds of entry the register of record keeps, each row of its tables being one of them.
public enum EntityKind: String, CaseIterable, Comparable, Sendable, Codable {
    /// The register itself: its title.
    case register
    case organisation
    case activity
    case processorRecord = "processor-record"
    case agreement
    case matrix = "responsibility-matrix"
    case audit
    case breach
    /// A mutualisation structure's review campaign (``ReviewCampaign``).
    case campaign

    /// The order entries are written in, so that a journal reads like the register.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rank < rhs.rank }
}

/// Which entry of the register: its kind and its id (the register's own entry has the id "register").
public struct EntityKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: EntityKind
    public var id: String

    public init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static let register = EntityKey(.register, "register")

    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
}

