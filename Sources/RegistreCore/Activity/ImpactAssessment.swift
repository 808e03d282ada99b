/// The data protection impact assessment of an activity (Art. 35): which of the EDPB criteria (WP248 rev.01)
/// the processing meets, and where the DPIA stands.
public struct ImpactAssessment: Hashable, Sendable, Codable {
    /// The nine criteria of the EDPB guidelines on DPIA; meeting two or more makes a DPIA likely required.
    public enum Criterion: String, CaseIterable, Hashable, Sendable {
        case evaluationOrScoring = "evaluation-or-scoring"
        case automatedDecisionWithLegalEffect = "automated-decision"
        case systematicMonitoring = "systematic-monitoring"
        case sensitiveOrHighlyPersonalData = "sensitive-data"
        case largeScale = "large-scale"
        case matchingOrCombiningDatasets = "matching-datasets"
        case vulnerableDataSubjects = "vulnerable-data-subjects"
        case innovativeTechnology = "innovative-technology"
        case preventsExercisingRight = "prevents-right-or-service"
    }

    public enum Status: String, CaseIterable, Hashable, Sendable {
        /// The criteria were weighed and no DPIA is needed.
        case notRequired = "not-required"
        /// A DPIA is needed and not started.
        case required
        case inProgress = "in-progress"
        case done
    }

    public var criteria: [Criterion]
    public var status: Status?
    public var completed: CalendarDate?
    /// Where the DPIA document is kept.
    public var reference: String?

    public init(criteria: [Criterion] = [], status: Status? = nil, completed: CalendarDate? = nil, reference: String? = nil) {
        self.criteria = criteria
        self.status = status
        self.completed = completed
        self.reference = reference
    }

    /// WP248: "the more criteria are met, the more likely"; two is the threshold the EDPB gives.
    public var isLikelyRequired: Bool { Set(criteria).count >= 2 }

    /// Whether a DPIA has been carried out or is under way.
    public var isRecorded: Bool { status == .done || status == .inProgress }
}

extension ImpactAssessment.Criterion {
    /// The criterion as the EDPB guidelines name it, for messages and printed registers.
    public var words: LocalizedText {
        switch self {
        case .evaluationOrScoring: LocalizedText(fr: "évaluation ou notation", en: "evaluation or scoring")
        case .automatedDecisionWithLegalEffect: LocalizedText(fr: "décision automatisée avec effet juridique", en: "automated decision with legal effect")
        case .systematicMonitoring: LocalizedText(fr: "surveillance systématique", en: "systematic monitoring")
        case .sensitiveOrHighlyPersonalData: LocalizedText(fr: "données sensibles ou à caractère hautement personnel", en: "sensitive or highly personal data")
        case .largeScale: LocalizedText(fr: "traitement à grande échelle", en: "large-scale processing")
        case .matchingOrCombiningDatasets: LocalizedText(fr: "croisement ou combinaison de données", en: "matching or combining datasets")
        case .vulnerableDataSubjects: LocalizedText(fr: "personnes vulnérables", en: "vulnerable data subjects")
        case .innovativeTechnology: LocalizedText(fr: "usage innovant ou nouvelle technologie", en: "innovative use or new technology")
        case .preventsExercisingRight: LocalizedText(fr: "exclusion du bénéfice d'un droit ou d'un service", en: "prevents exercising a right or using a service")
        }
    }
}
