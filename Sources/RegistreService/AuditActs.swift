public import RegistreCore
public import RegistreStore

/// The acts on audits of processors (Art. 28(3)(h)), written once for the command line and the desk.
public struct AuditActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the audits of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// What an audit request asks: the agreement, the days, and what the requester says of it.
    public struct Request: Sendable {
        /// The agreement the audit relies on.
        public var agreement: EntityID
        /// The planned start.
        public var start: CalendarDate
        /// The day the processor is or was told; nil for the day of the act (Europe/Paris).
        public var notified: CalendarDate?
        /// The id chosen; nil for `audit-START` (`AuditScheduling.defaultID(start:)`).
        public var id: EntityID?
        /// The controller requesting it; nil for the agreement's first controller.
        public var requester: EntityID?
        /// What the audit covers.
        public var scope: String?
        /// Who carries it out.
        public var auditor: String?
        /// The kickoff meeting the processor is invited to.
        public var kickoff: CalendarDate?
        /// The closing meeting the processor is invited to.
        public var closing: CalendarDate?
        /// The event the audit follows, when the agreement's frequency cap makes an exception for it.
        public var ground: ContractTerm.CapException?

        /// An audit request under `agreement` starting on `start`; the rest as the requester gives it.
        /// - Parameters:
        ///   - agreement: the agreement the audit relies on.
        ///   - start: the planned start.
        ///   - notified: the day the processor is or was told; nil for the day of the act.
        ///   - id: the id chosen; nil for `audit-START`.
        ///   - requester: the controller requesting it; nil for the agreement's first controller.
        ///   - scope: what the audit covers.
        ///   - auditor: who carries it out.
        ///   - kickoff: the kickoff meeting.
        ///   - closing: the closing meeting.
        ///   - ground: the event the audit follows, for the frequency cap's exceptions.
        public init(
            agreement: EntityID, start: CalendarDate, notified: CalendarDate? = nil, id: EntityID? = nil, requester: EntityID? = nil,
            scope: String? = nil, auditor: String? = nil, kickoff: CalendarDate? = nil, closing: CalendarDate? = nil,
            ground: ContractTerm.CapException? = nil
        ) {
            self.agreement = agreement
            self.start = start
            self.notified = notified
            self.id = id
            self.requester = requester
            self.scope = scope
            self.auditor = auditor
            self.kickoff = kickoff
            self.closing = closing
            self.ground = ground
        }
    }

    /// A request the agreement's terms or the register refuse, with what its message needs.
    public struct Refused: Error, Sendable {
        /// Why: too early for the notice period, an obstacle (before the processor is told, beyond the
        /// frequency cap), a requester that is not a controller, an id that cannot be used.
        public var reason: AuditScheduling.RequestRefusal
        /// The agreement, as stored when the request was refused.
        public var agreement: DataProcessingAgreement
        /// The day the processor is or was told.
        public var notified: CalendarDate
        /// The start asked for.
        public var start: CalendarDate
        /// What `registre audit request` says: the clause and the first day allowed, or why the requester or id cannot be used.
        public var message: LocalizedText
    }

    /// Records an audit request, refusing a start the agreement's terms do not allow. The agreement, the
    /// other audits its frequency cap counts and the id are read in the write transaction that saves the
    /// audit, so two requests at once are judged against each other.
    /// - Throws: ``Refused``; ``AccessRefusal`` when the person may not request for the requester (the
    ///   desk's accounts); `StoreError/unknownEntry(_:)` for an unknown agreement; what the store throws.
    public func request(_ request: Request, by acting: Acting) throws -> AuditRequest {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            let agreement = try edit.agreement(request.agreement)
            var around = try edit.register(around: [EntityKey(.agreement, agreement.id)])
            // The cap counts the other audits under the agreement.
            around.audits = try edit.audits(under: agreement.id)
            // The one id the request may take, looked up before it: a database error while looking it up is
            // the store's, not an id "already used".
            let auditID = request.id ?? AuditScheduling.defaultID(start: request.start)
            let taken = try edit.isUsed(auditID)
            let notified = request.notified ?? DeadlineCalculator().day(of: acting.now)
            let audit: AuditRequest
            do throws(AuditScheduling.RequestRefusal) {
                audit = try AuditScheduling.request(
                    under: agreement, in: around, id: auditID, requester: request.requester, notified: notified, start: request.start,
                    scope: request.scope, auditor: request.auditor, kickoff: request.kickoff, closing: request.closing,
                    ground: request.ground, isUsed: { $0 != auditID || taken })
            } catch {
                throw Refused(
                    reason: error, agreement: agreement, notified: notified, start: request.start,
                    message: error.message(under: agreement, in: around, notified: notified, start: request.start))
            }
            guard acting.mayEdit(organisation: audit.requester) else { throw AccessRefusal(EntityKey(.organisation, audit.requester)) }
            try Self.checkTimeline(of: audit)
            try edit.save(.audit(audit))
            return audit
        }.value
    }

    /// Records an audit's meetings and the day its report was sent, on the audit as stored in the write
    /// transaction, refusing dates that cannot have happened.
    /// - Parameters:
    ///   - id: the audit.
    ///   - acting: who records them, and when.
    ///   - change: what the person records.
    /// - Returns: the audit as saved.
    /// - Throws: ``ImpossibleTimeline``; ``AccessRefusal`` for an audit the person may not change;
    ///   `StoreError/unknownEntry(_:)`; what `change` and the store throw.
    public func change(_ id: EntityID, by acting: Acting, _ change: (inout AuditRequest) throws -> Void) throws -> AuditRequest {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var audit = try edit.audit(id)
            guard acting.mayEdit(organisation: audit.requester) else { throw AccessRefusal(EntityKey(.audit, id)) }
            try change(&audit)
            try Self.checkTimeline(of: audit)
            try edit.save(.audit(audit))
            return audit
        }.value
    }

    /// An audit whose dates cannot have happened (Art. 28(3)(h)): a kickoff before the planned start, a
    /// closing meeting before the kickoff, a report sent before the audit started or the processor was told.
    public struct ImpossibleTimeline: Error, Hashable, Sendable {
        /// The audit.
        public var audit: EntityID
        /// The findings of `RegisterCheck.auditTimelineRules` that say why.
        public var findings: [Finding]

        /// Each finding on a line, with its code and article, as `registre check` prints them.
        public var message: LocalizedText {
            LocalizedText(
                fr: findings.map { "\($0.code) [audit:\(audit)] \($0.article): \($0.message.fr)" }.joined(separator: "\n"),
                en: findings.map { "\($0.code) [audit:\(audit)] \($0.article): \($0.message.en)" }.joined(separator: "\n"))
        }
    }

    /// Whether the dates of `audit` tell a possible story (`RegisterCheck.auditTimelineRules`): the one
    /// place where that rule guards a write of an audit, by an act here or a form of the desk.
    /// - Throws: ``ImpossibleTimeline``.
    public static func checkTimeline(of audit: AuditRequest) throws {
        var register = Register()
        register.audits = [audit]
        let findings = RegisterCheck.findings(in: register, rules: RegisterCheck.auditTimelineRules)
        guard findings.isEmpty else { throw ImpossibleTimeline(audit: audit.id, findings: findings) }
    }
}
