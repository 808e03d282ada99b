/// An audit of a processor by a controller (Art. 28(3)(h)), under the notice period of the agreement.
public struct AuditRequest: Hashable, Sendable, Codable, Identifiable {
    public var id: EntityID
    public var agreement: EntityID
    /// The controller asking for the audit, often a mutualisation structure.
    public var requester: EntityID
    /// The processor audited.
    public var auditee: EntityID
    public var scope: String?
    public var auditor: String?
    /// When the processor was told.
    public var notified: CalendarDate
    public var plannedStart: CalendarDate
    /// The meetings the processor is invited to (seed 004, annex 3, art. 3).
    public var kickoffMeeting: CalendarDate?
    public var closingMeeting: CalendarDate?
    /// When the report was sent to the processor.
    public var reportShared: CalendarDate?
    /// The event the audit follows when the agreement's cap may not hold it back (a breach, a request of
    /// the supervisory authority); nil for an ordinary audit.
    public var ground: ContractTerm.CapException?

    public init(
        id: EntityID, agreement: EntityID, requester: EntityID, auditee: EntityID, scope: String? = nil,
        auditor: String? = nil, notified: CalendarDate, plannedStart: CalendarDate, kickoffMeeting: CalendarDate? = nil,
        closingMeeting: CalendarDate? = nil, reportShared: CalendarDate? = nil, ground: ContractTerm.CapException? = nil
    ) {
        self.id = id
        self.agreement = agreement
        self.requester = requester
        self.auditee = auditee
        self.scope = scope
        self.auditor = auditor
        self.notified = notified
        self.plannedStart = plannedStart
        self.kickoffMeeting = kickoffMeeting
        self.closingMeeting = closingMeeting
        self.reportShared = reportShared
        self.ground = ground
    }
}
