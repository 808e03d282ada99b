import Foundation

/// The countries of ISO 3166-1 alpha-2, the only codes a register accepts where it names a country: an
/// organisation's seat and establishments, a transfer's destination, where a sub-processor works.
///
/// `EU` and `EEA` are refused with their own message: a union of states is not a country, and a transfer
/// "to the EU" says neither which law applies nor whether Chapter V does.
public enum CountryCode {
    /// The 249 officially assigned codes of ISO 3166-1 (2024): no user-assigned (`XK`, `AA`, `ZZ`),
    /// exceptionally reserved (`EU`, `UK`, `IC`) or transitional codes.
    public static let all: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
        DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU \
        ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ \
        LA LB LC LI LK LR LS LT LU LV LY \
        MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
        NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA \
        RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
        TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU \
        WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    /// Whether `code` is an ISO 3166-1 alpha-2 country code, written in capitals as the format wants.
    public static func isCountry(_ code: String) -> Bool { all.contains(code) }

    /// Why `code` is not accepted where a country is expected, or nil when it is a country.
    ///
    /// - Parameters:
    ///   - code: the code as given.
    ///   - field: the name of the field, as the message quotes it ("country", "establishment").
    public static func refusal(of code: String, field: String) -> LocalizedText? {
        guard !isCountry(code) else { return nil }
        switch code.uppercased() {
        case "EU", "EEA", "EEE", "UE":
            return LocalizedText(
                fr: "\(field) : '\(code)' n'est pas un pays ; l'Union européenne et l'Espace économique européen réunissent des États : nommez le pays (code ISO 3166-1 alpha-2, par exemple FR, DE, IE)",
                en: "\(field): '\(code)' is not a country; the European Union and the European Economic Area are groups of states: name the country (ISO 3166-1 alpha-2 code, for example FR, DE, IE)")
        case "UK":
            return LocalizedText(
                fr: "\(field) : '\(code)' n'est pas un code ISO 3166-1 ; le Royaume-Uni s'écrit GB",
                en: "\(field): '\(code)' is not an ISO 3166-1 code; the United Kingdom is GB")
        default:
            let hint = isCountry(code.uppercased()) ? (fr: ", en capitales : \(code.uppercased())", en: ", in capitals: \(code.uppercased())") : (fr: "", en: "")
            return LocalizedText(
                fr: "\(field) : '\(code)' n'est pas un code de pays ISO 3166-1 alpha-2 (attendu par exemple FR, DE, US\(hint.fr))",
                en: "\(field): '\(code)' is not an ISO 3166-1 alpha-2 country code (expected for example FR, DE, US\(hint.en))")
        }
    }

    /// The country's name as people read it ("États-Unis", "United States"); the code itself when the
    /// system knows no name for it.
    public static func name(_ code: String, in language: Language) -> String {
        names[language]?[code.uppercased()] ?? code
    }

    /// Made once: a report names a country for every transfer of every activity.
    private static let names: [Language: [String: String]] = {
        let locales: [Language: Locale] = [.fr: Locale(identifier: "fr_FR"), .en: Locale(identifier: "en_GB")]
        return locales.mapValues { locale in
            Dictionary(uniqueKeysWithValues: all.compactMap { code in
                locale.localizedString(forRegionCode: code).map { (code, $0) }
            })
        }
    }()
}
