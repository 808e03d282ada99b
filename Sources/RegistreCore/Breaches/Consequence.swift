/// A harm already seen among the people concerned: when the risk has materialised, the breach is at
/// least as serious as that harm (EDPB Guidelines 9/2022, §IV.B "severity of consequences"; recital 85).
public enum Consequence: String, CaseIterable, Hashable, Sendable, Codable {
    case identityTheft = "identity-theft"
    case fraud
    case accountTakeover = "account-takeover"
    case phishing
    case discrimination
    case reputationalDamage = "reputational-damage"
    case physicalHarm = "physical-harm"
    case distress
}

extension Consequence {
    /// As the reasons of a decision name the harm.
    public var words: LocalizedText {
        switch self {
        case .identityTheft: LocalizedText(fr: "usurpation d'identité", en: "identity theft")
        case .fraud: LocalizedText(fr: "fraude", en: "fraud")
        case .accountTakeover: LocalizedText(fr: "prise de contrôle de comptes", en: "account takeover")
        case .phishing: LocalizedText(fr: "hameçonnage", en: "phishing")
        case .discrimination: LocalizedText(fr: "discrimination", en: "discrimination")
        case .reputationalDamage: LocalizedText(fr: "atteinte à la réputation", en: "reputational damage")
        case .physicalHarm: LocalizedText(fr: "atteinte physique", en: "physical harm")
        case .distress: LocalizedText(fr: "détresse", en: "distress")
        }
    }
}
