/// A party to the register: a controller, a joint controller, a processor, a sub-processor, a recipient
/// organisation. Mutualisation structures (a centre de gestion, an OPSN) list the members they act for.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
    /// The organisation's id in the register, which entries refer to it by.
    public var id: EntityID
    /// The organisation's name, as official documents give it.
    public var name: String
    /// Public authorities and bodies must designate a DPO (Art. 37(1)(a)) and cannot rely on legitimate
    /// interests for the performance of their tasks (Art. 6(1), second subparagraph).
    public var isPublicBody: Bool
    /// The organisation's numbers in official registries (SIREN, SIRET…).
    public var identifiers: [LegalIdentifier]
    /// The postal address.
    public var address: String?
    /// ISO 3166-1 alpha-2 code of its seat.
    public var country: String?
    /// ISO 3166-2 code of the region of its seat whose public holidays differ from the country's
    /// (`FR-57` Moselle, `DE-BY` Bavaria, `GB-SCT` Scotland): its deadlines follow that calendar unless a
    /// contract names another. Nil: the country's calendar.
    public var region: String?
    /// ISO 3166-1 alpha-2 codes of the other countries where it has an establishment (a branch, a
    /// subsidiary acting for it): one in the Union puts it under Art. 3(1), and Art. 27 asks nothing of it.
    /// Nil when the register states none.
    public var establishments: [String]?
    /// Whether it offers goods or services to people in the Union or monitors their behaviour there
    /// (Art. 3(2)(a) and (b)); nil when the register does not say.
    public var targetsUnion: Bool?
    /// An e-mail address at which the organisation can be reached.
    public var email: String?
    /// A telephone number at which the organisation can be reached.
    public var phone: String?
    /// IANA time zone the organisation's deadlines are shown in; Europe/Paris when not stated
    /// (``OrganisationTimeZone/of(_:)`` resolves it).
    public var timeZone: String?
    /// Who legally represents the organisation (a mayor, a director general).
    public var legalRepresentative: Contact?
    /// The Art. 27 representative in the Union of an organisation established outside it.
    public var euRepresentative: Contact?
    /// The data protection officer (Art. 37–39).
    public var dpo: Contact?
    /// For a mutualisation structure: the organisations it acts for.
    public var members: [EntityID]
    /// The data protection law the organisation answers to, when the register states it; nil derives it
    /// from the country (``effectiveRegime``).
    public var regime: DataProtectionRegime?

    /// An organisation; only its id and name are required.
    public init(
        id: EntityID, name: String, isPublicBody: Bool = false, identifiers: [LegalIdentifier] = [],
        address: String? = nil, country: String? = nil, email: String? = nil, phone: String? = nil,
        timeZone: String? = nil, legalRepresentative: Contact? = nil, euRepresentative: Contact? = nil,
        dpo: Contact? = nil, members: [EntityID] = [], establishments: [String]? = nil, targetsUnion: Bool? = nil,
        regime: DataProtectionRegime? = nil, region: String? = nil
    ) {
        self.regime = regime
        self.region = region
        self.id = id
        self.name = name
        self.isPublicBody = isPublicBody
        self.identifiers = identifiers
        self.address = address
        self.country = country
        self.email = email
        self.phone = phone
        self.timeZone = timeZone
        self.legalRepresentative = legalRepresentative
        self.euRepresentative = euRepresentative
        self.dpo = dpo
        self.members = members
        self.establishments = establishments
        self.targetsUnion = targetsUnion
    }

    /// The time zone of an organisation that does not state one: ``OrganisationTimeZone/defaultIdentifier``,
    /// which resolves it (``OrganisationTimeZone/of(_:)``).
    public static let defaultTimeZone = OrganisationTimeZone.defaultIdentifier

    /// Whether the register shows an establishment in the EEA: its seat or one of its establishments. An
    /// organisation whose country is not recorded is not assumed to be outside.
    public var isEstablishedInTheEEA: Bool {
        guard let country else { return true }
        return ([country] + (establishments ?? [])).contains { EuropeanEconomicArea.contains($0) }
    }

    /// Whether Art. 3(2) brings it under the GDPR, as far as the register tells: established nowhere in the
    /// EEA, and not recorded as neither offering goods or services to people in the Union nor monitoring
    /// them. Where the register is silent on what it does in the Union, the answer is yes, so that the
    /// DPO is asked.
    public var fallsUnderArticle3_2: Bool {
        !isEstablishedInTheEEA && targetsUnion != false
    }

    /// Whether the register gives a way to reach the organisation itself.
    public var hasContactDetails: Bool { address != nil || email != nil || phone != nil }
}

/// The identifier of an entity, unique in its register: a short slug chosen by the user ("etat-civil",
/// "cdg48") or a UUID.
public typealias EntityID = String
