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
