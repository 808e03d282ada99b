extension AccessPolicy {
    /// An agreement is read by whoever may read its processor or one of its controllers: each keeps it
    /// among its records (Art. 28(9): the contract is in writing, for both sides).
    public func mayRead(_ agreement: DataProcessingAgreement) -> Bool {
        mayRead(organisation: agreement.processor) || agreement.controllers.contains(where: mayRead(organisation:))
    }

    /// An agreement's change notices and objections are recorded by whoever keeps the register of one of
    /// its controllers: they are the controllers' to receive and object to (Art. 28(2)).
    public func mayEdit(_ agreement: DataProcessingAgreement) -> Bool {
        agreement.controllers.contains(where: mayEdit(organisation:))
    }

    /// An audit is read by whoever may read the controller that requests it or the processor audited.
    public func mayRead(_ audit: AuditRequest) -> Bool {
        mayRead(organisation: audit.requester) || mayRead(organisation: audit.auditee)
    }

    /// An audit is requested, and its meetings and report recorded, by whoever keeps its requester's register.
    public func mayEdit(_ audit: AuditRequest) -> Bool { mayEdit(organisation: audit.requester) }
}
