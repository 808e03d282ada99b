extension Register {
    /// The agreements that bind `processor` to act for `controller` (Art. 28(3)): those it signed as the
    /// processor with that controller, or with a mutualisation structure that signs for it.
    public func agreements(binding processor: EntityID, for controller: EntityID) -> [DataProcessingAgreement] {
        // Through the index: a check asks this of every activity, and a register may hold thousands of
        // agreements (a million activities against a thousand agreements made check quadratic).
        // The controller signs itself, or a structure it is a member of signs for it.
        let signatories = [controller] + index.structures(of: controller, in: organisations)
        let positions = Set(signatories.flatMap { index.agreementPositions(processor: processor, signatory: $0, in: agreements) })
        return positions.sorted().map { agreements[$0] }
    }

    /// Whether the register shows a contract under which `processor` acts for `controller`: an agreement
    /// that binds them, or one in which the controller itself engaged it as a sub-processor, which Art.
    /// 28(4) requires to be bound by a contract with it.
    public func hasContract(binding processor: EntityID, for controller: EntityID) -> Bool {
        !agreements(binding: processor, for: controller).isEmpty
            || index.agreementPositions(subProcessor: processor, in: agreements).contains { position in
                agreements[position].subProcessors.contains { $0.organisation == processor && $0.engagedBy == controller }
            }
    }
}
