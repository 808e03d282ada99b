/// The assessment of a breach's risk: the facts of the ENISA severity method, and the DPO's decision
/// where it departs from what the method supports.
public struct RiskAssessment: Hashable, Sendable, Codable {
    /// One category of breached data and the context that adjusts its base score.
    public struct DataContext: Hashable, Sendable, Codable {
        public enum Category: String, CaseIterable, Hashable, Sendable, Codable {
            /// Identity, contact, education, family, professional data: base 1.
            case simple
            /// Location, traffic, preferences, habits: base 2.
            case behavioural
            /// Income, transactions, statements, cards: base 3.
            case financial
            /// Health, political opinions, sexual life…: base 4.
            case sensitive

            public var baseScore: Int {
                switch self {
                case .simple: 1
                case .behavioural: 2
                case .financial: 3
                case .sensitive: 4
                }
            }
        }

        public var category: Category
        /// −3 … +3, from the context (volume, nature of the controller, vulnerable people, data public…).
        public var adjustment: Int

        public init(_ category: Category, adjustment: Int = 0) {
            self.category = category
            self.adjustment = adjustment
        }

        /// The category's score once adjusted, kept between 1 and 4.
        public var score: Int { min(4, max(1, category.baseScore + adjustment)) }
    }

    /// How easily the people concerned can be identified from the breached data.
    public enum EaseOfIdentification: String, CaseIterable, Hashable, Sendable, Codable {
        case negligible, limited, significant, maximum

        public var factor: Double {
            switch self {
            case .negligible: 0.25
            case .limited: 0.5
            case .significant: 0.75
            case .maximum: 1
            }
        }
    }

    public enum ConfidentialityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Exposed, with no evidence of unlawful access: +0.
        case noEvidenceOfAccess = "no-evidence-of-access"
        /// Disclosed to a known number of recipients: +0.25.
        case knownRecipients = "known-recipients"
        /// Disclosed to an unknown number of recipients, or made public: +0.5.
        case unknownRecipients = "unknown-recipients"

        public var points: Double {
            switch self {
            case .noEvidenceOfAccess: 0
            case .knownRecipients: 0.25
            case .unknownRecipients: 0.5
            }
        }
    }

    public enum IntegrityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Altered, no wrong use identified: +0.
        case noWrongUse = "no-wrong-use"
        /// Possibly misused, recoverable: +0.25.
        case recoverable
        /// Possibly misused, not recoverable: +0.5.
        case unrecoverable

        public var points: Double {
            switch self {
            case .noWrongUse: 0
            case .recoverable: 0.25
            case .unrecoverable: 0.5
            }
        }
    }

    public enum AvailabilityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Recoverable without difficulty: +0.
        case recoverable
        /// Temporarily unavailable: +0.25.
        case temporary
        /// Fully and permanently unavailable: +0.5.
        case permanent

        public var points: Double {
            switch self {
            case .recoverable: 0
            case .temporary: 0.25
            case .permanent: 0.5
            }
        }
    }

    /// The DPO's own decision, where it departs from what the method supports, and why.
    public struct Override: Hashable, Sendable, Codable {
        public var level: RiskLevel
        public var justification: String

        public init(_ level: RiskLevel, justification: String) {
            self.level = level
            self.justification = justification
        }
    }

    public var data: [DataContext]
    public var identification: EaseOfIdentification
    public var confidentiality: ConfidentialityLoss?
    public var integrity: IntegrityLoss?
    public var availability: AvailabilityLoss?
    /// Theft, hacking, sale: +0.5.
    public var malicious: Bool
    public var override: Override?

    public init(
        data: [DataContext], identification: EaseOfIdentification, confidentiality: ConfidentialityLoss? = nil,
        integrity: IntegrityLoss? = nil, availability: AvailabilityLoss? = nil, malicious: Bool = false,
        override: Override? = nil
    ) {
        self.data = data
        self.identification = identification
        self.confidentiality = confidentiality
        self.integrity = integrity
        self.availability = availability
        self.malicious = malicious
        self.override = override
    }
}

/// The three tiers of the EDPB: unlikely to result in a risk (document only), a risk (notify the
/// authority), a high risk (notify the authority and communicate to the data subjects).
public enum RiskLevel: String, CaseIterable, Hashable, Sendable, Codable {
    case unlikely = "no-risk"
    case risk
    case high = "high-risk"
}
