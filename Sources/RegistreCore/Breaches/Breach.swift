public import Foundation

/// A personal data breach, as the breach register of Art. 33(5) keeps it: the facts and times, the
/// content Art. 33(3) asks of a notification, the risk assessment, and what was notified to whom.
public struct Breach: Hashable, Sendable, Codable, Identifiable {
    /// Art. 4(12): loss of confidentiality, integrity or availability, possibly combined.
    public enum Nature: String, CaseIterable, Hashable, Sendable, Codable {
        /// Which of the three security properties of Art. 4(12) the breach broke.
        case confidentiality, integrity, availability
    }

    /// The breach's id in the register, `breach-YYYYMMDD-N` when ``BreachOpening`` made it.
    public var id: EntityID
    /// A short name that lets the DPO tell this breach from the others.
    public var title: String
    /// The organisation (an ``Organisation``'s id) that is controller for the breached data and must notify.
    public var controller: EntityID
    /// The agreement of the processor concerned, when a processor was involved.
    public var agreement: EntityID?
    /// When the breach began, if known.
    public var occurredFrom: Date?
    /// When the breach ended, if it has; nil while it goes on or when unknown.
    public var occurredTo: Date?
    /// When the breach was detected, which may precede ``aware`` (awareness needs some certainty).
    public var detected: Date?
    /// When the controller became aware: the 72 hours of Art. 33(1) run from here.
    public var aware: Date
    /// When the processor told the controller (Art. 33(2)).
    public var processorNotifiedController: Date?
    /// The processor's reference for the incident: the same on the breach of every controller it
    /// concerns (Art. 33(2)), which links them.
    public var processorIncident: String?
    /// The security properties lost (Art. 4(12)); at least one.
    public var nature: [Nature]
    /// Art. 33(3)(a): the nature of the breach.
    public var description: String?
    /// Art. 33(3)(a): categories and approximate number of data subjects.
    public var dataSubjectCategories: [String]
    /// Art. 33(3)(a): the approximate number of data subjects concerned.
    public var subjects: Count?
    /// Art. 33(3)(a): categories and approximate number of personal data records.
    public var dataCategories: [String]
    /// Art. 33(3)(a): the approximate number of personal data records concerned.
    public var records: Count?
    /// Art. 33(3)(b): the DPO or another contact point.
    public var contact: Contact?
    /// Art. 33(3)(c).
    public var likelyConsequences: String?
    /// Art. 33(3)(d): measures taken or proposed.
    public var measures: [String]
    /// The processing activities concerned.
    public var activities: [EntityID]
    /// The assessment of the risk to people's rights and freedoms, which decides notification (Art. 33(1)) and
    /// communication (Art. 34(1)).
    public var assessment: RiskAssessment?
    /// Notifications to the supervisory authority: the initial one, then follow-ups (Art. 33(4)).
    public var notifications: [AuthorityNotification]
    /// Why the notification came after 72 hours (Art. 33(1)).
    public var delayReasons: String?
    /// Communication to the data subjects (Art. 34), or the exception relied on.
    public var communication: SubjectCommunication?

    // The facts the EDPB reasons from (Guidelines 9/2022 §IV.B, 01/2021). For each, nil means "not
    // recorded", which is not the same as "no": an empty list says that none was found.

    /// How the data were encrypted, and whether the key is safe.
    public var encryption: Encryption?
    /// Backup, time to restore, data lost.
    public var restoration: Restoration?
    /// Evidence that data were, or were not, taken.
    public var exfiltration: Exfiltration?
    /// Who received or took the data, and whether they can be trusted.
    public var disclosure: Disclosure?
    /// Vulnerable people among those concerned.
    public var vulnerableGroups: [VulnerableGroup]?
    /// Special categories of data (Art. 9) among the breached data.
    public var specialCategories: [SpecialCategory]?
    /// Data relating to criminal convictions and offences (Art. 10) among the breached data.
    public var criminalOffenceData: Bool?
    /// Harms already seen among the people concerned.
    public var observedConsequences: [Consequence]?

    // The stored names of the counts are those they had when they could only be whole numbers, so that
    // registers written then still read (a bare number reads as an exact count).
    enum CodingKeys: String, CodingKey {
        case id, title, controller, agreement, occurredFrom, occurredTo, detected, aware, processorNotifiedController, processorIncident
        case nature, description, dataSubjectCategories, dataCategories, contact, likelyConsequences, measures
        case activities, assessment, notifications, delayReasons, communication
        case subjects = "approximateSubjects", records = "approximateRecords"
        case encryption, restoration, exfiltration, disclosure, vulnerableGroups, specialCategories
        case criminalOffenceData, observedConsequences
    }

