/// The data protection law a controller answers to, which decides what a transfer is: data leaving the
/// territory where that law lets them move freely (GDPR Chapter V; UK GDPR Chapter V; Swiss FADP
/// Art. 16). Derived from the organisation's country, overridable in the register
/// (``Organisation/regime``).
public enum DataProtectionRegime: String, CaseIterable, Hashable, Sendable, Codable {
    /// The GDPR: data move freely within the European Economic Area.
    case gdpr
    /// The UK GDPR and the Data Protection Act 2018: data move freely within the United Kingdom, and to
    /// the EEA states and Gibraltar, which the UK's adequacy regulations cover (DPA 2018, s. 17A and
    /// Sch. 21, para. 4–5).
    case ukGDPR = "uk-gdpr"
    /// The Swiss Federal Act on Data Protection (FADP, in force 1 September 2023): data move freely within
    /// Switzerland, and to the states the Federal Council recognises as adequate, among them the EEA
    /// states and the United Kingdom (Data Protection Ordinance, Annex 1).
    case swissFADP = "fadp"

    /// The regime of an organisation seated in `country` (ISO 3166-1 alpha-2): the UK GDPR for `GB`, the
    /// FADP for `CH`, the GDPR otherwise (an organisation outside those the register holds answers to
    /// the GDPR for what it records here, Art. 3(2)).
    public static func of(country: String?) -> DataProtectionRegime {
        switch country?.uppercased() {
        case "GB"?: .ukGDPR
        case "CH"?: .swissFADP
        default: .gdpr
        }
    }

    /// Whether data sent to `country` leave the territory where the regime lets them move freely, so
    /// that the transfer needs its safeguard.
    public func isThirdCountry(_ country: String) -> Bool {
        let code = country.uppercased()
        switch self {
        case .gdpr: return !EuropeanEconomicArea.contains(code)
        case .ukGDPR: return !(["GB", "GI"].contains(code) || EuropeanEconomicArea.contains(code))
        case .swissFADP: return !(["CH", "GB", "GI"].contains(code) || EuropeanEconomicArea.contains(code))
        }
    }

    /// Where data move freely under the regime, as a finding says it ("outside …").
    public var territory: LocalizedText {
        switch self {
        case .gdpr:
            LocalizedText(fr: "l'Espace économique européen (RGPD)", en: "the European Economic Area (GDPR)")
        case .ukGDPR:
            LocalizedText(
                fr: "le Royaume-Uni et les États que couvrent ses règlements d'adéquation, dont l'EEE (UK GDPR)",
                en: "the United Kingdom and the states its adequacy regulations cover, the EEA among them (UK GDPR)")
        case .swissFADP:
            LocalizedText(
                fr: "la Suisse et les États que le Conseil fédéral reconnaît adéquats, dont l'EEE et le Royaume-Uni (LPD suisse)",
                en: "Switzerland and the states the Federal Council recognises as adequate, the EEA and the UK among them (Swiss FADP)")
        }
    }
}

extension Organisation {
    /// The regime the organisation answers to: the one the register records, or the one its country implies.
    public var effectiveRegime: DataProtectionRegime { regime ?? .of(country: country) }
}

extension Register {
    /// The regime of the controller `id`; the GDPR when the register does not hold it.
    public func regime(of id: EntityID) -> DataProtectionRegime {
        organisation(id)?.effectiveRegime ?? .gdpr
    }
}
