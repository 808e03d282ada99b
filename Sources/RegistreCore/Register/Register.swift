/// A register: the organisations it speaks of, the controllers' records of processing activities
/// (Art. 30(1)), the processors' records (Art. 30(2)), and the contracts that bind processors (Art. 28):
/// agreements, responsibility matrices, audits.
///
/// A register may hold several controllers: a mutualisation structure keeps its members' activities
/// beside its own. `restricted(to:)` gives one organisation's register.
public struct Register: Hashable, Sendable, Codable {
    public var title: String?
    public var organisations: [Organisation]
    public var activities: [ProcessingActivity]
    public var processorRecords: [ProcessorRecord]
    /// Art. 28 agreements, with their sub-processors and dated obligations.
    public var agreements: [DataProcessingAgreement]
    public var matrices: [ResponsibilityMatrix]
    public var audits: [AuditRequest]
    /// The breach register (Art. 33(5)): every breach, notified or not.
    public var breaches: [Breach]

    public init(
        title: String? = nil, organisations: [Organisation] = [], activities: [ProcessingActivity] = [],
        processorRecords: [ProcessorRecord] = [], agreements: [DataProcessingAgreement] = [],
        matrices: [ResponsibilityMatrix] = [], audits: [AuditRequest] = [], breaches: [Breach] = []
    ) {
        self.title = title
        self.organisations = organisations
        self.activities = activities
        self.processorRecords = processorRecords
        self.agreements = agreements
        self.matrices = matrices
        self.audits = audits
        self.breaches = breaches
    }

    public func agreement(_ id: EntityID) -> DataProcessingAgreement? {
        agreements.first { $0.id == id }
    }

    public func organisation(_ id: EntityID) -> Organisation? {
        organisations.first { $0.id == id }
    }

    /// The organisations that control at least one activity, in the order they are declared.
    public var controllers: [Organisation] {
        let ids = Set(activities.map(\.controller))
        return organisations.filter { ids.contains($0.id) }
    }
}
