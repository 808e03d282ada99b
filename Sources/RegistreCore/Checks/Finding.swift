/// What a check found: a stable code a DPO can search for and a scheduled job can filter on, how serious
/// it is, which entry of the register it concerns, the article it comes from, and what is wrong in words.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, CaseIterable, Comparable, Sendable {
        /// The register does not meet the article: `registre check` exits 1.
        case error
        /// Probably a gap, or a point the DPO must weigh.
        case warning
        case info

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The entry of the register a finding is about.
    public struct Subject: Hashable, Sendable, CustomStringConvertible {
        /// The kinds of entry are those of the register of record's journal.
        public typealias Kind = EntityKind

        public var kind: Kind
        public var id: EntityID

        public init(_ kind: Kind, _ id: EntityID) {
            self.kind = kind
            self.id = id
        }

        public var description: String { "\(kind.rawValue):\(id)" }
    }

    public var code: String
    public var severity: Severity
    public var subject: Subject
    /// "Art. 30(1)(b)".
    public var article: String
    public var message: LocalizedText

    public init(code: String, severity: Severity, subject: Subject, article: String, message: LocalizedText) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.article = article
        self.message = message
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
