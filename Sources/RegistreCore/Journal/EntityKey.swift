/// Entries of the register as the journal of the register of record names them.

/// The kinds of entry the register of record keeps, each row of its tables being one of them.
public enum EntityKind: String, CaseIterable, Comparable, Sendable, Codable {
    /// The register itself: its title.
    case register
    /// An organisation (``Organisation``).
    case organisation
    /// A processing activity (``ProcessingActivity``).
    case activity
    /// A record as processor (``ProcessorRecord``).
    case processorRecord = "processor-record"
    /// A data processing agreement (``DataProcessingAgreement``).
    case agreement
    /// A responsibility matrix (``ResponsibilityMatrix``).
    case matrix = "responsibility-matrix"
    /// An audit request (``AuditRequest``).
    case audit
    /// A breach (``Breach``).
    case breach
    /// A mutualisation structure's review campaign (``ReviewCampaign``).
    case campaign
    /// A request of a person exercising their rights (``DataSubjectRequest``).
    case request

    /// The order entries are written in, so that a journal reads like the register.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Orders kinds as a register file lists its entries: the title first, organisations before activities.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rank < rhs.rank }
}

/// Which entry of the register: its kind and its id (the register's own entry has the id "register").
public struct EntityKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The kind of entry.
    public var kind: EntityKind
    /// The entry's id within its kind.
    public var id: String

    /// The key of the entry of `kind` whose id is `id`.
    public init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// The key of the register's own entry, its title.
    public static let register = EntityKey(.register, "register")

    /// The key as `kind:id`, e.g. `activity:paie`, as journals and messages show it.
    public var description: String { "\(kind.rawValue):\(id)" }

    /// Orders keys by kind, in the order of the register file, then by id.
    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
}

