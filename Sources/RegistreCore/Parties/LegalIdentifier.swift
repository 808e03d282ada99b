/// An identifier of an organisation in an official registry.
///
/// French identifiers are checked: a SIREN (9 digits) and a SIRET (14 digits: SIREN + 5-digit NIC) carry
/// a Luhn key, so a mistyped digit is caught where it is entered rather than in front of the authority.
public enum LegalIdentifier: Hashable, Sendable {
    /// Répertoire SIRENE company number, 9 digits.
    case siren(String)
    /// Répertoire SIRENE establishment number, 14 digits.
    case siret(String)
    /// Any other scheme (a foreign company register, a VAT number…), unchecked.
    case other(scheme: String, value: String)

    /// The registry's name: `SIREN`, `SIRET`, or the scheme of another identifier.
    public var scheme: String {
        switch self {
        case .siren: "SIREN"
        case .siret: "SIRET"
        case .other(let scheme, _): scheme
        }
    }

    /// The identifier itself, as written in the registry.
    public var value: String {
        switch self {
        case .siren(let value), .siret(let value), .other(_, let value): value
        }
    }

    /// Builds an identifier from its scheme and value, checking the French ones.
    /// - Throws: ``LegalIdentifierError`` when a SIREN or SIRET is malformed or has a wrong check key.
    public init(scheme: String, value: String) throws(LegalIdentifierError) {
        switch scheme {
        case "SIREN":
            guard value.count == 9, value.allSatisfy(\.isASCIIDigit) else {
                throw .malformed(scheme: scheme, value: value, digits: 9)
            }
            guard Self.hasValidLuhnKey(value) else { throw .wrongKey(scheme: scheme, value: value) }
            self = .siren(value)
        case "SIRET":
            guard value.count == 14, value.allSatisfy(\.isASCIIDigit) else {
                throw .malformed(scheme: scheme, value: value, digits: 14)
            }
            guard Self.hasValidSIRETKey(value) else { throw .wrongKey(scheme: scheme, value: value) }
            self = .siret(value)
        default:
            self = .other(scheme: scheme, value: value)
        }
    }

    /// The SIREN a SIRET belongs to.
    public var siren: String? {
        switch self {
        case .siren(let value): value
        case .siret(let value): String(value.prefix(9))
        case .other: nil
        }
    }

    static func hasValidLuhnKey(_ digits: String) -> Bool {
        var sum = 0
        for (position, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// INSEE's one exception: the establishments of La Poste (SIREN 356 000 000) are numbered so that the
    /// sum of the SIRET's digits is a multiple of 5, not by the Luhn key.
    static func hasValidSIRETKey(_ digits: String) -> Bool {
        if digits.hasPrefix("356000000") && digits != "35600000000048" {
            return digits.compactMap(\.wholeNumberValue).reduce(0, +) % 5 == 0
        }
        return hasValidLuhnKey(digits)
    }
}

/// Why an identifier was refused.
public enum LegalIdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value does not have the shape of the scheme: `digits` digits and nothing else.
    case malformed(scheme: String, value: String, digits: Int)
    /// The value has the shape of the scheme but its check key is wrong: a digit is mistyped.
    case wrongKey(scheme: String, value: String)

    /// The refusal in words, with the value refused (English): ``message`` in English.
    public var description: String { message.en }

    /// The refusal in words, with the value refused, in French and English.
    public var message: LocalizedText {
        switch self {
        case .malformed(let scheme, let value, let digits):
            LocalizedText(
                fr: "\(scheme) « \(value) » est mal formé : \(digits) chiffres attendus",
                en: "\(scheme) '\(value)' is malformed: expected \(digits) digits")
        case .wrongKey(let scheme, let value):
            LocalizedText(
                fr: "\(scheme) « \(value) » a une clé de contrôle fausse (Luhn) : un chiffre est mal saisi",
                en: "\(scheme) '\(value)' has a wrong check key (Luhn): a digit is mistyped")
        }
    }
}
