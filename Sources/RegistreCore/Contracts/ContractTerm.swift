/// One statement of a contractual term: a period, how the contract counts it, and the clause that says
/// so ("the controller may object within 15 days of the notice", Annex 2, art. 4).
///
/// An agreement may state one term twice, and not always alike (a clause gives 5 days to object, an annex
/// 15): each statement is kept, `ART28-TERM-CONFLICT` names the clauses that disagree, and deadlines are
/// read under the stricter statement for the party that must act (``TermReading``).
public struct ContractTerm: Hashable, Sendable, Codable {
    /// What the term governs.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// How long the controller has to object to a change of sub-processor once told (Art. 28(2)).
        case objectionWindow = "objection-window"
        /// How long before a change of sub-processor takes effect the processor tells the controller.
        case changeNotice = "change-notice"
        /// How long before an audit starts the controller tells the processor (Art. 28(3)(h)).
        case auditNotice = "audit-notice"
        /// The shortest time between two audits ("no more than once in any twelve-month period").
        case auditFrequency = "audit-frequency"
        /// How fast the processor tells the controller of a breach (Art. 33(2)).
        case breachNotification = "breach-notification"
        /// How long before the term a party gives notice of termination.
        case termination
        /// How long the processor has to return or delete the data once asked (Art. 28(3)(g)).
        case reversibility
    }

    /// Events that lift the audit frequency cap, when the contract says so.
    public enum CapException: String, CaseIterable, Hashable, Sendable, Codable {
        /// An audit after a personal data breach at the processor.
        case afterBreach = "after-breach"
        /// An audit the supervisory authority asks for.
        case authorityRequest = "authority-request"
    }

    /// What the term governs.
    public var kind: Kind
    /// The length; `period.workingDays` holds exactly when ``counting`` is ``TermCounting/working``.
    public private(set) var period: DeadlinePeriod
    /// How the contract counts the period: calendar days, working days, or as Regulation 1182/71.
    public private(set) var counting: TermCounting
    /// Where the term stands in the contract: "Annexe 2, art. 4"; nil when the register does not say.
    public var clause: String?
    /// For ``Kind/auditFrequency`` only: the events after which an audit is not held to the cap.
    public var exceptions: [CapException]
    /// True when the contract states no counting and ``counting`` is registre's default (1182/71): a
    /// default applied at reading stays a default, and is not written back as if the contract said it.
    /// Nil when the counting is stated (or the term was made in code).
    public private(set) var countingIsDefault: Bool?

    /// A statement of a term. A period already in working days is counted in working days whatever
    /// `counting` says, so that a term never holds two contradictory countings.
    public init(
        _ kind: Kind, period: DeadlinePeriod, counting: TermCounting = .regulation1182, clause: String? = nil,
        exceptions: [CapException] = []
    ) {
        self.init(kind, period: period, stated: counting, clause: clause, exceptions: exceptions)
    }

    /// A statement of a term as a contract reads: `stated` nil when the contract says nothing of the
    /// counting, which is then 1182/71 (``countingIsDefault``).
    public init(_ kind: Kind, period: DeadlinePeriod, stated: TermCounting?, clause: String? = nil, exceptions: [CapException] = []) {
        let counting: TermCounting = period.workingDays ? .working : (stated ?? .regulation1182)
        countingIsDefault = stated == nil && !period.workingDays ? true : nil
        var period = period
        period.workingDays = counting == .working
        self.kind = kind
        self.period = period
        self.counting = counting
        self.clause = clause
        self.exceptions = exceptions
    }

    /// Whether two statements say the same thing (their clauses may differ).
    public func agrees(with other: ContractTerm) -> Bool {
        kind == other.kind && period == other.period && counting == other.counting && Set(exceptions) == Set(other.exceptions)
    }
}

/// How a contractual period counts its days.
public enum TermCounting: String, CaseIterable, Hashable, Sendable, Codable {
    /// Calendar days; the period ends on its last day whatever day that is ("5 calendar days").
    case calendar
    /// Working days only: Saturdays, Sundays and the public holidays of the calendar in use are skipped.
    case working
    /// Regulation (EEC, Euratom) No 1182/71: calendar days, a last day that is not a working day moves to
    /// the next working day (Art. 3(4)), and a period of two days or more holds two working days (Art. 3(5)).
    case regulation1182 = "1182/71"

