/// One item of an activity that a mutualisation structure's model can state for its members: each
/// heading of the record (Art. 30(1)) a member either follows or words itself. The raw values are the
/// names of the XML elements that hold the item, so that files, journal and messages speak alike.
/// What is the member's alone (its id, status, dates, and itself as controller) is never an item.
public enum ActivityItem: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// The activity's name.
    case name
    /// The joint controllers and their arrangements (Art. 26).
    case jointControllers = "joint-controller"
    /// The software the processing runs in.
    case application
    /// The purposes (Art. 30(1)(b)).
    case purposes = "purpose"
    /// The lawful bases (Art. 6(1)).
    case legalBases = "legal-basis"
    /// The special categories processed and their conditions (Art. 9).
    case specialCategories = "special-category"
    /// The data relating to criminal convictions and offences (Art. 10).
    case criminalOffenceData = "criminal-offence-data"
    /// The categories of data subjects (Art. 30(1)(c)).
    case dataSubjects = "data-subject"
    /// The categories of personal data (Art. 30(1)(c)).
    case dataCategories = "data-category"
    /// The recipients (Art. 30(1)(d)).
    case recipients = "recipient"
    /// The transfers outside the EEA (Art. 30(1)(e)).
    case transfers = "transfer"
    /// The retention periods (Art. 30(1)(f)).
    case retention
    /// The security measures (Art. 30(1)(g)).
    case securityMeasures = "security-measure"
    /// The processors engaged (Art. 28).
    case processors = "processor"
    /// The impact assessment (Art. 35).
    case impactAssessment = "impact-assessment"

    /// Orders items as the record lists its headings.
    public static func < (lhs: ActivityItem, rhs: ActivityItem) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Whether two activities say the same for this item.
    public func isEqual(in lhs: ProcessingActivity, and rhs: ProcessingActivity) -> Bool {
        switch self {
        case .name: lhs.name == rhs.name
        case .jointControllers: lhs.jointControllers == rhs.jointControllers
        case .application: lhs.application == rhs.application
        case .purposes: lhs.purposes == rhs.purposes
        case .legalBases: lhs.legalBases == rhs.legalBases
        case .specialCategories: lhs.specialCategories == rhs.specialCategories
        case .criminalOffenceData: lhs.criminalOffenceData == rhs.criminalOffenceData
        case .dataSubjects: lhs.dataSubjects == rhs.dataSubjects
        case .dataCategories: lhs.dataCategories == rhs.dataCategories
        case .recipients: lhs.recipients == rhs.recipients
        case .transfers: lhs.transfers == rhs.transfers
        case .retention: lhs.retention == rhs.retention
        case .securityMeasures: lhs.securityMeasures == rhs.securityMeasures
        case .processors: lhs.processors == rhs.processors
        case .impactAssessment: lhs.impactAssessment == rhs.impactAssessment
        }
    }

    /// Gives `activity` what `source` says for this item.
    public func copy(from source: ProcessingActivity, to activity: inout ProcessingActivity) {
        switch self {
        case .name: activity.name = source.name
        case .jointControllers: activity.jointControllers = source.jointControllers
        case .application: activity.application = source.application
        case .purposes: activity.purposes = source.purposes
        case .legalBases: activity.legalBases = source.legalBases
        case .specialCategories: activity.specialCategories = source.specialCategories
        case .criminalOffenceData: activity.criminalOffenceData = source.criminalOffenceData
        case .dataSubjects: activity.dataSubjects = source.dataSubjects
        case .dataCategories: activity.dataCategories = source.dataCategories
        case .recipients: activity.recipients = source.recipients
        case .transfers: activity.transfers = source.transfers
        case .retention: activity.retention = source.retention
        case .securityMeasures: activity.securityMeasures = source.securityMeasures
        case .processors: activity.processors = source.processors
        case .impactAssessment: activity.impactAssessment = source.impactAssessment
        }
    }

    /// The item's heading in the CNIL's register model, for people.
    public var label: LocalizedText {
        switch self {
        case .name: LocalizedText(fr: "nom", en: "name")
        case .jointControllers: LocalizedText(fr: "responsables conjoints", en: "joint controllers")
        case .application: LocalizedText(fr: "logiciel", en: "application")
        case .purposes: LocalizedText(fr: "finalités", en: "purposes")
        case .legalBases: LocalizedText(fr: "bases légales", en: "legal bases")
        case .specialCategories: LocalizedText(fr: "données sensibles", en: "special categories of data")
        case .criminalOffenceData: LocalizedText(fr: "données d'infraction", en: "criminal offence data")
        case .dataSubjects: LocalizedText(fr: "personnes concernées", en: "data subjects")
        case .dataCategories: LocalizedText(fr: "catégories de données", en: "categories of data")
        case .recipients: LocalizedText(fr: "destinataires", en: "recipients")
        case .transfers: LocalizedText(fr: "transferts hors UE", en: "transfers outside the EU")
        case .retention: LocalizedText(fr: "durées de conservation", en: "retention periods")
        case .securityMeasures: LocalizedText(fr: "mesures de sécurité", en: "security measures")
        case .processors: LocalizedText(fr: "sous-traitants", en: "processors")
        case .impactAssessment: LocalizedText(fr: "analyse d'impact", en: "impact assessment")
        }
    }
}
