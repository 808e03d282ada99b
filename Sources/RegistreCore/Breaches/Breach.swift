public import Foundation

/// A personal data breach, as the breach register of Art. 33(5) keeps it: the facts and times, the
/// content Art. 33(3) asks of a notification, the risk assessment, and what was notified to whom.
public struct Breach: Hashable, Sendable, Codable, Identifiable {
    /// Art. 4(12): loss of confidentiality, integrity or availability, possibly combined.
    public enum Nature: String, CaseIterable, Hashable, Sendable, Codable {
        case confidentiality, integrity, availability
    }

    public var id: EntityID
    public var title: String
    public var controller: EntityID
    /// The agreement of the processor concerned, when a processor was involved.
    public var agreement: EntityID?
    public var occurredFrom: Date?
    public var occurredTo: Date?
    public var detected: Date?
    /// When the controller became aware: the 72 hours of Art. 33(1) run from here.
    public var aware: Date
    /// When the processor told the controller (Art. 33(2)).
    public var processorNotifiedController: Date?
    public var nature: [Nature]
    /// Art. 33(3)(a): the nature of the breach.
    public var description: String?
    /// Art. 33(3)(a): categories and approximate number of data subjects.
    public var dataSubjectCategories: [String]
    public var approximateSubjects: Int?
    /// Art. 33(3)(a): categories and approximate number of personal data records.
    public var dataCategories: [String]
    public var approximateRecords: Int?
    /// Art. 33(3)(b): the DPO or another contact point.
    public var contact: Contact?
    /// Art. 33(3)(c).
    public var likelyConsequences: String?
    /// Art. 33(3)(d): measures taken or proposed.
    public var measures: [String]
    /// The processing activities concerned.
    public var activities: [EntityID]
    public var assessment: RiskAssessment?
    /// Notifications to the supervisory authority: the initial one, then follow-ups (Art. 33(4)).
    public var notifications: [AuthorityNotification]
    /// Why the notification came after 72 hours (Art. 33(1)).
    public var delayReasons: String?
    /// Communication to the data subjects (Art. 34), or the exception relied on.
    public var communication: SubjectCommunication?

    public init(
        id: EntityID, title: String, controller: EntityID, agreement: EntityID? = nil, occurredFrom: Date? = nil,
        occurredTo: Date? = nil, detected: Date? = nil, aware: Date, processorNotifiedController: Date? = nil,
        nature: [Nature], description: String? = nil, dataSubjectCategories: [String] = [], approximateSubjects: Int? = nil,
        dataCategories: [String] = [], approximateRecords: Int? = nil, contact: Contact? = nil,
        likelyConsequences: String? = nil, measures: [String] = [], activities: [EntityID] = [],
        assessment: RiskAssessment? = nil, notifications: [AuthorityNotification] = [], delayReasons: String? = nil,
        communication: SubjectCommunication? = nil
    ) {
        self.id = id
        self.title = title
        self.controller = controller
        self.agreement = agreement
        self.occurredFrom = occurredFrom
        self.occurredTo = occurredTo
        self.detected = detected
        self.aware = aware
        self.processorNotifiedController = processorNotifiedController
        self.nature = nature
        self.description = description
        self.dataSubjectCategories = dataSubjectCategories
        self.approximateSubjects = approximateSubjects
        self.dataCategories = dataCategories
        self.approximateRecords = approximateRecords
        self.contact = contact
        self.likelyConsequences = likelyConsequences
        self.measures = measures
        self.activities = activities
        self.assessment = assessment
        self.notifications = notifications
        self.delayReasons = delayReasons
        self.communication = communication
    }

    /// The first notification to the authority.
    public var initialNotification: AuthorityNotification? {
        notifications.filter { $0.kind == .initial }.min { $0.at < $1.at } ?? notifications.min { $0.at < $1.at }
    }

    /// The items of Art. 33(3) this breach does not state yet.
    public var missingNotificationItems: [NotificationItem] {
        var missing: [NotificationItem] = []
        if description == nil || dataSubjectCategories.isEmpty || dataCategories.isEmpty
            || approximateSubjects == nil || approximateRecords == nil { missing.append(.nature) }
        if contact == nil { missing.append(.contactPoint) }
        if likelyConsequences == nil { missing.append(.consequences) }
        if measures.isEmpty { missing.append(.measures) }
        return missing
    }

    /// Art. 33(3)(a)–(d).
    public enum NotificationItem: String, CaseIterable, Sendable {
        case nature = "a", contactPoint = "b", consequences = "c", measures = "d"

        public var article: String { "Art. 33(3)(\(rawValue))" }
    }
}

/// A notification to the supervisory authority.
public struct AuthorityNotification: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case initial
        case followUp = "follow-up"
    }

    public var kind: Kind
    public var at: Date
    /// The authority's reference (the CNIL gives one per notification).
    public var reference: String?
    /// Whether this notification gave everything Art. 33(3) asks (no further phase needed).
    public var complete: Bool

    public init(kind: Kind, at: Date, reference: String? = nil, complete: Bool = false) {
        self.kind = kind
        self.at = at
        self.reference = reference
        self.complete = complete
    }
}

/// The communication to the data subjects (Art. 34(1)), or the exception of Art. 34(3) relied on.
public struct SubjectCommunication: Hashable, Sendable, Codable {
    public enum Exception: String, CaseIterable, Hashable, Sendable, Codable {
        /// The data were unintelligible to anyone not authorised (encryption).
        case unintelligible = "34-3-a"
        /// Later measures ensure the high risk is no longer likely to materialise.
        case riskNoLongerLikely = "34-3-b"
        /// Disproportionate effort: a public communication was made instead.
        case disproportionateEffort = "34-3-c"

        public var article: String { "Art. 34(3)(\(rawValue.suffix(1)))" }
    }

    public var at: Date?
    public var exception: Exception?
    public var detail: String?

    public init(at: Date? = nil, exception: Exception? = nil, detail: String? = nil) {
        self.at = at
        self.exception = exception
        self.detail = detail
    }
}
