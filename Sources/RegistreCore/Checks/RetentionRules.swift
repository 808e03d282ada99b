import Foundation

/// Art. 5(1)(e): data are kept no longer than necessary, so every retention period ends. A criterion that
/// ends only when the person asks, or that says no end at all, is read in the register's own words (the
/// criterion is free text); a criterion that also gives an outer limit ("et au plus tard…") is not one.
enum RetentionRules {
    static let all: [Rule] = [untilRequest, unlimited, missingForData]

    static let untilRequest = Rule.activity(.art5_1_e_retention_until_request, "Art. 5(1)(e), Art. 30(1)(f)") { activity, _ in
        activity.retention.filter { RetentionWording.endsOnlyOnRequest($0) }.map { period in
            .warning(
                fr: "Conservation jusqu'à la demande de la personne\(RetentionWording.data(period, .fr)) : sans demande, les données ne seraient jamais supprimées. Fixez une durée au-delà de laquelle elles le sont.",
                en: "Kept until the person asks\(RetentionWording.data(period, .en)): without a request the data would never be erased. Set a period after which they are.")
        }
    }

    /// Where the register keeps retention per data category (a period names one of the categories, as the
    /// CNIL's model has a retention column beside each), a category with none of its own is kept for an
    /// unknown time. Silent where no period names a category: the periods are then the activity's, for all
    /// its data, or for records grouped otherwise ("Dossiers de candidature").
    static let missingForData = Rule.activity(.art5_1_e_retention_missing_for_data, "Art. 5(1)(e), Art. 30(1)(f)") { activity, _ in
        let named = activity.retention.compactMap { $0.data.map { FoldedText(folding: $0) } }
        // No period names its data: nothing to fold. Else each label is folded once (folding it for each
        // question asked of it was half of what the rules cost per activity).
        guard !named.isEmpty else { return [] }
        // A period kept for several categories at once ("Nom, prénom et RIB") covers each it names.
        let covered = activity.dataCategories.map { category in
            let label = FoldedText(folding: category.label).text.trimmingCharacters(in: .whitespaces)
            return named.contains { $0.text == label || $0.hasPhrase(label) }
        }
        guard covered.contains(true) else { return [] }
        return zip(activity.dataCategories, covered).filter { !$0.1 }.map { category, _ in
            .warning(
                fr: "Catégorie de données « \(category.label) » sans durée de conservation propre, quand les autres en ont une (modèle de registre de la CNIL : une durée par catégorie) : dites combien de temps elle est gardée.",
                en: "Data category '\(category.label)' has no retention period of its own, where the others have one (the CNIL's register model: one period per category): say how long it is kept.")
        }
    }

    static let unlimited = Rule.activity(.art5_1_e_retention_unlimited, "Art. 5(1)(e), Art. 30(1)(f)") { activity, _ in
        activity.retention.filter { RetentionWording.hasNoEnd($0) }.map { period in
            .error(
                fr: "Durée de conservation sans fin ou non définie\(RetentionWording.data(period, .fr)) : les données doivent être supprimées ou archivées au terme d'une durée fixée.",
                en: "Retention with no end, or not yet set\(RetentionWording.data(period, .en)): the data must be erased or archived at the end of a set period.")
        }
    }
}

/// What a retention criterion says, read in French and English with accents and case set aside.
enum RetentionWording {
    /// Words that tie the end to the person: "à la demande de la personne", "until the data subject asks".
    static let request = [
        "demande de la personne", "demande de l'interesse", "demande des interesses", "demande de la personne concernee",
        "demande de l'usager", "demande de l'agent", "demande du patient", "demande de l'eleve", "demande du client",
        "jusqu'a ce que la personne", "jusqu'a ce que l'interesse", "jusqu'a sa demande", "jusqu'a leur demande",
        "jusqu'a la demande de suppression", "jusqu'a demande de suppression", "jusqu'a opposition", "jusqu'a son opposition",
        "jusqu'au retrait du consentement", "jusqu'au retrait de son consentement",
        "until the person asks", "until the data subject", "until the person requests", "until erasure is requested",
        "until deletion is requested", "until they ask", "at the request of the data subject", "until consent is withdrawn",
    ]

