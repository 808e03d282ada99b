/// Who carries what between a controller and its processor, domain by domain (the annex 1 of seed 003):
/// each domain lists, for each party, the obligations it carries.
public struct ResponsibilityMatrix: Hashable, Sendable, Codable, Identifiable {
    public struct Party: Hashable, Sendable, Codable {
        public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
            case controller, processor
        }

        public var organisation: EntityID
        public var role: Role

        public init(_ organisation: EntityID, role: Role) {
            self.organisation = organisation
            self.role = role
        }
    }

    /// The twelve domains of seed 003's matrix.
    public enum Domain: String, CaseIterable, Hashable, Sendable, Codable {
        case privacyAndRegister = "privacy-and-register"
        case dataProcessed = "data-processed"
        case organisationalSecurity = "organisational-security"
        case breaches
        case informationSystemSecurity = "information-system-security"
        case dataSubjectRights = "data-subject-rights"
        case transferOrEnd = "transfer-or-end"
        case subProcessing = "sub-processing"
        case complianceWork = "compliance-work"
        case audits
        case territoriality
        case humanResources = "human-resources"

        /// The duties the GDPR puts on the controller in this domain, with their articles; nil when none
        /// of the domain's core duties is the controller's alone.
        public var controllerDuty: (article: String, duty: LocalizedText)? {
            switch self {
            case .privacyAndRegister:
                ("Art. 30(1), Art. 37(1)", LocalizedText(fr: "tenir le registre et désigner le DPO", en: "keeping the register and designating the DPO"))
            case .dataProcessed:
                ("Art. 5(1)(b), Art. 5(1)(e), Art. 24", LocalizedText(fr: "fixer les finalités et les durées de conservation", en: "setting the purposes and retention periods"))
            case .breaches:
                ("Art. 33(1), Art. 34(1)", LocalizedText(fr: "notifier l'autorité de contrôle et informer les personnes", en: "notifying the supervisory authority and informing data subjects"))
            case .dataSubjectRights:
                ("Art. 12, Art. 13, Art. 14", LocalizedText(fr: "informer les personnes concernées", en: "informing the data subjects"))
            default:
                nil
            }
        }
    }

    public struct Cell: Hashable, Sendable, Codable {
        public var party: EntityID
        public var obligations: [String]

        public init(party: EntityID, obligations: [String]) {
            self.party = party
            self.obligations = obligations
        }
    }

    public struct Row: Hashable, Sendable, Codable {
        public var domain: Domain
        /// The domain's name as the contract writes it.
        public var label: String
        public var cells: [Cell]

        public init(domain: Domain, label: String, cells: [Cell]) {
            self.domain = domain
            self.label = label
            self.cells = cells
        }

        /// The parties that carry at least one obligation here.
        public var carriers: [EntityID] { cells.filter { !$0.obligations.isEmpty }.map(\.party) }
    }

    public var id: EntityID
    public var title: String
    public var agreement: EntityID?
    public var parties: [Party]
    public var rows: [Row]

    public init(id: EntityID, title: String, agreement: EntityID? = nil, parties: [Party], rows: [Row]) {
        self.id = id
        self.title = title
        self.agreement = agreement
        self.parties = parties
        self.rows = rows
    }

    public func role(of organisation: EntityID) -> Party.Role? {
        parties.first { $0.organisation == organisation }?.role
    }
}
