/// The assessment of a breach's risk: the facts of the ENISA severity method, and the DPO's decision
/// where it departs from what the method supports.
public struct RiskAssessment: Hashable, Sendable, Codable {
    /// One category of breached data and the context that adjusts its base score.
    public struct DataContext: Hashable, Sendable, Codable {
        /// The four categories of data of the ENISA method, by how much harm their disclosure can do.
        public enum Category: String, CaseIterable, Hashable, Sendable, Codable {
            /// Identity, contact, education, family, professional data: base 1.
            case simple
            /// Location, traffic, preferences, habits: base 2.
            case behavioural
            /// Income, transactions, statements, cards: base 3.
            case financial
            /// Health, political opinions, sexual life…: base 4.
            case sensitive

            /// The method's base score of the category, from 1 (simple) to 4 (sensitive).
            public var baseScore: Int {
                switch self {
                case .simple: 1
                case .behavioural: 2
                case .financial: 3
                case .sensitive: 4
                }
            }
        }

        /// The category of the breached data.
        public var category: Category
        /// −3 … +3, from the context (volume, nature of the controller, vulnerable people, data public…).
        public var adjustment: Int

        /// A category of data and its context's adjustment (−3 … +3), none by default.
        public init(_ category: Category, adjustment: Int = 0) {
            self.category = category
            self.adjustment = adjustment
        }

        /// The category's score once adjusted, kept between 1 and 4.
        public var score: Int { min(4, max(1, category.baseScore + adjustment)) }
    }

    /// How easily the people concerned can be identified from the breached data.
    public enum EaseOfIdentification: String, CaseIterable, Hashable, Sendable, Codable {
        /// From negligible (the data alone hardly identify anyone) to maximum (they name the person).
        case negligible, limited, significant, maximum

        /// The factor the ease of identification multiplies the data score by, from 0.25 to 1.
        public var factor: Double {
            switch self {
            case .negligible: 0.25
            case .limited: 0.5
            case .significant: 0.75
            case .maximum: 1
            }
        }
    }

    /// What the loss of confidentiality amounted to, which adds to the severity score.
    public enum ConfidentialityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Exposed, with no evidence of unlawful access: +0.
        case noEvidenceOfAccess = "no-evidence-of-access"
        /// Disclosed to a known number of recipients: +0.25.
        case knownRecipients = "known-recipients"
        /// Disclosed to an unknown number of recipients, or made public: +0.5.
        case unknownRecipients = "unknown-recipients"

        /// The points this loss adds to the severity score.
        public var points: Double {
            switch self {
            case .noEvidenceOfAccess: 0
            case .knownRecipients: 0.25
            case .unknownRecipients: 0.5
            }
        }
    }

    /// What the loss of integrity amounted to, which adds to the severity score.
    public enum IntegrityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Altered, no wrong use identified: +0.
        case noWrongUse = "no-wrong-use"
        /// Possibly misused, recoverable: +0.25.
        case recoverable
        /// Possibly misused, not recoverable: +0.5.
        case unrecoverable

        /// The points this loss adds to the severity score.
        public var points: Double {
            switch self {
            case .noWrongUse: 0
            case .recoverable: 0.25
            case .unrecoverable: 0.5
            }
        }
    }

    /// What the loss of availability amounted to, which adds to the severity score.
    public enum AvailabilityLoss: String, CaseIterable, Hashable, Sendable, Codable {
        /// Recoverable without difficulty: +0.
        case recoverable
        /// Temporarily unavailable: +0.25.
        case temporary
        /// Fully and permanently unavailable: +0.5.
        case permanent

        /// The points this loss adds to the severity score.
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
        /// The level the DPO decided on.
        public var level: RiskLevel
        /// Why the DPO departs from the method: kept in the breach register for the authority (Art. 33(5)).
        public var justification: String

        /// The DPO's decision of `level`, with the reason for it.
        public init(_ level: RiskLevel, justification: String) {
            self.level = level
            self.justification = justification
        }
    }

    /// The categories of data breached, each with its context; the highest score counts.
    public var data: [DataContext]
    /// How easily the people concerned can be identified.
    public var identification: EaseOfIdentification
    /// What the loss of confidentiality amounted to; nil when confidentiality was not lost.
    public var confidentiality: ConfidentialityLoss?
    /// What the loss of integrity amounted to; nil when integrity was not lost.
    public var integrity: IntegrityLoss?
    /// What the loss of availability amounted to; nil when availability was not lost.
    public var availability: AvailabilityLoss?
    /// Theft, hacking, sale: +0.5.
    public var malicious: Bool
    /// The DPO's decision where it departs from the method's, with its reason; nil when the method's stands.
    public var override: Override?

    /// Makes an assessment from the facts of the method; only the data and the ease of identification are required.
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
    /// Unlikely to result in a risk: the breach is documented (Art. 33(5)), not notified.
    case unlikely = "no-risk"
    /// A risk: the authority is notified within 72 hours (Art. 33(1)).
    case risk
    /// A high risk: the data subjects are told as well (Art. 34(1)).
    case high = "high-risk"
}
