/// A sub-processor engaged under an agreement: by which processor (or sub-processor: chains), for what,
/// where, with which certifications, and since when.
public struct SubProcessor: Hashable, Sendable, Codable {
    public var organisation: EntityID
    /// Who engaged it: the agreement's processor, or another sub-processor.
    public var engagedBy: EntityID
    public var service: String
    /// ISO 3166-1 alpha-2 codes of where it processes the data.
    public var countries: [String]
    /// SecNumCloud, HDS, ISO 27001…
    public var certifications: [String]
    /// The Chapter V mechanism, where it processes outside the EEA.
    public var safeguard: Transfer.Safeguard?
    public var authorisedSince: CalendarDate?
    /// The change notice it was added by; nil when the agreement itself names it.
    public var changeNotice: EntityID?

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
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
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

    public var id: EntityID
    public var kind: Kind
    public var subProcessor: EntityID
    public var replaces: EntityID?
    public var noticeDate: CalendarDate
    public var outcome: Outcome
    /// When the change was put into effect.
    public var applied: CalendarDate?
    /// When the outcome was recorded.
    public var decided: CalendarDate?

    public init(
        id: EntityID, kind: Kind, subProcessor: EntityID, replaces: EntityID? = nil, noticeDate: CalendarDate,
        outcome: Outcome = .pending, applied: CalendarDate? = nil, decided: CalendarDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.subProcessor = subProcessor
        self.replaces = replaces
        self.noticeDate = noticeDate
        self.outcome = outcome
        self.applied = applied
        self.decided = decided
    }
}

extension DataProcessingAgreement {
    /// When a change took effect: the day it was applied, else the day the sub-processor it added is
    /// authorised since.
    public func effectiveDate(of change: SubProcessorChange) -> CalendarDate? {
        change.applied ?? subProcessors.first { $0.changeNotice == change.id && $0.organisation == change.subProcessor }?.authorisedSince
    }
}
