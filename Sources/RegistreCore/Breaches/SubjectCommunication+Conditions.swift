extension SubjectCommunication.Exception {
    /// What the register would have to show for this exception of Art. 34(3) to be relied on, as the
    /// gaps in `breach`'s facts; empty when every condition is shown (EDPB Guidelines 9/2022, §III.D).
    /// The check raises each gap, and the decision relies on the exception only when there is none.
    public func unmetConditions(in breach: Breach) -> [LocalizedText] {
        switch self {
        case .unintelligible: unintelligibleGaps(breach)
        case .riskNoLongerLikely: riskNoLongerLikelyGaps(breach)
        case .disproportionateEffort: disproportionateEffortGaps(breach)
        }
    }

    private func unintelligibleGaps(_ breach: Breach) -> [LocalizedText] {
        guard breach.encryption?.makesDataUnintelligible == true else {
            return [LocalizedText(
                fr: "Exception de l'art. 34(3)(a) invoquée, mais aucun chiffrement à l'état de l'art avec une clé non compromise n'est enregistré (champ encryption : attendu strength=state-of-the-art, key-compromised=false).",
                en: "The Art. 34(3)(a) exception is relied on, but no state-of-the-art encryption with an uncompromised key is recorded (field encryption: expected strength=state-of-the-art, key-compromised=false).")]
        }
        guard breach.assessment?.identification != .maximum else {
            return [LocalizedText(
                fr: "Exception de l'art. 34(3)(a) invoquée alors que l'évaluation dit l'identification des personnes maximale : des données incompréhensibles ne permettent pas d'identifier (champ assessment/identification).",
                en: "The Art. 34(3)(a) exception is relied on while the assessment says identification is maximum: unintelligible data identify nobody (field assessment/identification).")]
        }
        return []
    }

    private func riskNoLongerLikelyGaps(_ breach: Breach) -> [LocalizedText] {
        if let harm = breach.observedConsequences, !harm.isEmpty {
            return [LocalizedText(
                fr: "Exception de l'art. 34(3)(b) invoquée alors qu'un préjudice est déjà constaté (\(harm.map(\.words.fr).joined(separator: ", "))) : le risque s'est réalisé.",
                en: "The Art. 34(3)(b) exception is relied on while harm has already been seen (\(harm.map(\.words.en).joined(separator: ", "))): the risk has materialised.")]
        }
        guard breach.measures.isEmpty else { return [] }
        return [LocalizedText(
            fr: "Exception de l'art. 34(3)(b) invoquée sans mesure ultérieure enregistrée (champ measure) qui rende le risque élevé improbable.",
            en: "The Art. 34(3)(b) exception is relied on with no subsequent measure recorded (field measure) that makes the high risk no longer likely.")]
    }

    private func disproportionateEffortGaps(_ breach: Breach) -> [LocalizedText] {
        guard breach.communication?.at == nil || breach.communication?.detail == nil else { return [] }
        return [LocalizedText(
            fr: "Exception de l'art. 34(3)(c) invoquée sans communication publique enregistrée : la date (attribut at de communication) et le moyen (son texte) sont attendus.",
            en: "The Art. 34(3)(c) exception is relied on with no public communication recorded: its date (communication's at attribute) and its means (its text) are expected.")]
    }
}
