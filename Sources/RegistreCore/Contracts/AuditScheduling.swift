/// When an audit may start under an agreement: not before the processor is told, not before its notice
/// period has run from that day (seed 004: "au minimum 30 jours avant le lancement de l'audit"), and not
/// sooner after the previous audit than the agreement's frequency cap allows ("no more than once in any
/// twelve-month period"), unless the audit follows an event the cap makes an exception for.
public enum AuditScheduling {
    /// Whether a start date respects the agreement's notice period.
    public enum Decision: Equatable, Sendable {
        /// The start respects the notice; `earliest` is the first day it could have been.
        case allowed(earliest: CalendarDate?)
        /// The start is too early; `earliest` is the first day allowed.
        case refused(earliest: CalendarDate)
    }

    /// What keeps an audit from starting when planned, with the first day it could start.
    public enum Obstacle: Hashable, Sendable {
        /// The audit starts before the processor is told of it.
        case beforeNotified(earliest: CalendarDate, notice: TermReading?)
        /// The audit starts before the notice period has run.
        case noticeTooShort(notice: TermReading)
        /// Another audit under the agreement started less than the cap before it.
        case beyondCap(previous: AuditRequest, cap: TermReading)

        /// The first day the audit could start, as far as this obstacle goes.
        public var earliest: CalendarDate {
            switch self {
            case .beforeNotified(let earliest, _): earliest
            case .noticeTooShort(let notice): notice.day
            case .beyondCap(_, let cap): cap.day
            }
        }
    }

