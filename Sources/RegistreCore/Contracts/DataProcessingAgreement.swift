/// A data-processing agreement (Art. 28(3)): the contract that binds a processor to one or more
/// controllers, with the clauses the GDPR requires mapped to its articles, the terms that make them work
/// (notice periods, time limits), the sub-processors it authorises, and the dated obligations it sets.
public struct DataProcessingAgreement: Hashable, Sendable, Codable, Identifiable {
    /// The agreement's id in the register.
    public var id: EntityID
    /// The agreement's title, as the contract gives it.
    public var title: String
    /// The controllers (a mutualisation structure signs for its members).
    public var controllers: [EntityID]
    /// The processor bound by the agreement (an ``Organisation``'s id).
    public var processor: EntityID
    /// The day the agreement was signed.
    public var signed: CalendarDate?
    /// When the agreement ends: its own term, or that of the contract it is attached to.
    public var term: CalendarDate?
    /// The duration as the contract words it.
    public var duration: String?
    /// Art. 28(3): subject matter, nature and purpose, type of personal data, categories of data subjects.
    public var subjectMatter: String?
    /// Art. 28(3): the nature of the processing.
    public var nature: String?
    /// Art. 28(3): the purposes of the processing.
    public var purposes: [String]
    /// Art. 28(3): the types of personal data.
    public var dataTypes: [String]
    /// Art. 28(3): the categories of data subjects.
    public var dataSubjects: [String]
    /// The clauses, each mapped to the point of Art. 28 it fulfils.
    public var clauses: [AgreementClause]
    /// How sub-processors may be engaged (Art. 28(2)).
    public var subProcessorAuthorisation: SubProcessorAuthorisation?
    /// The audit clause (Art. 28(3)(h)).
    public var auditTerms: AuditTerms?
    /// The breach clause: how fast the processor tells the controllers of a breach (Art. 33(2)).
    public var breachTerms: BreachNotificationTerms?
    /// The transfer clause (Art. 28(3)(a), Chapter V).
    public var transferTerms: TransferTerms?
    /// Terms as the contract states them, each with its clause and its counting; one term may be stated
    /// more than once (see ``statements(of:)``, which also reads the older fields above).
    public var terms: [ContractTerm]
    /// The calendar the contract says its periods are counted in, as an ISO 3166 code (`FR`, `DE-BY`,
    /// `GB-SCT`; see ``PublicHolidays/init(code:)``); nil: each party's own country.
    public var calendar: String?
    /// The day a controller asked the processor for its reversibility plan (seed 004, art. 6: "a plan
    /// within three months of the request"): the event the `reversibility` term counts from; nil while no
    /// one has asked.
    public var reversibilityRequested: CalendarDate?
    /// The sub-processors engaged under the agreement, and theirs (a chain).
    public var subProcessors: [SubProcessor]
    /// Intended additions or replacements of sub-processors, notified to the controllers.
    public var changeNotices: [SubProcessorChange]
    /// Obligations with a time limit: notices before the term, plans within months of a request…
    public var obligations: [DatedObligation]

    /// An agreement between `controllers` and `processor`; only the id, title and parties are required.
    public init(
        id: EntityID, title: String, controllers: [EntityID], processor: EntityID, signed: CalendarDate? = nil,
        term: CalendarDate? = nil, duration: String? = nil, subjectMatter: String? = nil, nature: String? = nil,
        purposes: [String] = [], dataTypes: [String] = [], dataSubjects: [String] = [], clauses: [AgreementClause] = [],
        subProcessorAuthorisation: SubProcessorAuthorisation? = nil, auditTerms: AuditTerms? = nil,
        breachTerms: BreachNotificationTerms? = nil, transferTerms: TransferTerms? = nil, terms: [ContractTerm] = [], calendar: String? = nil,
        subProcessors: [SubProcessor] = [], changeNotices: [SubProcessorChange] = [], obligations: [DatedObligation] = []
    ) {
        self.id = id
        self.title = title
        self.controllers = controllers
        self.processor = processor
        self.signed = signed
        self.term = term
        self.duration = duration
        self.subjectMatter = subjectMatter
        self.nature = nature
        self.purposes = purposes
        self.dataTypes = dataTypes
        self.dataSubjects = dataSubjects
        self.clauses = clauses
        self.subProcessorAuthorisation = subProcessorAuthorisation
        self.auditTerms = auditTerms
        self.breachTerms = breachTerms
        self.transferTerms = transferTerms
        self.terms = terms
        self.calendar = calendar
        self.subProcessors = subProcessors
        self.changeNotices = changeNotices
        self.obligations = obligations
    }

