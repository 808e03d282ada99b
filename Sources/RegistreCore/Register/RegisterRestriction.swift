/// One organisation's register (or several organisations' together: a structure and its members), taken
/// from a register streamed twice: a first pass observes which
/// entries belong to the organisation and which organisations they name, a second admits those entries
/// only. Memory holds ids, never entries, so a register of any size is restricted in flat memory.
/// ``Register/restricted(to:)`` is this, applied to a register in memory.
public struct RegisterRestriction: Sendable {
    /// The organisation whose register is taken (an ``Organisation``'s id); the first of them when several are.
    public let organisation: EntityID
    /// Every organisation whose register is taken.
    private let organisations: Set<EntityID>
    private var named: Set<EntityID>
    private var declaredOrganisations: Set<EntityID> = []
    private var agreements: Set<EntityID> = []
    /// The activities the organisation's register keeps: a link to a model that is not among them goes.
    private var activities: Set<EntityID> = []

    /// A restriction to the register of `organisation`, before its first pass.
    public init(to organisation: EntityID) {
        self.organisation = organisation
        organisations = [organisation]
        named = [organisation]
    }

    /// A restriction to the registers of `organisations` together, before its first pass: every entry one
    /// of them keeps, once (a structure and its members, `export --members-of`).
    /// - Parameter organisations: the organisations, the first named by ``organisation``; none: an empty register.
    public init(toAll organisations: [EntityID]) {
        organisation = organisations.first ?? ""
        self.organisations = Set(organisations)
        named = Set(organisations)
    }

    /// Whether the register holds the organisation at all, or every one of them (after the first pass).
    public var organisationExists: Bool { organisations.isSubset(of: declaredOrganisations) }

    private func records(_ activity: ProcessingActivity) -> Bool {
        organisations.contains(activity.controller) || activity.jointControllers.contains { organisations.contains($0.organisation) }
    }

    /// First pass: every entry, in the order of the format.
    public mutating func observe(_ entry: RegisterEntry) {
        switch entry {
        case .title, .breach, .campaign, .request:
            break
        case .organisation(let value):
            declaredOrganisations.insert(value.id)
        case .activity(let activity):
            guard records(activity) else { return }
            activities.insert(activity.id)
            named.insert(activity.controller)
            named.formUnion(activity.jointControllers.map(\.organisation))
            named.formUnion(activity.processors.map(\.processor))
        case .processorRecord(let record):
            guard organisations.contains(record.processor) else { return }
            named.insert(record.controller)
            named.formUnion(record.subProcessors.map(\.processor))
        case .agreement(let agreement):
            guard isParty(to: agreement) else { return }
            agreements.insert(agreement.id)
            named.formUnion(agreement.controllers + [agreement.processor])
            named.formUnion(agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] })
            named.formUnion(agreement.changeNotices.flatMap { [$0.subProcessor] + ($0.replaces.map { [$0] } ?? []) })
        case .matrix(let matrix):
            guard admits(matrix) else { return }
            named.formUnion(matrix.parties.map(\.organisation))
        case .audit(let audit):
            guard admits(audit) else { return }
            named.formUnion([audit.requester, audit.auditee])
        }
    }

    /// Second pass: the entry as the organisation's register holds it, or nil when it does not. An
    /// organisation's member list keeps only the members the restricted register still holds.
    public func admit(_ entry: RegisterEntry) -> RegisterEntry? {
        switch entry {
        case .title:
            return entry
        case .breach, .campaign, .request:
            return nil
        case .organisation(var value):
            guard named.contains(value.id) else { return nil }
            value.members = value.members.filter { named.contains($0) && declaredOrganisations.contains($0) }
            return .organisation(value)
        case .activity(var activity):
            guard records(activity) else { return nil }
            // A member's activity follows its structure's model, which is the structure's activity and
            // stays out of the member's register: the member's register keeps the values, not the link.
            if let model = activity.followedModel, !activities.contains(model) { activity.modelRole = nil }
            return .activity(activity)
        case .processorRecord(let record):
            return organisations.contains(record.processor) ? entry : nil
        case .agreement(let agreement):
            return isParty(to: agreement) ? entry : nil
        case .matrix(let matrix):
            return admits(matrix) ? entry : nil
        case .audit(let audit):
            return admits(audit) ? entry : nil
        }
    }

    private func isParty(to agreement: DataProcessingAgreement) -> Bool {
        organisations.contains(agreement.processor) || agreement.controllers.contains(where: organisations.contains)
    }

    private func admits(_ matrix: ResponsibilityMatrix) -> Bool {
        matrix.parties.contains { organisations.contains($0.organisation) } && matrix.agreement.map(agreements.contains) != false
    }

    private func admits(_ audit: AuditRequest) -> Bool {
        (organisations.contains(audit.requester) || organisations.contains(audit.auditee)) && agreements.contains(audit.agreement)
    }
}
