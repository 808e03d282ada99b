/// A transfer of personal data to a third country or an international organisation (Art. 30(1)(e),
/// 30(2)(c); Chapter V).
public struct Transfer: Hashable, Sendable {
    /// Where the data go: a third country or an international organisation.
    public enum Destination: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 code.
        case country(String)
        /// An international organisation, by name.
        case internationalOrganisation(String)
    }

    /// The Chapter V mechanism a transfer relies on.
    public enum Safeguard: String, CaseIterable, Hashable, Sendable {
        /// A decision of the Commission that the country protects data adequately.
        case adequacyDecision = "adequacy-decision"
        /// A legally binding instrument between public authorities.
        case legallyBindingInstrument = "legally-binding-instrument"
        /// Binding corporate rules.
        case bindingCorporateRules = "binding-corporate-rules"
        /// Standard data protection clauses adopted by the Commission.
        case standardContractualClauses = "standard-contractual-clauses"
        /// An approved code of conduct, with binding commitments of the recipient.
        case codeOfConduct = "code-of-conduct"
        /// An approved certification, with binding commitments of the recipient.
        case certification = "certification"
        /// Contractual clauses authorised by the supervisory authority.
        case adHocContractualClauses = "ad-hoc-contractual-clauses"
        /// Provisions in administrative arrangements between public authorities, authorised by the supervisory authority.
        case administrativeArrangement = "administrative-arrangement"
        /// A derogation for a specific situation (consent, contract, public interest, legal claims…).
        case derogation = "derogation"
        /// The compelling legitimate interests of the controller, for an occasional transfer of few people's data.
        case compellingLegitimateInterests = "compelling-legitimate-interests"

        /// The article the mechanism comes from, e.g. `Art. 46(2)(c)`.
        public var article: String {
            switch self {
            case .adequacyDecision: "Art. 45(3)"
            case .legallyBindingInstrument: "Art. 46(2)(a)"
            case .bindingCorporateRules: "Art. 46(2)(b), Art. 47"
            case .standardContractualClauses: "Art. 46(2)(c)"
            case .codeOfConduct: "Art. 46(2)(e)"
            case .certification: "Art. 46(2)(f)"
            case .adHocContractualClauses: "Art. 46(3)(a)"
            case .administrativeArrangement: "Art. 46(3)(b)"
            case .derogation: "Art. 49(1)(a)–(g)"
            case .compellingLegitimateInterests: "Art. 49(1), second subparagraph"
            }
        }
    }

    /// Who receives the data.
    public var recipient: String
    /// The country or international organisation the data go to.
    public var destination: Destination
    /// The Chapter V mechanism relied on; nil when the register does not say, which the checks report when the transfer
    /// leaves the EEA.
    public var safeguard: Safeguard?
    /// The documentation of the safeguards, which Art. 30(1)(e) requires for transfers on compelling
    /// legitimate interests.
    public var documentation: String?
    /// The safeguard as the register's source wrote it when it is none of Chapter V's mechanisms ("Privacy
    /// shield", invalidated by the CJEU in C-311/18): kept as written, so that nothing typed is lost and the
    /// check can say what was relied on; `safeguard` stays nil.
    public var statedSafeguard: String?

    /// A transfer to `recipient` in `destination`, on `safeguard`.
    public init(
        recipient: String, destination: Destination, safeguard: Safeguard? = nil, documentation: String? = nil, statedSafeguard: String? = nil
    ) {
        self.recipient = recipient
        self.destination = destination
        self.safeguard = safeguard
        self.documentation = documentation
        self.statedSafeguard = statedSafeguard
    }

    /// Whether Chapter V applies: any international organisation, any country outside the EEA.
    public var leavesTheEEA: Bool {
        switch destination {
        case .internationalOrganisation: true
        case .country(let code): !EuropeanEconomicArea.contains(code)
        }
    }
}

/// The EU member states and Iceland, Liechtenstein and Norway, between which data move freely.
public enum EuropeanEconomicArea {
    /// The member states, and the parts of them that ISO 3166-1 codes apart while the Treaties apply there
    /// (Art. 355(1) TFEU: the outermost regions; Åland, Art. 355(4)): data sent to Réunion or Guyane stay in
    /// the Union.
    public static let countries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
        "GF", "GP", "MQ", "RE", "YT", "MF", "AX",
    ]

    /// Whether a country, by its ISO 3166-1 alpha-2 code in either case, belongs to the EEA.
    public static func contains(_ countryCode: String) -> Bool {
        countries.contains(countryCode.uppercased())
    }
}
