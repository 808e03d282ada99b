/// A processor (or, in a processor's record, a sub-processor) engaged for a service, and the agreement that
/// binds it (Art. 28(3)).
public struct ProcessorEngagement: Hashable, Sendable, Codable {
    /// The processor engaged (an ``Organisation``'s id).
    public var processor: EntityID
    /// What the processor does, in the DPO's words ("hébergement", "paie").
    public var service: String
    /// The reference of the data-processing agreement.
    public var agreement: String?

    /// The engagement of `processor` for `service`, under `agreement`.
    public init(processor: EntityID, service: String, agreement: String? = nil) {
        self.processor = processor
        self.service = service
        self.agreement = agreement
    }
}
