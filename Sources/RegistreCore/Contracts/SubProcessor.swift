/// A sub-processor engaged under an agreement: by which processor (or sub-processor: chains), for what,
/// where, with which certifications, and since when.
public struct SubProcessor: Hashable, Sendable, Codable {
    /// The sub-processor (an ``Organisation``'s id).
    public var organisation: EntityID
    /// Who engaged it: the agreement's processor, or another sub-processor.
    public var engagedBy: EntityID
    /// What the sub-processor does, in the contract's words.
    public var service: String
    /// ISO 3166-1 alpha-2 codes of where it processes the data.
    public var countries: [String]
    /// SecNumCloud, HDS, ISO 27001…
    public var certifications: [String]
    /// The Chapter V mechanism, where it processes outside the EEA.
    public var safeguard: Transfer.Safeguard?
    /// The day from which the sub-processor is authorised.
    public var authorisedSince: CalendarDate?
    /// The change notice it was added by; nil when the agreement itself names it.
    public var changeNotice: EntityID?

    /// A sub-processor engaged by `engagedBy` for `service`; only these and the organisation are required.
    public init(
        organisation: EntityID, engagedBy: EntityID, service: String, countries: [String] = [],
        certifications: [String] = [], safeguard: Transfer.Safeguard? = nil, authorisedSince: CalendarDate? = nil,
        changeNotice: EntityID? = nil
    ) {
        self.organisation = organisation
        self.engagedBy = engagedBy
        self.service = service
        self.countries = countries
        self.certifications = certifications
        self.safeguard = safeguard
        self.authorisedSince = authorisedSince
        self.changeNotice = changeNotice
    }

    /// Whether any of its locations is outside the EEA.
    public var processesOutsideTheEEA: Bool { countries.contains { !EuropeanEconomicArea.contains($0) } }
}

/// An intended addition or replacement of a sub-processor, as notified to the controllers (Art. 28(2)):
/// notice → objection deadline → outcome.
public struct SubProcessorChange: Hashable, Sendable, Codable, Identifiable {
    /// Whether the change adds a sub-processor or replaces one.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// A sub-processor is added, or one replaces another (``SubProcessorChange/replaces``).
        case addition, replacement
    }

    /// What became of the change once the controllers could object.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        /// The objection window runs, or has closed with no outcome recorded yet.
        case pending
        /// No objection: the change may take effect.
        case accepted
        /// A controller objected and the objection is upheld: the change must not take effect.
        case objected
        /// The processor withdrew the change.
        case withdrawn

        /// "pas d'opposition" / "no objection".
        public var label: LocalizedText {
            switch self {
            case .pending: LocalizedText(fr: "en attente", en: "pending")
            case .accepted: LocalizedText(fr: "pas d'opposition", en: "no objection")
            case .objected: LocalizedText(fr: "opposition maintenue", en: "objection upheld")
            case .withdrawn: LocalizedText(fr: "changement retiré", en: "change withdrawn")
            }
        }
    }

    /// The change's id, unique in the agreement.
    public var id: EntityID
    /// Whether a sub-processor is added or replaces one.
    public var kind: Kind
    /// The sub-processor added (an ``Organisation``'s id).
    public var subProcessor: EntityID
    /// The sub-processor replaced, for a replacement.
    public var replaces: EntityID?
    /// The day the controllers were told: the objection period runs from here.
    public var noticeDate: CalendarDate
    /// Where the change stands.
    public var outcome: Outcome
    /// When the change was put into effect.
    public var applied: CalendarDate?
    /// When the outcome was recorded.
    public var decided: CalendarDate?
    /// Stored only when there is one, so that a change notice without any keeps its stored form.
    private var answers: [MemberAnswer]?
    /// The answers of the members of a structure party to the agreement, each to its own objection window
    /// (``ChangeNoticeFanOut``), one per member, in the order they were given.
    public var memberAnswers: [MemberAnswer] {
        get { answers ?? [] }
        set { answers = newValue.isEmpty ? nil : newValue }
    }

    /// A change of `kind` notified on `noticeDate`, pending until an outcome is recorded, with the answers
    /// its structure's members gave.
    public init(
        id: EntityID, kind: Kind, subProcessor: EntityID, replaces: EntityID? = nil, noticeDate: CalendarDate,
        outcome: Outcome = .pending, applied: CalendarDate? = nil, decided: CalendarDate? = nil, memberAnswers: [MemberAnswer] = []
    ) {
        self.id = id
        self.kind = kind
        self.subProcessor = subProcessor
        self.replaces = replaces
        self.noticeDate = noticeDate
        self.outcome = outcome
        self.applied = applied
        self.decided = decided
        self.memberAnswers = memberAnswers
    }
}

extension DataProcessingAgreement {
    /// When a change took effect: the day it was applied, else the day the sub-processor it added is
    /// authorised since.
    public func effectiveDate(of change: SubProcessorChange) -> CalendarDate? {
        change.applied ?? subProcessors.first { $0.changeNotice == change.id && $0.organisation == change.subProcessor }?.authorisedSince
    }
}