    /// Makes a breach from its facts; only the id, title, controller, time of awareness and nature are required.
    public init(
        id: EntityID, title: String, controller: EntityID, agreement: EntityID? = nil, occurredFrom: Date? = nil,
        occurredTo: Date? = nil, detected: Date? = nil, aware: Date, processorNotifiedController: Date? = nil,
        nature: [Nature], description: String? = nil, dataSubjectCategories: [String] = [], subjects: Count? = nil,
        dataCategories: [String] = [], records: Count? = nil, contact: Contact? = nil,
        likelyConsequences: String? = nil, measures: [String] = [], activities: [EntityID] = [],
        assessment: RiskAssessment? = nil, notifications: [AuthorityNotification] = [], delayReasons: String? = nil,
        communication: SubjectCommunication? = nil, encryption: Encryption? = nil, restoration: Restoration? = nil,
        exfiltration: Exfiltration? = nil, disclosure: Disclosure? = nil, vulnerableGroups: [VulnerableGroup]? = nil,
        specialCategories: [SpecialCategory]? = nil, criminalOffenceData: Bool? = nil, observedConsequences: [Consequence]? = nil,
        processorIncident: String? = nil
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
        self.subjects = subjects
        self.dataCategories = dataCategories
        self.records = records
        self.contact = contact
        self.likelyConsequences = likelyConsequences
        self.measures = measures
        self.activities = activities
        self.assessment = assessment
        self.notifications = notifications
        self.delayReasons = delayReasons
        self.communication = communication
        self.encryption = encryption
        self.restoration = restoration
        self.exfiltration = exfiltration
        self.disclosure = disclosure
        self.vulnerableGroups = vulnerableGroups
        self.specialCategories = specialCategories
        self.criminalOffenceData = criminalOffenceData
        self.observedConsequences = observedConsequences
        self.processorIncident = processorIncident
    }

    /// The first notification to the authority.
    public var initialNotification: AuthorityNotification? {
        notifications.filter { $0.kind == .initial }.min { $0.at < $1.at } ?? notifications.min { $0.at < $1.at }
    }

    /// The items of Art. 33(3) this breach does not state yet.
    public var missingNotificationItems: [NotificationItem] {
        var missing: [NotificationItem] = []
        if description == nil || dataSubjectCategories.isEmpty || dataCategories.isEmpty
            || subjects?.value == nil || records?.value == nil { missing.append(.nature) }
        if contact == nil { missing.append(.contactPoint) }
        if likelyConsequences == nil { missing.append(.consequences) }
        if measures.isEmpty { missing.append(.measures) }
        return missing
    }

    /// Art. 33(3)(a)–(d).
    public enum NotificationItem: String, CaseIterable, Sendable {
        /// The four items: the nature and numbers (a), the contact point (b), the likely consequences (c), the measures
        /// (d).
        case nature = "a", contactPoint = "b", consequences = "c", measures = "d"

        /// The article that asks for the item, e.g. `Art. 33(3)(b)`.
        public var article: String { "Art. 33(3)(\(rawValue))" }
    }
}

/// A notification to the supervisory authority.
public struct AuthorityNotification: Hashable, Sendable, Codable {
    /// Whether a notification opens the case or completes it (Art. 33(4) allows notifying in phases).
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// The first notification, due within 72 hours of awareness.
        case initial
        /// A later notification giving what the earlier ones lacked.
        case followUp = "follow-up"
    }

    /// Whether this is the initial notification or a follow-up.
    public var kind: Kind
    /// When the notification was sent.
    public var at: Date
    /// The authority's reference (the CNIL gives one per notification).
    public var reference: String?
    /// Whether this notification gave everything Art. 33(3) asks (no further phase needed).
    public var complete: Bool

    /// Makes a notification sent at `at`; it is incomplete unless `complete` says otherwise.
    public init(kind: Kind, at: Date, reference: String? = nil, complete: Bool = false) {
        self.kind = kind
        self.at = at
        self.reference = reference
        self.complete = complete
    }
}

/// The communication to the data subjects (Art. 34(1)), or the exception of Art. 34(3) relied on.
public struct SubjectCommunication: Hashable, Sendable, Codable {
    /// The exceptions of Art. 34(3) under which the data subjects need not be told.
    public enum Exception: String, CaseIterable, Hashable, Sendable, Codable {
        /// The data were unintelligible to anyone not authorised (encryption).
        case unintelligible = "34-3-a"
        /// Later measures ensure the high risk is no longer likely to materialise.
        case riskNoLongerLikely = "34-3-b"
        /// Disproportionate effort: a public communication was made instead.
        case disproportionateEffort = "34-3-c"

        /// The article of the exception, e.g. `Art. 34(3)(a)`.
        public var article: String { "Art. 34(3)(\(rawValue.suffix(1)))" }
    }

    /// When the data subjects were told; nil when an exception is relied on or nothing was done yet.
    public var at: Date?
    /// The exception of Art. 34(3) relied on instead of telling each data subject.
    public var exception: Exception?
    /// How the communication was made, or why the exception applies.
    public var detail: String?

    /// Records a communication made at `at`, or an `exception` relied on, with its `detail`.
    public init(at: Date? = nil, exception: Exception? = nil, detail: String? = nil) {
        self.at = at
        self.exception = exception
        self.detail = detail
    }
}
