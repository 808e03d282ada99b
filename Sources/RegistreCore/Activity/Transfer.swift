/// A transfer of personal data to a third country or an international organisation (Art. 30(1)(e),
/// 30(2)(c); Chapter V).
public struct Transfer: Hashable, Sendable {
    public enum Destination: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 code.
        case country(String)
        case internationalOrganisation(String)
    }

    /// The Chapter V mechanism a transfer relies on.
    public enum Safeguard: String, CaseIterable, Hashable, Sendable {
        case adequacyDecision = "adequacy-decision"
        case legallyBindingInstrument = "legally-binding-instrument"
        case bindingCorporateRules = "binding-corporate-rules"
        case standardContractualClauses = "standard-contractual-clauses"
        case codeOfConduct = "code-of-conduct"
        case certification = "certification"
        case adHocContractualClauses = "ad-hoc-contractual-clauses"
        case administrativeArrangement = "administrative-arrangement"
        case derogation = "derogation"
        case compellingLegitimateInterests = "compelling-legitimate-interests"

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

    public var recipient: String
    public var destination: Destination
    public var safeguard: Safeguard?
    /// The documentation of the safeguards, which Art. 30(1)(e) requires for transfers on compelling
    /// legitimate interests.
    public var documentation: String?

    public init(recipient: String, destination: Destination, safeguard: Safeguard? = nil, documentation: String? = nil) {
        self.recipient = recipient
        self.destination = destination
        self.safeguard = safeguard
        self.documentation = documentation
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

    public static func contains(_ countryCode: String) -> Bool {
        countries.contains(countryCode.uppercased())
    }
}