    /// Words that say there is no end, or none yet.
    static let endless = [
        "illimite", "illimitee", "illimites", "illimitees", "indefini", "indefinie", "indefinis", "indefinies", "indefiniment", "sans limite", "sans limitation", "sans duree", "sans fin",
        "pas de duree", "aucune duree", "non defini", "non definie", "non definies", "duree a definir", "reste a definir", "a vie", "pour toujours", "duree inconnue",
        "perpetuite",
        "unlimited", "indefinite", "forever", "no limit", "no time limit", "without limit", "no end", "to be defined",
        "not defined",
    ]

    /// Words that give an outer limit besides the person's request.
    static let outerLimit = ["au plus tard", "au maximum", "dans la limite", "at the latest", "at most", "no longer than"]

    static func endsOnlyOnRequest(_ period: RetentionPeriod) -> Bool {
        guard let words = criterion(period) else { return false }
        return request.contains { words.hasPhrase($0) } && !hasOuterLimit(words)
    }

    static func hasNoEnd(_ period: RetentionPeriod) -> Bool {
        guard let words = criterion(period) else { return false }
        // Art. 5(1)(e) itself lets data be kept longer for archiving in the public interest (Art. 89(1)):
        // "illimitée (archives publiques, Code du patrimoine)" is a stated end of active use, not a gap.
        return endless.contains { words.hasPhrase($0) } && !hasOuterLimit(words) && !words.text.contains("archiv")
    }

    /// Whether the criterion also gives a limit: outer-limit words, or a stated duration ("3 ans à compter
    /// du dernier contact ou jusqu'au retrait du consentement").
    private static func hasOuterLimit(_ words: FoldedText) -> Bool {
        outerLimit.contains { words.hasPhrase($0) }
            || words.text.contains(#/\b\d+\s*(ans?|annees?|mois|jours?|semaines?|years?|months?|days?|weeks?)\b/#)
    }

    /// The criterion folded for matching: lower case, no accents, straight apostrophes.
    private static func criterion(_ period: RetentionPeriod) -> FoldedText? {
        guard case .criterion(let text) = period.rule else { return nil }
        return FoldedText(folding: text)
    }

    /// " (Comptes utilisateurs)" for a period that names its data.
    static func data(_ period: RetentionPeriod, _ language: Language) -> String {
        period.data.map { " (\($0))" } ?? ""
    }
}

/// A criterion folded for matching, with its UTF-8 bytes at hand: every activity's criterion is searched
/// for some fifty phrases, which Foundation's `range(of:)` made a tenth of `check`'s time.
struct FoldedText {
    let text: String
    private let bytes: [UInt8]

    /// Lower case, no accents, straight apostrophes. A criterion in ASCII (most English ones, none with an
    /// accent) is folded byte by byte; Foundation's folding is for the others.
    init(folding original: String) {
        if original.utf8.allSatisfy({ $0 < 0x80 }) {
            bytes = original.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            text = original.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: "\u{2019}", with: "'")
            bytes = Array(text.utf8)
        }
    }

    /// Whether `phrase` occurs as whole words: "sans fin" is not in "sans finalité", nor "a vie" in "sa vie".
    /// The phrases are folded ASCII, so a match is a run of equal bytes; what stands on either side of it
    /// is read as a character, to tell a letter (of any script) from a space or a sign.
    func hasPhrase(_ phrase: String) -> Bool {
        let wanted = Array(phrase.utf8)
        guard let first = wanted.first, wanted.count <= bytes.count else { return false }
        var start = 0
        while start + wanted.count <= bytes.count {
            if bytes[start] == first, bytes[start..<start + wanted.count].elementsEqual(wanted),
               !isLetter(endingAt: start), !isLetter(startingAt: start + wanted.count) {
                return true
            }
            start += 1
        }
        return false
    }

    /// Whether the character that ends just before byte `offset` is a letter.
    private func isLetter(endingAt offset: Int) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back over UTF-8 continuation bytes
        return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first.map(isLetter) ?? false
    }

    /// Whether the character that starts at byte `offset` is a letter.
    private func isLetter(startingAt offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first.map(isLetter) ?? false
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : Character(scalar).isLetter
    }
}
