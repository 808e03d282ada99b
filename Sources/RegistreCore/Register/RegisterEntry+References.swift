/// What an entry of the register is called and what it names: the identity rules of the format
/// (`Docs/registre.xsd`'s xs:unique, xs:key and xs:keyref) as values, so that whoever writes one entry at
/// a time (the register of record, the desk) keeps the register as readable as a file that passes them.
extension RegisterEntry {
    /// The entry's own kind and id.
    public var key: EntityKey {
        switch self {
        case .title: .register
        case .organisation(let value): EntityKey(.organisation, value.id)
        case .activity(let value): EntityKey(.activity, value.id)
        case .processorRecord(let value): EntityKey(.processorRecord, value.id)
        case .agreement(let value): EntityKey(.agreement, value.id)
        case .matrix(let value): EntityKey(.matrix, value.id)
        case .audit(let value): EntityKey(.audit, value.id)
        case .breach(let value): EntityKey(.breach, value.id)
        case .campaign(let value): EntityKey(.campaign, value.id)
        case .request(let value): EntityKey(.request, value.id)
        }
    }

    /// Every id the entry declares: its own, and those of the parts that have one (an agreement's change
    /// notices and dated obligations). Ids are unique across the whole register.
    public var declaredIDs: [EntityID] {
        switch self {
        case .title: []
        case .agreement(let agreement): [agreement.id] + agreement.changeNotices.map(\.id) + agreement.obligations.map(\.id)
        default: [key.id]
        }
    }

    /// Every entry this one names, by kind: the entries it cannot be read without.
    public var references: [EntityKey] {
        func organisations(_ ids: [EntityID]) -> [EntityKey] { ids.map { EntityKey(.organisation, $0) } }
        switch self {
        case .title:
            return []
        case .organisation(let organisation):
            return organisations(organisation.members)
        case .activity(let activity):
            return organisations([activity.controller] + activity.jointControllers.map(\.organisation) + activity.processors.map(\.processor))
                + (activity.followedModel.map { [EntityKey(.activity, $0)] } ?? [])
        case .processorRecord(let record):
            return organisations([record.processor, record.controller] + record.subProcessors.map(\.processor))
        case .agreement(let agreement):
            return organisations(agreement.controllers + [agreement.processor]
                + agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] }
                + agreement.changeNotices.flatMap { [$0.subProcessor] + $0.memberAnswers.map(\.member) })
        case .matrix(let matrix):
            return organisations(matrix.parties.map(\.organisation) + matrix.rows.flatMap { $0.cells.map(\.party) })
                + (matrix.agreement.map { [EntityKey(.agreement, $0)] } ?? [])
        case .audit(let audit):
            return organisations([audit.requester, audit.auditee]) + [EntityKey(.agreement, audit.agreement)]
        case .breach(let breach):
            return organisations([breach.controller]) + (breach.agreement.map { [EntityKey(.agreement, $0)] } ?? [])
                + breach.activities.map { EntityKey(.activity, $0) }
        case .campaign(let campaign):
            // Confirmed activities are history, not references: an activity reviewed may later be deleted.
            return organisations([campaign.structure] + campaign.members)
        case .request(let request):
            return organisations([request.controller]) + request.activities.map { EntityKey(.activity, $0) }
        }
    }
}
