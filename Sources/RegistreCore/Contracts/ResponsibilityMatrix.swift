/// Who carries what between a controller and its processor, domain by domain (the annex 1 of seed 003):
/// each domain lists, for each party, the obligations it carries.
public struct ResponsibilityMatrix: Hashable, Sendable, Codable, Identifiable {
    /// A party to the matrix and the role it has in it.
    public struct Party: Hashable, Sendable, Codable {
        /// Whether a party acts as controller or as processor.
        public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
            /// The party determines the purposes and means, or processes on the controller's behalf.
            case controller, processor
        }

        /// The party (an ``Organisation``'s id).
        public var organisation: EntityID
        /// Whether the party is controller or processor.
        public var role: Role

        /// The party `organisation` in `role`.
        public init(_ organisation: EntityID, role: Role) {
            self.organisation = organisation
            self.role = role
        }
    }

    /// The twelve domains of seed 003's matrix.
    public enum Domain: String, CaseIterable, Hashable, Sendable, Codable {
        /// Privacy policy and the register of processing activities.
        case privacyAndRegister = "privacy-and-register"
        /// The data processed: purposes, categories, retention.
        case dataProcessed = "data-processed"
        /// Organisational security.
        case organisationalSecurity = "organisational-security"
        /// Personal data breaches.
        case breaches
        /// Security of the information system.
        case informationSystemSecurity = "information-system-security"
        /// The rights of data subjects.
        case dataSubjectRights = "data-subject-rights"
        /// Transfer of the data or end of the services.
        case transferOrEnd = "transfer-or-end"
        /// Sub-processing.
        case subProcessing = "sub-processing"
        /// Compliance work.
        case complianceWork = "compliance-work"
        /// Audits.
        case audits
        /// Where the data are processed.
        case territoriality
        /// Human resources: training, confidentiality.
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

    /// What one party carries in one domain.
    public struct Cell: Hashable, Sendable, Codable {
        /// The party (an ``Organisation``'s id).
        public var party: EntityID
        /// The obligations the party carries in the domain, as the contract words them; empty when none.
        public var obligations: [String]

        /// The obligations `party` carries.
        public init(party: EntityID, obligations: [String]) {
            self.party = party
            self.obligations = obligations
        }
    }

    /// One domain of the matrix: what each party carries in it.
    public struct Row: Hashable, Sendable, Codable {
        /// The domain.
        public var domain: Domain
        /// The domain's name as the contract writes it.
        public var label: String
        /// What each party carries in the domain.
        public var cells: [Cell]

        /// The row of `domain`, as the contract names it (`label`), with its cells.
        public init(domain: Domain, label: String, cells: [Cell]) {
            self.domain = domain
            self.label = label
            self.cells = cells
        }

        /// The parties that carry at least one obligation here.
        public var carriers: [EntityID] { cells.filter { !$0.obligations.isEmpty }.map(\.party) }
    }

    /// The matrix's id in the register.
    public var id: EntityID
    /// The matrix's title, as the contract gives it.
    public var title: String
    /// The agreement the matrix belongs to, when it is an annex of one.
    public var agreement: EntityID?
    /// The parties, each with its role.
    public var parties: [Party]
    /// The domains, in the order of the contract.
    public var rows: [Row]

    /// A matrix between `parties`, with its rows.
    public init(id: EntityID, title: String, agreement: EntityID? = nil, parties: [Party], rows: [Row]) {
        self.id = id
        self.title = title
        self.agreement = agreement
        self.parties = parties
        self.rows = rows
    }

    /// The role `organisation` has in the matrix, or nil when it is not a party.
    public func role(of organisation: EntityID) -> Party.Role? {
        parties.first { $0.organisation == organisation }?.role
    }
}
