/// What a check found: a stable code a DPO can search for and a scheduled job can filter on, how serious
/// it is, which entry of the register it concerns, the article it comes from, and what is wrong in words.
public struct Finding: Hashable, Sendable {
    /// How serious a finding is; severities order from the most serious.
    public enum Severity: String, CaseIterable, Comparable, Sendable {
        /// The register does not meet the article: `registre check` exits 1.
        case error
        /// Probably a gap, or a point the DPO must weigh.
        case warning
        /// Worth knowing, not a gap.
        case info

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        /// Orders severities from the most serious: errors first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The entry of the register a finding is about: the same key as the register of record's journal
    /// uses, so that a finding leads to the entry's history and to the rights on it.
    public typealias Subject = EntityKey

    /// The stable code of the rule that found it, e.g. ``FindingCode/art30_1_a_dpo``.
    public var code: FindingCode
    /// How serious the finding is.
    public var severity: Severity
    /// The entry of the register it concerns.
    public var subject: Subject
    /// "Art. 30(1)(b)".
    public var article: String
    /// What is wrong, in words, in French and English.
    public var message: LocalizedText

    /// A finding of the rule `code`, about `subject`.
    public init(code: FindingCode, severity: Severity, subject: Subject, article: String, message: LocalizedText) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.article = article
        self.message = message
    }
}

extension Array where Element == Finding {
    /// Whether any finding is an error, which makes `registre check` exit 1.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
