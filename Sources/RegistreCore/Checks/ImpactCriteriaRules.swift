import Foundation

/// The EDPB criteria (WP248 rev.01) that follow from what the activity records itself: special categories
/// or criminal-offence data are "sensitive data or data of a highly personal nature" (criterion 4), and
/// data subjects the register names as children, patients, elderly or otherwise vulnerable are criterion
/// 7. A DPIA record that leaves such a criterion out understates the risk; with the large-scale criterion
/// and Art. 9 or 10 data, Art. 35(3)(b) requires the DPIA outright.
enum ImpactCriteriaRules {
    static let all: [Rule] = [criteriaFromData, notAssessed]

    /// An activity silent on the DPIA whose own data meet two criteria (sensitive data, vulnerable people):
    /// two criteria make a DPIA likely required (WP248 rev.01, §III.B.a), so silence is not an answer.
    static let notAssessed = Rule.activity(.art35_dpia_not_assessed, "Art. 35(1), EDPB WP248") { activity, _ in
        guard activity.impactAssessment == nil else { return [] }
        let sensitive = !activity.specialCategories.isEmpty || activity.criminalOffenceData != nil
        guard sensitive, let vulnerable = activity.dataSubjects.first(where: \.namesVulnerablePeople) else { return [] }
        return [.warning(
            fr: "Le traitement porte sur des données sensibles (art. 9 ou 10) de personnes vulnérables (« \(vulnerable.label) ») : deux critères du CEPD, qui rendent une analyse d'impact probablement obligatoire. La fiche ne dit rien de l'analyse d'impact : enregistrer la décision (analyse faite, en cours, ou critères pesés).",
            en: "The processing handles sensitive data (Art. 9 or 10) of vulnerable people ('\(vulnerable.label)'): two EDPB criteria, which make a DPIA likely required. The activity says nothing of a DPIA: record the decision (DPIA done, under way, or the criteria weighed).")]
    }

    static let criteriaFromData = Rule.activity(.art35_criteria_from_data, "Art. 35(1), Art. 35(3)(b), EDPB WP248") { activity, _ in
        // A DPIA done or under way has weighed the risk whatever the criteria say.
        guard let assessment = activity.impactAssessment, !assessment.isRecorded else { return [] }
        let sensitive = !activity.specialCategories.isEmpty || activity.criminalOffenceData != nil
        let vulnerable = activity.dataSubjects.filter(\.namesVulnerablePeople)
        let largeScale = assessment.criteria.contains(.largeScale)
        var gaps: [Rule.Gap] = []
        if sensitive, !assessment.criteria.contains(.sensitiveOrHighlyPersonalData) {
            let kinds = (activity.specialCategories.isEmpty ? [] : [LocalizedText(fr: "catégories particulières (art. 9)", en: "special categories (Art. 9)")])
                + (activity.criminalOffenceData == nil ? [] : [LocalizedText(fr: "données d'infractions (art. 10)", en: "criminal-offence data (Art. 10)")])
            let data = LocalizedText(fr: kinds.map(\.fr).joined(separator: " et "), en: kinds.map(\.en).joined(separator: " and "))
            if largeScale {
                gaps.append(.error(
                    fr: "Le traitement porte sur des \(data.fr) à grande échelle, mais le critère « données sensibles » est noté comme non rempli : l'art. 35(3)(b) impose une analyse d'impact, qui n'est pas enregistrée.",
                    en: "The processing handles \(data.en) on a large scale, yet the criterion 'sensitive data' is recorded as not met: Art. 35(3)(b) requires a DPIA, and none is recorded."))
            } else {
                gaps.append(.warning(
                    fr: "Le traitement porte sur des \(data.fr), mais le critère « données sensibles » du CEPD est noté comme non rempli.",
                    en: "The processing handles \(data.en), yet the EDPB criterion 'sensitive data' is recorded as not met."))
            }
        }
        if let first = vulnerable.first, largeScale, !assessment.criteria.contains(.vulnerableDataSubjects) {
            gaps.append(.warning(
                fr: "Le traitement concerne à grande échelle des personnes vulnérables (« \(first.label) »), mais le critère « personnes vulnérables » du CEPD est noté comme non rempli.",
                en: "The processing concerns vulnerable people on a large scale ('\(first.label)'), yet the EDPB criterion 'vulnerable data subjects' is recorded as not met."))
        }
        return gaps
    }
}

/// Whether a category of data subjects names people WP248 counts as vulnerable: by its W3C DPV code, or
/// by words that leave no doubt (children, pupils, patients, the elderly, disabled people, asylum seekers).
enum VulnerableSubjects {
    static let codes: Set<String> = [
        "dpv:VulnerableDataSubject", "dpv:Child", "dpv:Minor", "dpv:Patient", "dpv:ElderlyDataSubject",
        "dpv:MentallyVulnerableDataSubject", "dpv:AsylumSeeker",
    ]

    static let words = [
        "enfant", "enfants", "mineur", "mineurs", "eleve", "eleves", "patient", "patients", "personnes agees",
        "personne agee", "personnes handicapees", "personne handicapee", "demandeurs d'asile", "majeurs proteges",
        "children", "child", "minors", "pupils", "patients", "elderly", "disabled people", "asylum seekers",
    ]

    static func isVulnerable(_ category: Category) -> Bool {
        if let code = category.code, codes.contains(code) { return true }
        let label = category.label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let tokens = label.split { !$0.isLetter && $0 != "'" }.joined(separator: " ")
        // "Représentants légaux des enfants", "Familles des patients": the people named are the relatives,
        // not the vulnerable people themselves.
        guard !relations.contains(where: { " \(tokens) ".hasPrefix(" \($0) ") }) else { return false }
        return words.contains { " \(tokens) ".contains(" \($0) ") }
    }

    /// First words that name the relatives or representatives of the people that follow.
    static let relations = [
        "parent", "parents", "famille", "familles", "representant", "representants", "responsable legal",
        "responsables legaux", "proche", "proches", "tuteur", "tuteurs",
        "family", "families", "relatives", "guardian", "guardians", "legal representatives",
    ]
}

extension Category {
    /// Whether this category of data subjects names people the EDPB counts as vulnerable (WP248,
    /// criterion 7): by its DPV code or by words that leave no doubt.
    public var namesVulnerablePeople: Bool { VulnerableSubjects.isVulnerable(self) }
}
