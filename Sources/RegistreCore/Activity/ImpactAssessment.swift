/// The data protection impact assessment of an activity (Art. 35): which of the EDPB criteria (WP248 rev.01)
/// the processing meets, and where the DPIA stands.
public struct ImpactAssessment: Hashable, Sendable, Codable {
    /// The nine criteria of the EDPB guidelines on DPIA; meeting two or more makes a DPIA likely required.
    public enum Criterion: String, CaseIterable, Hashable, Sendable {
        /// Evaluation or scoring, profiling and predicting included.
        case evaluationOrScoring = "evaluation-or-scoring"
        /// Automated decision-making with legal or similarly significant effect.
        case automatedDecisionWithLegalEffect = "automated-decision"
        /// Systematic monitoring of people.
        case systematicMonitoring = "systematic-monitoring"
        /// Sensitive data or data of a highly personal nature.
        case sensitiveOrHighlyPersonalData = "sensitive-data"
        /// Data processed on a large scale.
        case largeScale = "large-scale"
        /// Matching or combining datasets.
        case matchingOrCombiningDatasets = "matching-datasets"
        /// Data concerning vulnerable data subjects.
        case vulnerableDataSubjects = "vulnerable-data-subjects"
        /// Innovative use or application of new technological or organisational solutions.
        case innovativeTechnology = "innovative-technology"
        /// Processing that prevents people from exercising a right or using a service or a contract.
        case preventsExercisingRight = "prevents-right-or-service"
    }

    /// Where the DPIA of an activity stands.
    public enum Status: String, CaseIterable, Hashable, Sendable {
        /// The criteria were weighed and no DPIA is needed.
        case notRequired = "not-required"
        /// A DPIA is needed and not started.
        case required
        /// A DPIA is being carried out.
        case inProgress = "in-progress"
        /// The DPIA is done (``ImpactAssessment/completed`` says when).
        case done
    }

    /// The criteria of WP248 the processing meets.
    public var criteria: [Criterion]
    /// Where the DPIA stands; nil when the register does not say.
    public var status: Status?
    /// The day the DPIA was completed.
    public var completed: CalendarDate?
    /// Where the DPIA document is kept.
    public var reference: String?

    /// An assessment from the criteria met and where the DPIA stands.
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
