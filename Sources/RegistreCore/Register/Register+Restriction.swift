extension Register {
    /// The register of one organisation: the activities it records as controller or joint controller,
    /// its records as a processor, and only the organisations these entries name. No other
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
        var kept = organisations.filter { named.contains($0.id) }
        // A member list may only name organisations the restricted register still holds.
        let keptIDs = Set(kept.map(\.id))
        for index in kept.indices {
            kept[index].members = kept[index].members.filter { keptIDs.contains($0) }
        }
        return Register(title: title, organisations: kept, activities: activities, processorRecords: records)
    }
}
