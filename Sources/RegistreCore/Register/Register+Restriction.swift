extension Register {
    /// The register of one organisation: the activities it records as controller or joint controller,
    /// its records as a processor, the agreements, matrices and audits it is a party to, and only the
    /// organisations these entries name. No other
    /// organisation's activity can come through, whatever the register holds.
    public func restricted(to organisation: EntityID) -> Register {
        let activities = activities.filter { $0.isRecorded(by: organisation) }
        let records = processorRecords.filter { $0.processor == organisation }
        var named: Set<EntityID> = [organisation]
        for activity in activities {
            named.insert(activity.controller)
            named.formUnion(activity.jointControllers.map(\.organisation))
            named.formUnion(activity.processors.map(\.processor))
        }
        for record in records {
            named.insert(record.controller)
            named.formUnion(record.subProcessors.map(\.processor))
        }
        let agreements = agreements.filter { $0.processor == organisation || $0.controllers.contains(organisation) }
        for agreement in agreements {
            named.formUnion(agreement.controllers + [agreement.processor])
            named.formUnion(agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] })
            named.formUnion(agreement.changeNotices.flatMap { [$0.subProcessor] + ($0.replaces.map { [$0] } ?? []) })
        }
        let agreementIDs = Set(agreements.map(\.id))
        let matrices = matrices.filter { matrix in
            matrix.parties.contains { $0.organisation == organisation } && matrix.agreement.map(agreementIDs.contains) != false
        }
        for matrix in matrices { named.formUnion(matrix.parties.map(\.organisation)) }
        let audits = audits.filter { ($0.requester == organisation || $0.auditee == organisation) && agreementIDs.contains($0.agreement) }
        for audit in audits { named.formUnion([audit.requester, audit.auditee]) }
        var kept = organisations.filter { named.contains($0.id) }
        // A member list may only name organisations the restricted register still holds.
        let keptIDs = Set(kept.map(\.id))
        for index in kept.indices {
            kept[index].members = kept[index].members.filter { keptIDs.contains($0) }
        }
        return Register(
            title: title, organisations: kept, activities: activities, processorRecords: records,
            agreements: agreements, matrices: matrices, audits: audits)
    }
}
