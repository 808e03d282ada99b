/// An audit of a processor by a controller (Art. 28(3)(h)), under the notice period of the agreement.
public struct AuditRequest: Hashable, Sendable, Codable, Identifiable {
    /// The audit's id in the register.
    public var id: EntityID
    /// The agreement the audit is made under.
    public var agreement: EntityID
    /// The controller asking for the audit, often a mutualisation structure.
    public var requester: EntityID
    /// The processor audited.
    public var auditee: EntityID
    /// What the audit covers, in words.
    public var scope: String?
    /// Who carries out the audit: the controller's team or a third party.
    public var auditor: String?
    /// When the processor was told.
    public var notified: CalendarDate
    /// The day the audit is to start: not before the agreement's notice period has run from ``notified``.
    public var plannedStart: CalendarDate
    /// The meetings the processor is invited to (seed 004, annex 3, art. 3).
    public var kickoffMeeting: CalendarDate?
    /// The closing meeting, to which the processor is invited.
    public var closingMeeting: CalendarDate?
    /// When the report was sent to the processor.
    public var reportShared: CalendarDate?
    /// The event the audit follows when the agreement's cap may not hold it back (a breach, a request of
    /// the supervisory authority); nil for an ordinary audit.
    public var ground: ContractTerm.CapException?

    /// An audit requested by `requester` of `auditee` under `agreement`; only these, the dates of notice and start, and
    /// the id are required.
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
