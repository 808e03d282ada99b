import Foundation

/// How many people or records a breach concerns, as precisely as the controller knows it: Art. 33(3)(a)
/// asks for an approximate number, and Art. 33(4) lets it come later. Never negative: a count is built
/// only through the initialisers, which refuse a negative number.
public struct Count: Hashable, Sendable, CustomStringConvertible {
    /// How precisely the number is known.
    public enum Precision: String, CaseIterable, Hashable, Sendable {
        /// An exact number, an approximate one, a range from ``Count/value`` to ``Count/upperBound``, or not known yet.
        case exact, about, range, unknown
    }

    /// How precisely the number is known; ``value`` and ``upperBound`` read according to it.
    public let precision: Precision
    /// The number, or the lower bound of a range; nil when unknown.
    public let value: Int?
    /// The upper bound of a range.
    public let upperBound: Int?

    /// Why a text or number is not a count.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The number is below zero.
        case negative(Int)
        /// The range's upper bound is below its lower bound.
        case emptyRange(Int, Int)
        /// The text is not one of the forms ``Count/init(parsing:)`` reads.
        case unreadable(String)

        /// The refusal in words, with the value refused (English): ``message`` in English.
        public var description: String { message.en }

        /// The refusal in words, with the value refused, in French and English.
        public var message: LocalizedText {
            switch self {
            case .negative(let value):
                LocalizedText(fr: "un nombre ne peut être négatif (\(value))", en: "a count cannot be negative (\(value))")
            case .emptyRange(let low, let high):
                LocalizedText(fr: "une fourchette va du plus petit nombre au plus grand (\(low)–\(high))",
                              en: "a range goes from the smaller number to the larger (\(low)–\(high))")
            case .unreadable(let text):
                LocalizedText(
                    fr: "« \(text) » n'est pas un nombre (attendu : 120, environ 120, 100-150 ou inconnu ; en anglais about 120, unknown)",
                    en: "'\(text)' is not a count (expected 120, about 120, 100-150 or unknown; in French environ 120, inconnu)")
            }
        }
    }

    private init(precision: Precision, value: Int?, upperBound: Int?) {
        self.precision = precision
        self.value = value
        self.upperBound = upperBound
    }

    /// An exact count.
    /// - Throws: ``Refusal/negative(_:)`` when `value` is below zero.
    public init(exactly value: Int) throws(Refusal) {
        guard value >= 0 else { throw .negative(value) }
        self.init(precision: .exact, value: value, upperBound: nil)
    }

    /// An approximate count ("about 120").
    /// - Throws: ``Refusal/negative(_:)`` when `value` is below zero.
    public init(about value: Int) throws(Refusal) {
        guard value >= 0 else { throw .negative(value) }
        self.init(precision: .about, value: value, upperBound: nil)
    }

    /// A count between `low` and `high`, both included.
    /// - Throws: ``Refusal/negative(_:)`` when `low` is below zero, ``Refusal/emptyRange(_:_:)`` when `high` is below
    /// `low`.
    public init(from low: Int, to high: Int) throws(Refusal) {
        guard low >= 0 else { throw .negative(low) }
        guard high >= low else { throw .emptyRange(low, high) }
        self.init(precision: .range, value: low, upperBound: high)
    }

    /// A count the controller does not know yet (Art. 33(4) lets it come later).
    public static let unknown = Count(precision: .unknown, value: nil, upperBound: nil)

    /// Reads what a DPO types: "120", "about 120", "~120", "environ 120", "100-150", "100..150",
    /// "unknown", "inconnu".
    /// - Throws: ``Refusal/unreadable(_:)`` when the text is none of these, ``Refusal/negative(_:)`` or
    ///   ``Refusal/emptyRange(_:_:)`` when the number it gives is not a count.
    public init(parsing text: String) throws(Refusal) {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["unknown", "inconnu", "inconnue", "?"].contains(words) {
            self = .unknown
            return
        }
        for prefix in ["about ", "environ ", "approximately ", "approx. ", "~", "≈", "ca. "] where words.hasPrefix(prefix) {
            guard let value = Self.number(String(words.dropFirst(prefix.count))) else { throw .unreadable(text) }
            try self.init(about: value)
            return
        }
        if let value = Self.number(words) {
            try self.init(exactly: value)
            return
        }
        // A range; a leading minus sign is a negative number, not a separator.
        for separator in ["..", "–", "-", " à ", " to "] {
            let parts = words.components(separatedBy: separator)
            guard parts.count == 2, !parts[0].isEmpty,
                  let low = Self.number(parts[0]),
                  let high = Self.number(parts[1])
            else { continue }
            try self.init(from: low, to: high)
            return
        }
        throw .unreadable(text)
    }

    /// A whole number as people write it, with thousands grouped: "2400", "2 400", "2,400", "2 400".
    private static func number(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = trimmed
        for separator in [" ", "\u{00A0}", "\u{202F}", ",", "_"] { digits = digits.replacingOccurrences(of: separator, with: "") }
        // A separator only groups thousands: "2,4" is not 24.
        if digits != trimmed {
            let groups = trimmed.split(whereSeparator: { " \u{00A0}\u{202F},_".contains($0) })
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(digits)
    }

    /// The smallest number the count allows: what the decision may rely on without guessing.
    public var lowerBound: Int? { value }

    /// The count as registre's XML writes it: "120", "about 120", "100-150" or "unknown".
    public var description: String {
        switch precision {
        case .exact: "\(value!)"
        case .about: "about \(value!)"
        case .range: "\(value!)-\(upperBound!)"
        case .unknown: "unknown"
        }
    }

    /// As a report says it.
    public var words: LocalizedText {
        switch precision {
        case .exact: LocalizedText(fr: "\(value!)", en: "\(value!)")
        case .about: LocalizedText(fr: "environ \(value!)", en: "about \(value!)")
        case .range: LocalizedText(fr: "de \(value!) à \(upperBound!)", en: "\(value!) to \(upperBound!)")
        case .unknown: LocalizedText(fr: "inconnu", en: "unknown")
        }
    }
}

extension Count: ExpressibleByIntegerLiteral {
    /// An exact count written in the source; a negative literal is a programming error.
    public init(integerLiteral value: Int) {
        precondition(value >= 0, "a count cannot be negative")
        self.init(precision: .exact, value: value, upperBound: nil)
    }
}