    /// The clause of `kind`, or nil when the agreement has none.
    public func clause(_ kind: AgreementClause.Kind) -> AgreementClause? {
        clauses.first { $0.kind == kind }
    }
}

extension DataProcessingAgreement {
    /// Reads the stored form, where fields added after an agreement was stored are absent: an agreement
    /// kept by an earlier version has no `terms`.
    ///
    /// - Throws: `DecodingError` when a field present is not of its type, or a field always stored is absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(container)
        reversibilityRequested = try container.decodeIfPresent(CalendarDate.self, forKey: .reversibilityRequested)
    }

    private init(_ container: KeyedDecodingContainer<CodingKeys>) throws {
        self.init(
            id: try container.decode(EntityID.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            controllers: try container.decode([EntityID].self, forKey: .controllers),
            processor: try container.decode(EntityID.self, forKey: .processor),
            signed: try container.decodeIfPresent(CalendarDate.self, forKey: .signed),
            term: try container.decodeIfPresent(CalendarDate.self, forKey: .term),
            duration: try container.decodeIfPresent(String.self, forKey: .duration),
            subjectMatter: try container.decodeIfPresent(String.self, forKey: .subjectMatter),
            nature: try container.decodeIfPresent(String.self, forKey: .nature),
            purposes: try container.decode([String].self, forKey: .purposes),
            dataTypes: try container.decode([String].self, forKey: .dataTypes),
            dataSubjects: try container.decode([String].self, forKey: .dataSubjects),
            clauses: try container.decode([AgreementClause].self, forKey: .clauses),
            subProcessorAuthorisation: try container.decodeIfPresent(SubProcessorAuthorisation.self, forKey: .subProcessorAuthorisation),
            auditTerms: try container.decodeIfPresent(AuditTerms.self, forKey: .auditTerms),
            breachTerms: try container.decodeIfPresent(BreachNotificationTerms.self, forKey: .breachTerms),
            transferTerms: try container.decodeIfPresent(TransferTerms.self, forKey: .transferTerms),
            terms: try container.decodeIfPresent([ContractTerm].self, forKey: .terms) ?? [],
            calendar: try container.decodeIfPresent(String.self, forKey: .calendar),
            subProcessors: try container.decode([SubProcessor].self, forKey: .subProcessors),
            changeNotices: try container.decode([SubProcessorChange].self, forKey: .changeNotices),
            obligations: try container.decode([DatedObligation].self, forKey: .obligations))
    }
}

/// A clause of an agreement and the point of Art. 28 it fulfils.
public struct AgreementClause: Hashable, Sendable, Codable {
    /// The points of Art. 28(2), (3) and (4) a clause may fulfil.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Processes only on documented instructions, transfers included.
        case instructions = "28-3-a"
        /// Persons authorised to process are bound to confidentiality.
        case confidentiality = "28-3-b"
        /// Takes the measures of Art. 32.
        case security = "28-3-c"
        /// Respects the conditions for engaging another processor.
        case subProcessing = "28-3-d"
        /// Assists with data subjects' requests.
        case dataSubjectRights = "28-3-e"
        /// Assists with Arts 32 to 36.
        case assistance = "28-3-f"
        /// Deletes or returns the data at the end of the services.
        case endOfServices = "28-3-g"
        /// Makes information available and allows audits.
        case audits = "28-3-h"
        /// Prior written authorisation of sub-processors, and notice of changes under a general one.
        case subProcessorAuthorisation = "28-2"
        /// The same obligations flow down to sub-processors; the processor stays liable.
        case flowDown = "28-4"

        /// "Art. 28(3)(a)", "Art. 28(2)".
        public var article: String {
            let parts = rawValue.split(separator: "-")
            return parts.count == 3 ? "Art. 28(3)(\(parts[2]))" : "Art. 28(\(parts[1]))"
        }
    }

    /// The point of Art. 28 the clause fulfils.
    public var kind: Kind
    /// Where the clause stands in the contract: "Annexe 3, art. 2".
    public var reference: String
    /// What the clause says, in a sentence.
    public var summary: String?

    /// A clause of `kind` found at `reference` in the contract.
    public init(_ kind: Kind, reference: String, summary: String? = nil) {
        self.kind = kind
        self.reference = reference
        self.summary = summary
    }
}

