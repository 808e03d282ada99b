extension ScheduledDeadline {
    /// Whether the deadline is one of `organisation`'s: the member it was attributed to (a campaign's
    /// review, a window on the structure's change notice), else a party to its entry — an agreement's
    /// controllers and processor, an audit's requester and auditee, a breach's controller, a campaign's
    /// structure. `deadlines --organisation` shows a member its own.
    public func concerns(_ organisation: EntityID, in register: Register) -> Bool {
        if let owner = self.organisation { return owner == organisation }
        switch subject.kind {
        case .agreement:
            guard let agreement = register.agreement(subject.id) else { return false }
            return agreement.processor == organisation || agreement.controllers.contains(organisation)
        case .audit:
            return register.audits.contains { $0.id == subject.id && ($0.requester == organisation || $0.auditee == organisation) }
        case .breach:
            return register.breaches.contains { $0.id == subject.id && $0.controller == organisation }
        case .campaign:
            return register.campaigns.contains { $0.id == subject.id && $0.structure == organisation }
        case .request:
            return register.requests.contains { $0.id == subject.id && $0.controller == organisation }
        case .register, .organisation, .activity, .processorRecord, .matrix:
            return false
        }
    }
}
