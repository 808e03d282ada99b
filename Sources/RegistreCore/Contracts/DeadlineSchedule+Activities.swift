extension DeadlineSchedule {
    /// The organisations whose activities ``deadlines(in:now:within:)`` reads, in the order first met:
    /// the members of every campaign still running (what each has left to review) and the members of a
    /// structure whose agreement has a change of sub-processor pending (whether their activities use the
    /// processor). Every other deadline comes from agreements, audits, breaches and campaigns alone.
    ///
    /// A register that holds these organisations' activities and none of the others gives the same
    /// deadlines as the whole register: what lets a database answer without reading every activity.
    public static func activityControllers(in register: Register) -> [EntityID] {
        var seen: Set<EntityID> = []
        var controllers: [EntityID] = []
        func add(_ members: [EntityID]) {
            for member in members where seen.insert(member).inserted { controllers.append(member) }
        }
        for campaign in register.campaigns where campaign.closed == nil { add(campaign.members) }
        for agreement in register.agreements
        where !agreement.statements(of: .objectionWindow).isEmpty && agreement.changeNotices.contains(where: { $0.outcome == .pending }) {
            for structure in agreement.controllers.compactMap(register.organisation) {
                add(structure.members.filter { !agreement.controllers.contains($0) })
            }
        }
        return controllers
    }
}