/// How sub-processors may be engaged (Art. 28(2)).
public struct SubProcessorAuthorisation: Hashable, Sendable, Codable {
    /// Whether sub-processors are authorised one by one or in general.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Each sub-processor is authorised one by one.
        case specific
        /// Sub-processors are authorised in general, the controller being told of changes and able to object.
        case general
    }

    /// Whether sub-processors are authorised one by one or in general.
    public var kind: Kind
    /// How long before a change the processor tells the controllers.
    public var noticePeriod: DeadlinePeriod?
    /// How long the controllers have to object once told.
    public var objectionPeriod: DeadlinePeriod?

    /// The terms of a `kind` of authorisation.
    public init(_ kind: Kind, noticePeriod: DeadlinePeriod? = nil, objectionPeriod: DeadlinePeriod? = nil) {
        self.kind = kind
        self.noticePeriod = noticePeriod
        self.objectionPeriod = objectionPeriod
    }
}

/// The audit clause (Art. 28(3)(h)): how long before an audit the processor is told, and how it is
/// associated with it.
public struct AuditTerms: Hashable, Sendable, Codable {
    /// What the clause lets the controller do: Art. 28(3)(h) asks for audits "including inspections".
    public enum Access: String, CaseIterable, Hashable, Sendable, Codable {
        /// Only information: written questions, questionnaires, certificates, reports.
        case informationOnly = "information-only"
        /// Audits including inspections.
        case inspections
    }

    /// How long before an audit the processor is told.
    public var noticePeriod: DeadlinePeriod?
    /// Whether the processor is invited to the audit's meetings.
    public var processorInvitedToMeetings: Bool
    /// Whether the audit's reports are shared with the processor.
    public var reportsShared: Bool
    /// Nil when the register does not say; only ``Access/informationOnly`` draws a finding.
    public var access: Access?

    /// The terms of the audit clause.
    public init(
        noticePeriod: DeadlinePeriod? = nil, processorInvitedToMeetings: Bool = false, reportsShared: Bool = false,
        access: Access? = nil
    ) {
        self.noticePeriod = noticePeriod
        self.processorInvitedToMeetings = processorInvitedToMeetings
        self.reportsShared = reportsShared
        self.access = access
    }
}

/// The breach clause (Art. 33(2), 28(3)(f)): how fast the processor tells the controller of a breach and
/// what its notice must contain.
public struct BreachNotificationTerms: Hashable, Sendable, Codable {
    /// How fast the processor must tell the controller of a breach.
    public enum TimeLimit: Hashable, Sendable, Codable {
        /// The GDPR's own words, "without undue delay" ("dans les meilleurs délais").
        case withoutUndueDelay
        /// Within a set time after the processor becomes aware.
        case within(DeadlinePeriod)
    }

    /// What the processor's notice contains, in the terms of Art. 33(3).
    public enum Content: String, CaseIterable, Hashable, Sendable, Codable {
        /// The items of Art. 33(3)(a)–(d): nature, contact point, likely consequences, measures.
        case nature, contactPoint = "contact-point", consequences, measures
    }

    /// How fast the processor must tell the controller; nil when the agreement does not say.
    public var timeLimit: TimeLimit?
    /// What the processor's notice must contain.
    public var contents: [Content]

    /// The terms of the breach clause.
    public init(timeLimit: TimeLimit? = nil, contents: [Content] = []) {
        self.timeLimit = timeLimit
        self.contents = contents
    }
}

/// The transfer clause: transfers only on documented instructions, and under which Chapter V mechanisms.
public struct TransferTerms: Hashable, Sendable, Codable {
    /// The Chapter V mechanisms transfers may rely on.
    public var mechanisms: [Transfer.Safeguard]
    /// Whether data are transferred on the controller's documented instructions only (Art. 28(3)(a)).
    public var onDocumentedInstructionsOnly: Bool

    /// The terms of the transfer clause.
    public init(mechanisms: [Transfer.Safeguard] = [], onDocumentedInstructionsOnly: Bool = false) {
        self.mechanisms = mechanisms
        self.onDocumentedInstructionsOnly = onDocumentedInstructionsOnly
    }
}
