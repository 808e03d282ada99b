/// One entry of a processor's record (Art. 30(2)): what it does on behalf of one controller.
public struct ProcessorRecord: Hashable, Sendable, Codable, Identifiable {
    /// The record's id in the register.
    public var id: EntityID
    /// Art. 30(2)(a): the processor; its contact details, representative and DPO are the organisation's.
    public var processor: EntityID
    /// Art. 30(2)(a): the controller on whose behalf it acts.
    public var controller: EntityID
    /// The day the record was entered in the register.
    public var created: CalendarDate?
    /// The day the record was last reviewed.
    public var lastReviewed: CalendarDate?
    /// Art. 30(2)(b).
    public var processingCategories: [String]
    /// Art. 30(2)(c).
    public var transfers: [Transfer]
    /// Art. 30(2)(d).
    public var securityMeasures: [SecurityMeasure]
    /// Art. 28(2) and (4).
    public var subProcessors: [ProcessorEngagement]

    /// A processor's record of what it does for `controller`; only the id and the two parties are required.
    public init(
        id: EntityID, processor: EntityID, controller: EntityID, created: CalendarDate? = nil,
        lastReviewed: CalendarDate? = nil, processingCategories: [String] = [], transfers: [Transfer] = [],
        securityMeasures: [SecurityMeasure] = [], subProcessors: [ProcessorEngagement] = []
    ) {
        self.id = id
        self.processor = processor
        self.controller = controller
        self.created = created
        self.lastReviewed = lastReviewed
        self.processingCategories = processingCategories
        self.transfers = transfers
        self.securityMeasures = securityMeasures
        self.subProcessors = subProcessors
    }
}
