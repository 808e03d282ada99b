import Foundation

/// A label as the import compares it: without case, accents, punctuation or runs of spaces, so that
/// "N° / RÉF", "n° / ref" and "N°/REF" are one label, and "État civil…" matches "Etat civil...".
struct LabelKey: Hashable {
    let value: String
    /// The words before the first parenthesis or comma: "Données de connexion (adresse IP, logs, etc.)" is
    /// known by "données de connexion" even where the CNIL's own file writes "adress IP".
    let head: String
    private let headWords: Int

    init(_ label: String) {
        let folded = label.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
        var words: [String] = []
        var word = ""
        var headCount: Int?
        for character in folded {
            if character.isLetter || character.isNumber {
                word.append(character)
                continue
            }
            if !word.isEmpty {
                words.append(word)
                word = ""
            }
            if headCount == nil, character == "(" || character == "," { headCount = words.count }
        }
        if !word.isEmpty { words.append(word) }
        value = words.joined(separator: " ")
        head = headCount.map { words.prefix($0).joined(separator: " ") } ?? ""
        headWords = headCount ?? 0
    }

    /// Whether this label begins with `prefix` word for word ("Destinataire 3" begins with "Destinataire").
    func begins(with prefix: LabelKey) -> Bool {
        value == prefix.value || value.hasPrefix(prefix.value + " ")
    }

    /// Whether the two labels are the same, or one is the model's label cut short (the model's own
    /// labels are sometimes longer than the cell shows, and users shorten them).
    func matches(_ other: LabelKey) -> Bool {
        value == other.value
            || (other.value.count >= 20 && value.count >= 20 && (value.hasPrefix(other.value) || other.value.hasPrefix(value)))
            || Self.sameHead(self, other) || Self.sameHead(other, self)
    }

    private static func sameHead(_ one: LabelKey, _ other: LabelKey) -> Bool {
        guard one.headWords >= 2 else { return false }
        return one.head == other.head || one.head == other.value
    }

    static func == (lhs: LabelKey, rhs: LabelKey) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
