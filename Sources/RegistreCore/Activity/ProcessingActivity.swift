/// One entry of a controller's record of processing activities (Art. 30(1)), laid out as the CNIL's
/// register model is, so that a French DPO finds each heading where they expect it.
public struct ProcessingActivity: Hashable, Sendable, Codable, Identifiable {
    /// Where an activity stands in its life.
    public enum Status: String, CaseIterable, Hashable, Sendable {
        /// Drafted and not yet carried out, carried out now, or stopped (kept in the register for the record).
        case draft, active, retired
    }

    /// An Art. 26 joint controller and the arrangement that sets their respective responsibilities.
    public struct JointController: Hashable, Sendable, Codable {
        /// The joint controller (an ``Organisation``'s id).
        public var organisation: EntityID
        /// Where the Art. 26 arrangement is kept, or what it says.
        public var arrangement: String?

        /// A joint controller and the arrangement with it.
        public init(organisation: EntityID, arrangement: String? = nil) {
            self.organisation = organisation
            self.arrangement = arrangement
        }
    }

    /// The activity's id in the register.
    public var id: EntityID
    /// The activity's name, as the register shows it.
    public var name: String
    /// Whether the activity is drafted, carried out or stopped.
    public var status: Status
    /// The day the activity was entered in the register.
    public var created: CalendarDate?
    /// The day the DPO last reviewed the activity.
    public var lastReviewed: CalendarDate?
    /// Art. 30(1)(a): the controller; its contact details, representative and DPO are the organisation's.
    public var controller: EntityID
    /// Art. 26: the other controllers that determine the purposes and means jointly.
    public var jointControllers: [JointController]
    /// The software or application the processing runs in (CNIL model).
    public var application: String?
    /// Art. 30(1)(b).
    public var purposes: [String]
    /// Art. 6(1).
    public var legalBases: [LegalBasis]
    /// Art. 9.
    public var specialCategories: [SpecialCategoryData]
    /// Art. 10.
    public var criminalOffenceData: CriminalOffenceData?
    /// Art. 30(1)(c).
    public var dataSubjects: [Category]
    /// Art. 30(1)(c).
    public var dataCategories: [Category]
    /// Art. 30(1)(d).
    public var recipients: [Recipient]
    /// Art. 30(1)(e).
    public var transfers: [Transfer]
    /// Art. 30(1)(f).
    public var retention: [RetentionPeriod]
    /// Art. 30(1)(g), Art. 32(1).
    public var securityMeasures: [SecurityMeasure]
    /// Art. 28.
    public var processors: [ProcessorEngagement]
    /// Art. 35.
    public var impactAssessment: ImpactAssessment?
    /// A model of a mutualisation structure, or a member's activity that follows one; nil for the rest.
    public var modelRole: ModelRole?

    /// An activity of `controller`, active unless `status` says otherwise; only the id, name and controller are
    /// required.
    public init(
        id: EntityID, name: String, status: Status = .active, created: CalendarDate? = nil,
        lastReviewed: CalendarDate? = nil, controller: EntityID, jointControllers: [JointController] = [],
        application: String? = nil, purposes: [String] = [], legalBases: [LegalBasis] = [],
        specialCategories: [SpecialCategoryData] = [], criminalOffenceData: CriminalOffenceData? = nil,
        dataSubjects: [Category] = [], dataCategories: [Category] = [], recipients: [Recipient] = [],
        transfers: [Transfer] = [], retention: [RetentionPeriod] = [], securityMeasures: [SecurityMeasure] = [],
        processors: [ProcessorEngagement] = [], impactAssessment: ImpactAssessment? = nil,
        modelRole: ModelRole? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.created = created
        self.lastReviewed = lastReviewed
        self.controller = controller
        self.jointControllers = jointControllers
        self.application = application
        self.purposes = purposes
        self.legalBases = legalBases
        self.specialCategories = specialCategories
        self.criminalOffenceData = criminalOffenceData
        self.dataSubjects = dataSubjects
        self.dataCategories = dataCategories
        self.recipients = recipients
        self.transfers = transfers
        self.retention = retention
        self.securityMeasures = securityMeasures
        self.processors = processors
        self.impactAssessment = impactAssessment
        self.modelRole = modelRole
    }

    /// Whether the organisation keeps this activity in its own register: as its controller or as one of
    /// its joint controllers (each joint controller records the processing it determines, Art. 26).
    public func isRecorded(by organisation: EntityID) -> Bool {
        controller == organisation || jointControllers.contains { $0.organisation == organisation }
    }
}
