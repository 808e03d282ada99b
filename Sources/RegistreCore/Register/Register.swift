import Foundation

/// A register: the organisations it speaks of, the controllers' records of processing activities
/// (Art. 30(1)), the processors' records (Art. 30(2)), and the contracts that bind processors (Art. 28):
/// agreements, responsibility matrices, audits.
///
/// A register may hold several controllers: a mutualisation structure keeps its members' activities
/// beside its own. `restricted(to:)` gives one organisation's register.
public struct Register: Hashable, Sendable {
    /// The register's title, as its first page shows it.
    public var title: String?
    /// The organisations the register speaks of: controllers, processors, members of a mutualisation structure.
    public var organisations: [Organisation] { didSet { index = Index() } }
    /// The controllers' records of processing activities (Art. 30(1)).
    public var activities: [ProcessingActivity]
    /// The processors' records of the activities they carry out for controllers (Art. 30(2)).
    public var processorRecords: [ProcessorRecord]
    /// Art. 28 agreements, with their sub-processors and dated obligations.
    public var agreements: [DataProcessingAgreement] { didSet { index = Index() } }
    /// The responsibility matrices that share the duties of Art. 28 between controllers and processors.
    public var matrices: [ResponsibilityMatrix]
    /// The audits controllers requested of their processors (Art. 28(3)(h)).
    public var audits: [AuditRequest]
    /// The breach register (Art. 33(5)): every breach, notified or not.
    public var breaches: [Breach]
    /// How long an activity may go without review before the check asks for one (Art. 24(1)); three
    /// years when the register does not say (`defaultReviewPeriod`).
    public var reviewPeriod: PeriodLength?
    /// A mutualisation structure's review campaigns.
    public var campaigns: [ReviewCampaign]
    /// The requests of the people exercising their rights (Art. 15 to 22), and how each was answered
    /// (Art. 12).
    public var requests: [DataSubjectRequest]
    /// Where each organisation and agreement stands, built on first lookup: rules look parties up for
    /// every entry, and a linear search would make checking a large register quadratic.
    private(set) var index = Index()

    /// A register of the given entries; every list is empty by default.
    public init(
        title: String? = nil, organisations: [Organisation] = [], activities: [ProcessingActivity] = [],
        processorRecords: [ProcessorRecord] = [], agreements: [DataProcessingAgreement] = [],
        matrices: [ResponsibilityMatrix] = [], audits: [AuditRequest] = [], breaches: [Breach] = [],
        campaigns: [ReviewCampaign] = [], reviewPeriod: PeriodLength? = nil, requests: [DataSubjectRequest] = []
    ) {
        self.title = title
        self.organisations = organisations
        self.activities = activities
        self.processorRecords = processorRecords
        self.agreements = agreements
        self.matrices = matrices
        self.audits = audits
        self.breaches = breaches
        self.reviewPeriod = reviewPeriod
        self.campaigns = campaigns
        self.requests = requests
    }

    /// The review period of a register that sets none: three years. The GDPR sets no figure; Art. 24(1)
    /// asks that measures be "reviewed and updated where necessary".
    public static let defaultReviewPeriod = PeriodLength(3, .years)

    /// The agreement whose id is `id`, or nil; looked up in constant time after the first call.
    public func agreement(_ id: EntityID) -> DataProcessingAgreement? {
        index.position(of: id, in: agreements, \.agreements).map { agreements[$0] }
    }

    /// The organisation whose id is `id`, or nil; looked up in constant time after the first call.
    public func organisation(_ id: EntityID) -> Organisation? {
        index.position(of: id, in: organisations, \.organisations).map { organisations[$0] }
    }

    /// The organisations that control at least one activity, in the order they are declared.
    public var controllers: [Organisation] {
        let ids = Set(activities.map(\.controller))
        return organisations.filter { ids.contains($0.id) }
    }
}

extension Register {
    /// A lookup table that is not part of the register's value: every index compares equal, and a copy
    /// that changes its organisations or agreements gets a new one.
    struct Index: Hashable, @unchecked Sendable {
        final class Tables {
            let lock = NSLock()
            var organisations: [EntityID: Int]?
            var agreements: [EntityID: Int]?
            var agreementsByParties: [Parties: [Int]]?
            var agreementsBySubProcessor: [EntityID: [Int]]?
            var structuresByMember: [EntityID: [EntityID]]?
        }

        /// A processor and one controller that signed an agreement with it.
        struct Parties: Hashable {
            var processor: EntityID
            var signatory: EntityID
        }

        private let tables = Tables()

        func position<Entry: Identifiable>(
            of id: EntityID, in entries: [Entry], _ table: ReferenceWritableKeyPath<Tables, [EntityID: Int]?>
        ) -> Int? where Entry.ID == EntityID {
            tables.lock.lock()
            defer { tables.lock.unlock() }
            // One read of the table: every rule looks its entry's controller up, many times an activity.
            if let positions = tables[keyPath: table] { return positions[id] }
            // The first of several entries with one id wins, as a linear search would find it.
            let positions = Dictionary(entries.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
            tables[keyPath: table] = positions
            return positions[id]
        }

        /// The positions of the agreements whose processor is `processor` and that `signatory` signed as a
        /// controller, in the register's order.
        func agreementPositions(processor: EntityID, signatory: EntityID, in agreements: [DataProcessingAgreement]) -> [Int] {
            tables.lock.lock()
            defer { tables.lock.unlock() }
            if tables.agreementsByParties == nil {
                var table: [Parties: [Int]] = [:]
                for (position, agreement) in agreements.enumerated() {
                    for signatory in Set(agreement.controllers) {
                        table[Parties(processor: agreement.processor, signatory: signatory), default: []].append(position)
                    }
                }
                tables.agreementsByParties = table
            }
            return tables.agreementsByParties?[Parties(processor: processor, signatory: signatory)] ?? []
        }

        /// The organisations that list `member` among their members (the first organisation of each id,
        /// as ``Register/organisation(_:)`` finds it), in the register's order.
        func structures(of member: EntityID, in organisations: [Organisation]) -> [EntityID] {
            tables.lock.lock()
            defer { tables.lock.unlock() }
            if tables.structuresByMember == nil {
                var seen: Set<EntityID> = []
                var table: [EntityID: [EntityID]] = [:]
                for organisation in organisations where seen.insert(organisation.id).inserted {
                    for member in Set(organisation.members) { table[member, default: []].append(organisation.id) }
                }
                tables.structuresByMember = table
            }
            return tables.structuresByMember?[member] ?? []
        }

        /// The positions of the agreements that list `id` among their sub-processors, in the register's
        /// order, each once.
        func agreementPositions(subProcessor id: EntityID, in agreements: [DataProcessingAgreement]) -> [Int] {
            tables.lock.lock()
            defer { tables.lock.unlock() }
            if tables.agreementsBySubProcessor == nil {
                var table: [EntityID: [Int]] = [:]
                for (position, agreement) in agreements.enumerated() {
                    for organisation in Set(agreement.subProcessors.map(\.organisation)) { table[organisation, default: []].append(position) }
                }
                tables.agreementsBySubProcessor = table
            }
            return tables.agreementsBySubProcessor?[id] ?? []
        }

        static func == (lhs: Index, rhs: Index) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}