    /// The first day an audit notified on `notified` may start: the notice read under the stricter of its
    /// statements (``TermReading``), or nil when the agreement sets no notice.
    public static func earliestStart(notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> CalendarDate? {
        agreement.reading(.auditNotice, from: notified, in: register)?.day
    }

    /// Whether an audit notified on `notified` may start on `start` under `agreement`.
    public static func decide(start: CalendarDate, notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> Decision {
        guard let earliest = earliestStart(notified: notified, agreement: agreement, in: register) else { return .allowed(earliest: nil) }
        return start < earliest ? .refused(earliest: earliest) : .allowed(earliest: earliest)
    }

    /// Everything that keeps `audit` from starting when planned, given the other audits of the register.
    ///
    /// The cap counts the audits under the same agreement that start on or before this one (earlier in
    /// the register on the same day) and are not themselves on a ground the cap makes an exception for;
    /// an audit on such a ground is not held back. The cap runs in the requester's calendar.
    public static func obstacles(to audit: AuditRequest, agreement: DataProcessingAgreement, in register: Register) -> [Obstacle] {
        var obstacles: [Obstacle] = []
        let notice = agreement.reading(.auditNotice, from: audit.notified, in: register)
        if audit.plannedStart < audit.notified {
            obstacles.append(.beforeNotified(earliest: max(notice?.day ?? audit.notified, audit.notified), notice: notice))
        } else if let notice, audit.plannedStart < notice.day {
            obstacles.append(.noticeTooShort(notice: notice))
        }
        let caps = agreement.statements(of: .auditFrequency)
        // A ground that any statement of the cap exempts is read as exempt only if every statement does:
        // the stricter reading for the controller.
        let exempt = audit.ground.map { ground in !caps.isEmpty && caps.allSatisfy { $0.exceptions.contains(ground) } } ?? false
        guard !caps.isEmpty, !exempt else { return obstacles }
        let order = Dictionary(register.audits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let calculator = agreement.calculator(for: .auditFrequency, in: register)
        let previous = register.audits.filter { other in
            guard other.id != audit.id, other.agreement == agreement.id else { return false }
            if let ground = other.ground, caps.allSatisfy({ $0.exceptions.contains(ground) }) { return false }
            if other.plannedStart != audit.plannedStart { return other.plannedStart < audit.plannedStart }
            return (order[other.id] ?? .max) < (order[audit.id] ?? .max)
        }
        guard let latest = previous.max(by: { $0.plannedStart < $1.plannedStart }),
              let cap = TermReading(caps, from: latest.plannedStart, calculator: calculator),
              audit.plannedStart < cap.day
        else { return obstacles }
        obstacles.append(.beyondCap(previous: latest, cap: cap))
        return obstacles
    }
}

extension AuditScheduling {
    /// Why an audit cannot be requested as asked.
    public enum RequestRefusal: Error, Equatable, Sendable {
        /// The start comes before the agreement's notice period has run; `earliest` is the first day allowed.
        case tooEarly(earliest: CalendarDate)
        /// The start comes before the processor is told, or beyond the agreement's frequency cap.
        case obstacle(Obstacle)
        /// The requester is not a controller of the agreement.
        case notAController(EntityID)
        /// The id is not a valid id, or is already used in the register.
        case unusableID(EntityID)
    }

    /// The id an audit gets when none is chosen: `audit-` and the day it starts (`audit-2027-06-01`).
    /// - Parameter start: the day the audit starts.
    public static func defaultID(start: CalendarDate) -> EntityID { "audit-\(start.iso)" }

    /// The audit a controller may request under `agreement`: by default from its first controller, with
    /// the id `audit-START`; refused when it would start before the processor is told, before the notice
    /// period has run, or sooner after the previous audit than the cap allows (Art. 28(3)(h)).
    ///
    /// - Parameters:
    ///   - agreement: the agreement under which the audit is requested (Art. 28(3)(h)).
    ///   - register: holds at least the agreement's parties (their time zones and calendars count the
    ///     periods) and the other audits under the agreement (the cap counts them).
    ///   - id: the audit's id; by default `audit-START`.
    ///   - requester: the controller that requests it; by default the agreement's first controller.
    ///   - notified: the day the processor is told of the audit.
    ///   - start: the day the audit starts.
    ///   - scope: what the audit covers, as the request states it.
    ///   - auditor: who audits (the controller itself or a mandated auditor).
    ///   - kickoff: the day of the opening meeting, when one is planned.
    ///   - closing: the day of the closing meeting, when one is planned.
    ///   - ground: the event the audit follows, when the cap may make an exception for it.
    ///   - isUsed: whether an id is already used anywhere in the register (default: in `register`).
    /// - Throws: ``RequestRefusal``.
    public static func request(
        under agreement: DataProcessingAgreement, in register: Register, id: EntityID? = nil, requester: EntityID? = nil,
        notified: CalendarDate, start: CalendarDate, scope: String? = nil, auditor: String? = nil,
        kickoff: CalendarDate? = nil, closing: CalendarDate? = nil, ground: ContractTerm.CapException? = nil,
        isUsed: ((EntityID) -> Bool)? = nil
    ) throws(RequestRefusal) -> AuditRequest {
        let requester = requester ?? agreement.controllers.first ?? ""
        let id = id ?? defaultID(start: start)
        let audit = AuditRequest(
            id: id, agreement: agreement.id, requester: requester, auditee: agreement.processor, scope: scope,
            auditor: auditor, notified: notified, plannedStart: start, kickoffMeeting: kickoff, closingMeeting: closing,
            ground: ground)
        // The obstacle that pushes the start furthest names the first day allowed.
        if let worst = obstacles(to: audit, agreement: agreement, in: register).max(by: { $0.earliest < $1.earliest }) {
            if case .noticeTooShort(let notice) = worst { throw .tooEarly(earliest: notice.day) }
            throw .obstacle(worst)
        }
        guard agreement.controllers.contains(requester) else { throw .notAController(requester) }
        let used = isUsed ?? { register.allIDs.contains($0) }
        guard Register.isValidID(id), !used(id) else { throw .unusableID(id) }
        return audit
    }
}

extension AuditScheduling.Obstacle {
    /// What `audit request` and the desk say when the agreement's terms refuse the start asked for: the
    /// clause and the first day allowed.
    public func refusal(under agreement: DataProcessingAgreement, notified: CalendarDate, start: CalendarDate) -> LocalizedText {
        switch self {
        case .beforeNotified(let earliest, let notice):
            let clause = notice.map { LocalizedText(fr: " ; préavis : \($0.explanation.fr)", en: "; notice: \($0.explanation.en)") }
            return LocalizedText(
                fr: "Audit refusé : il commencerait le \(start.iso), avant que le sous-traitant en soit informé (le \(notified.iso))\(clause?.fr ?? "") ; il ne peut commencer qu'à partir du \(earliest.iso).",
                en: "Audit refused: it would start on \(start.iso), before the processor is told of it (on \(notified.iso))\(clause?.en ?? ""); it cannot start before \(earliest.iso).")
        case .noticeTooShort(let notice):
            return LocalizedText(
                fr: "Audit refusé : l'accord « \(agreement.title) » impose un préavis de \(notice.explanation.fr) ; l'audit ne peut commencer qu'à partir du \(notice.day.iso) (demandé : \(start.iso)).",
                en: "Audit refused: the agreement '\(agreement.title)' requires \(notice.explanation.en) of notice; the audit cannot start before \(notice.day.iso) (requested: \(start.iso)).")
        case .beyondCap(let previous, let cap):
            return LocalizedText(
                fr: "Audit refusé : l'accord « \(agreement.title) » limite la fréquence des audits (\(cap.explanation.fr)) ; l'audit « \(previous.id) » a commencé le \(previous.plannedStart.iso), le suivant ne peut commencer qu'à partir du \(cap.day.iso) (demandé : \(start.iso)).",
                en: "Audit refused: the agreement '\(agreement.title)' caps how often audits happen (\(cap.explanation.en)); the audit '\(previous.id)' started on \(previous.plannedStart.iso), the next cannot start before \(cap.day.iso) (requested: \(start.iso)).")
        }
    }
}

extension AuditScheduling.RequestRefusal {
    /// What `audit request` says when it refuses: for a start the agreement's terms refuse, the clause and
    /// the first day allowed; otherwise why the requester or the id cannot be used.
    ///
    /// - Parameters:
    ///   - agreement: the agreement the audit was requested under.
    ///   - register: holds at least the agreement's parties, whose calendars count the notice.
    ///   - notified: the day the processor is or was told.
    ///   - start: the start asked for.
    public func message(
        under agreement: DataProcessingAgreement, in register: Register, notified: CalendarDate, start: CalendarDate
    ) -> LocalizedText {
        switch self {
        case .tooEarly(let earliest):
            let notice = agreement.reading(.auditNotice, from: notified, in: register)?.explanation
            return LocalizedText(
                fr: "Audit refusé : l'accord « \(agreement.title) » impose un préavis de \(notice?.fr ?? "?") ; notifié le \(notified.iso), l'audit ne peut commencer qu'à partir du \(earliest.iso) (demandé : \(start.iso)).",
                en: "Audit refused: the agreement '\(agreement.title)' requires \(notice?.en ?? "?") of notice; notified on \(notified.iso), the audit cannot start before \(earliest.iso) (requested: \(start.iso)).")
        case .obstacle(let obstacle):
            return obstacle.refusal(under: agreement, notified: notified, start: start)
        case .notAController(let requester):
            return LocalizedText(
                fr: "Audit refusé : le demandeur « \(requester) » n'est pas responsable du traitement de l'accord « \(agreement.id) ».",
                en: "Audit refused: the requester '\(requester)' is not a controller of the agreement '\(agreement.id)'.")
        case .unusableID(let id):
            return LocalizedText(
                fr: "Audit refusé : « \(id) » n'est pas un identifiant nouveau (lettres, chiffres, « . », « _ », « - », pas encore utilisé dans le registre).",
                en: "Audit refused: '\(id)' is not a new id (letters, digits, '.', '_', '-', not used in the register yet).")
        }
    }
}
