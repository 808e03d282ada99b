extension Register {
    /// The agreements that bind `processor` to act for `controller` (Art. 28(3)): those it signed as the
    /// processor with that controller, or with a mutualisation structure that signs for it.
    public func agreements(binding processor: EntityID, for controller: EntityID) -> [DataProcessingAgreement] {
        agreements.filter { agreement in
            agreement.processor == processor && agreement.controllers.contains { signatory in
                signatory == controller || (organisation(signatory)?.members.contains(controller) ?? false)
            }
        }
    }

    /// Whether the register shows a contract under which `processor` acts for `controller`: an agreement
    /// that binds them, or one in which the controller itself engaged it as a sub-processor, which Art.
    /// 28(4) requires to be bound by a contract with it.
    public func hasContract(binding processor: EntityID, for controller: EntityID) -> Bool {
        !agreements(binding: processor, for: controller).isEmpty || agreements.contains { agreement in
            agreement.subProcessors.contains { $0.organisation == processor && $0.engagedBy == controller }
        }
    }
}
