/// A harm already seen among the people concerned: when the risk has materialised, the breach is at
/// least as serious as that harm (EDPB Guidelines 9/2022, §IV.B "severity of consequences"; recital 85).
public enum Consequence: String, CaseIterable, Hashable, Sendable, Codable {
    /// Someone used the people's identity.
    case identityTheft = "identity-theft"
    /// Money was taken or obtained by deceit.
    case fraud
    /// Accounts of the people were taken over.
    case accountTakeover = "account-takeover"
    /// The people received phishing built on the breached data.
    case phishing
    /// The people were treated unfairly because of the breached data.
    case discrimination
    /// The people's reputation suffered.
    case reputationalDamage = "reputational-damage"
    /// The people were physically harmed or threatened.
    case physicalHarm = "physical-harm"
    /// The people suffered distress or anxiety.
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