    /// "jours calendaires" / "calendar days", for messages.
    public var label: LocalizedText {
        switch self {
        case .calendar: LocalizedText(fr: "calendaires, sans report", en: "calendar days, no roll-over")
        case .working: LocalizedText(fr: "jours ouvrés", en: "working days")
        case .regulation1182: LocalizedText(fr: "règlement 1182/71, fin reportée au jour ouvré suivant", en: "Regulation 1182/71, end moved to the next working day")
        }
    }
}

extension ContractTerm.Kind {
    /// Who must act within or after the term: whose calendar counts it, and for whom a reading is strict.
    public enum Party: Sendable {
        /// The controller, or the processor.
        case controller, processor
    }

    /// Who must act within or after a term of this kind.
    public var obligedParty: Party {
        switch self {
        case .objectionWindow, .auditNotice, .auditFrequency, .termination: .controller
        case .changeNotice, .breachNotification, .reversibility: .processor
        }
    }

    /// Whether the party must act *within* the term (a shorter term is stricter for it), rather than wait
    /// or give notice *at least* that long (a longer term is stricter for it).
    public var actsWithin: Bool {
        switch self {
        case .objectionWindow, .breachNotification, .reversibility: true
        case .changeNotice, .auditNotice, .auditFrequency, .termination: false
        }
    }

    /// "délai d'opposition" / "objection window".
    public var label: LocalizedText {
        switch self {
        case .objectionWindow: LocalizedText(fr: "délai d'opposition à un changement de sous-traitant ultérieur", en: "objection window for a change of sub-processor")
        case .changeNotice: LocalizedText(fr: "délai de prévenance d'un changement de sous-traitant ultérieur", en: "advance notice of a change of sub-processor")
        case .auditNotice: LocalizedText(fr: "délai de prévenance d'un audit", en: "notice of an audit")
        case .auditFrequency: LocalizedText(fr: "délai minimal entre deux audits", en: "shortest interval between two audits")
        case .breachNotification: LocalizedText(fr: "délai de notification d'une violation au responsable", en: "time limit for notifying a breach to the controller")
        case .termination: LocalizedText(fr: "préavis de résiliation", en: "notice of termination")
        case .reversibility: LocalizedText(fr: "délai de réversibilité", en: "reversibility period")
        }
    }

    /// The clause of Art. 28 a statement without its own reference is taken from.
    var article: AgreementClause.Kind? {
        switch self {
        case .objectionWindow, .changeNotice: .subProcessorAuthorisation
        case .auditNotice, .auditFrequency: .audits
        case .breachNotification: .assistance
        case .reversibility: .endOfServices
        case .termination: nil
        }
    }
}

extension ContractTerm.CapException {
    /// The exception's name, in French and English.
    public var label: LocalizedText {
        switch self {
        case .afterBreach: LocalizedText(fr: "après une violation de données", en: "after a personal data breach")
        case .authorityRequest: LocalizedText(fr: "à la demande d'une autorité de contrôle", en: "at the request of a supervisory authority")
        }
    }
}

extension DataProcessingAgreement {
    /// Every statement of a term: those the agreement records as terms, then the value of the older field
    /// that holds it (`notice-period`, `objection-period`, the audit notice, the breach time limit), read
    /// with 1182/71 counting as registre always counted them — unless a term states the same period, in
    /// which case the term, which says how it counts, is that statement.
    public func statements(of kind: ContractTerm.Kind) -> [ContractTerm] {
        let stated = terms.filter { $0.kind == kind }
        let field: DeadlinePeriod? =
            switch kind {
            case .objectionWindow: subProcessorAuthorisation?.objectionPeriod
            case .changeNotice: subProcessorAuthorisation?.noticePeriod
            case .auditNotice: auditTerms?.noticePeriod
            case .breachNotification:
                if case .within(let period) = breachTerms?.timeLimit { period } else { nil }
            case .auditFrequency, .termination, .reversibility: nil
            }
        guard let field, !stated.contains(where: { $0.period.length == field.length }) else { return stated }
        let clause = kind.article.flatMap { self.clause($0)?.reference }
        return stated + [ContractTerm(kind, period: field, counting: .regulation1182, clause: clause)]
    }

    /// The statements of each term that disagree with another statement of the same term.
    public var conflictingTerms: [ContractTerm.Kind: [ContractTerm]] {
        var conflicts: [ContractTerm.Kind: [ContractTerm]] = [:]
        for kind in ContractTerm.Kind.allCases {
            let statements = statements(of: kind)
            guard let first = statements.first, statements.contains(where: { !$0.agrees(with: first) }) else { continue }
            conflicts[kind] = statements
        }
        return conflicts
    }
}
