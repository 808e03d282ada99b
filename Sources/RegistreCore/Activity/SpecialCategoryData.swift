/// The special categories of personal data of Art. 9(1).
public enum SpecialCategory: String, CaseIterable, Hashable, Sendable {
    /// Data revealing racial or ethnic origin.
    case racialOrEthnicOrigin = "racial-or-ethnic-origin"
    /// Data revealing political opinions.
    case politicalOpinions = "political-opinions"
    /// Data revealing religious or philosophical beliefs.
    case religiousOrPhilosophicalBeliefs = "religious-or-philosophical-beliefs"
    /// Data revealing trade union membership.
    case tradeUnionMembership = "trade-union-membership"
    /// Genetic data (Art. 4(13)).
    case geneticData = "genetic-data"
    /// Biometric data processed to identify a person uniquely (Art. 4(14)).
    case biometricData = "biometric-data"
    /// Data concerning health (Art. 4(15)).
    case health = "health"
    /// Data concerning a person's sex life or sexual orientation.
    case sexLifeOrSexualOrientation = "sex-life-or-sexual-orientation"
}

/// The conditions of Art. 9(2)(a)–(j) under which special categories may be processed.
public enum SpecialCategoryCondition: String, CaseIterable, Hashable, Sendable {
    /// (a) The data subject's explicit consent.
    case explicitConsent = "9-2-a"
    /// (b) Obligations and rights in employment, social security and social protection law.
    case employmentAndSocialSecurity = "9-2-b"
    /// (c) The vital interests of a person unable to consent.
    case vitalInterests = "9-2-c"
    /// (d) A not-for-profit body's legitimate activities, for its members.
    case notForProfitBody = "9-2-d"
    /// (e) Data the data subject has manifestly made public.
    case madePublicByDataSubject = "9-2-e"
    /// (f) Legal claims, or courts acting in their judicial capacity.
    case legalClaims = "9-2-f"
    /// (g) A substantial public interest, on the basis of law.
    case substantialPublicInterest = "9-2-g"
    /// (h) Preventive or occupational medicine, health or social care.
    case healthOrSocialCare = "9-2-h"
    /// (i) Public health.
    case publicHealth = "9-2-i"
    /// (j) Archiving in the public interest, research or statistics (Art. 89(1)).
    case archivingResearchStatistics = "9-2-j"

    /// The article of the condition, e.g. `Art. 9(2)(a)`.
    public var article: String { "Art. 9(2)(\(rawValue.suffix(1)))" }
}

/// A special category an activity processes, and the Art. 9(2) condition it relies on.
public struct SpecialCategoryData: Hashable, Sendable, Codable {
    /// The special category processed.
    public var category: SpecialCategory
    /// The condition of Art. 9(2) relied on; nil when the register does not say, which the checks report.
    public var condition: SpecialCategoryCondition?
    /// What exactly is processed, or how the condition applies.
    public var detail: String?

    /// A special category processed, with the condition relied on and a detail.
    public init(_ category: SpecialCategory, condition: SpecialCategoryCondition? = nil, detail: String? = nil) {
        self.category = category
        self.condition = condition
        self.detail = detail
    }
}

/// Personal data relating to criminal convictions and offences (Art. 10): processed only under the control
/// of official authority or when authorised by Union or Member State law, which `legalGround` names.
public struct CriminalOffenceData: Hashable, Sendable, Codable {
    /// What data relating to criminal convictions and offences are processed.
    public var description: String
    /// The official authority or the law that authorises the processing (Art. 10).
    public var legalGround: String?

    /// Data relating to criminal convictions and offences, and the ground that authorises their processing.
    public init(description: String, legalGround: String? = nil) {
        self.description = description
        self.legalGround = legalGround
    }
}
