/// Art. 35: a processing likely to result in a high risk needs a DPIA before it starts. The EDPB criteria
/// (WP248 rev.01) make it likely from two criteria met.
enum ImpactAssessmentRules {
    static let all: [Rule] = [assessmentRecorded]

    static let assessmentRecorded = Rule.activity(.art35_dpia_missing, "Art. 35(1), Art. 35(3)") { activity, _ in
        guard let assessment = activity.impactAssessment, assessment.isLikelyRequired, !assessment.isRecorded
        else { return [] }
        // Named by their labels, in the order of the guidelines.
        let met = ImpactAssessment.Criterion.allCases.filter(assessment.criteria.contains)
        let criteria = LocalizedText(fr: met.map(\.words.fr).joined(separator: ", "), en: met.map(\.words.en).joined(separator: ", "))
        return [.error(
            fr: "Le traitement remplit \(met.count) critères du CEPD (\(criteria.fr)) : une analyse d'impact (AIPD) est requise et n'est pas enregistrée.",
            en: "The processing meets \(met.count) EDPB criteria (\(criteria.en)): a data protection impact assessment is required and none is recorded."
        )]
    }
}
