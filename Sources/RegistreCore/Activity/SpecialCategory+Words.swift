extension SpecialCategory {
    /// As a sentence names the category, in lower case (the reasons of a breach decision).
    public var words: LocalizedText {
        switch self {
        case .racialOrEthnicOrigin: LocalizedText(fr: "origine raciale ou ethnique", en: "racial or ethnic origin")
        case .politicalOpinions: LocalizedText(fr: "opinions politiques", en: "political opinions")
        case .religiousOrPhilosophicalBeliefs: LocalizedText(fr: "convictions religieuses ou philosophiques", en: "religious or philosophical beliefs")
        case .tradeUnionMembership: LocalizedText(fr: "appartenance syndicale", en: "trade union membership")
        case .geneticData: LocalizedText(fr: "données génétiques", en: "genetic data")
        case .biometricData: LocalizedText(fr: "données biométriques", en: "biometric data")
        case .health: LocalizedText(fr: "santé", en: "health")
        case .sexLifeOrSexualOrientation: LocalizedText(fr: "vie ou orientation sexuelle", en: "sex life or sexual orientation")
        }
    }
}
