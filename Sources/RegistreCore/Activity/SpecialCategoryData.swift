/// The special categories of personal data of Art. 9(1).
public enum SpecialCategory: String, CaseIterable, Hashable, Sendable {
    case racialOrEthnicOrigin = "racial-or-ethnic-origin"
    case politicalOpinions = "political-opinions"
    case religiousOrPhilosophicalBeliefs = "religious-or-philosophical-beliefs"
    case tradeUnionMembership = "trade-union-membership"
    case geneticData = "genetic-data"
    case biometricData = "biometric-data"
    case health = "health"
    case sexLifeOrSexualOrientation = "sex-life-or-sexual-orientation"
}

/// The conditions of Art. 9(2)(a)–(j) under which special categories may be processed.
public enum SpecialCategoryCondition: String, CaseIterable, Hashable, Sendable {
    case explicitConsent = "9-2-a"
    case employmentAndSocialSecurity = "9-2-b"
    case vitalInterests = "9-2-c"
    case notForProfitBody = "9-2-d"
    case madePublicByDataSubject = "9-2-e"
    case legalClaims = "9-2-f"
    case substantialPublicInterest = "9-2-g"
    case healthOrSocialCare = "9-2-h"
    case publicHealth = "9-2-i"
    case archivingResearchStatistics = "9-2-j"

    public var article: String { "Art. 9(2)(\(rawValue.suffix(1)))" }
}

/// A special category an activity processes, and the Art. 9(2) condition it relies on.
public struct SpecialCategoryData: Hashable, Sendable, Codable {
    public var category: SpecialCategory
    public var condition: SpecialCategoryCondition?
    public var detail: String?

    public init(_ category: SpecialCategory, condition: SpecialCategoryCondition? = nil, detail: String? = nil) {
        self.category = category
        self.condition = condition
        self.detail = detail
    }
}

/// Personal data relating to criminal convictions and offences (Art. 10): processed only under the control
/// of official authority or when authorised by Union or Member State law, which `legalGround` names.
public struct CriminalOffenceData: Hashable, Sendable, Codable {
    public var description: String
    public var legalGround: String?

    public init(description: String, legalGround: String? = nil) {
        self.description = description
        self.legalGround = legalGround
    }
}
