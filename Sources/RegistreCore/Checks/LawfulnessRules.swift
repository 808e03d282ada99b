/// Whether each activity says on what ground it is lawful: Art. 6(1) for all, Art. 9(2) for special
/// categories, Art. 10 for criminal-offence data.
enum LawfulnessRules {
    static let legalBasis = Rule.activity(.art6_1_legal_basis, "Art. 6(1)") { activity, _ in
        .error(
            if: activity.legalBases.isEmpty,
            fr: "Base légale du traitement non renseignée (consentement, contrat, obligation légale, intérêts vitaux, mission d'intérêt public, intérêts légitimes).",
            en: "No legal basis recorded (consent, contract, legal obligation, vital interests, public task, legitimate interests)."
        )
    }

    static let legitimateInterestsOfPublicBody = Rule.activity(.art6_1_f_public_body, "Art. 6(1), second subparagraph") { activity, register in
        guard register.organisation(activity.controller)?.isPublicBody == true,
              activity.legalBases.contains(where: { $0.basis == .legitimateInterests })
        else { return [] }
        return [.warning(
            fr: "Un organisme public ne peut pas invoquer l'intérêt légitime pour les traitements qu'il effectue dans l'exécution de ses missions.",
            en: "A public body cannot rely on legitimate interests for processing carried out in the performance of its tasks."
        )]
    }

    static let specialCategoryCondition = Rule.activity(.art9_2_condition, "Art. 9(2)") { activity, _ in
        activity.specialCategories.filter { $0.condition == nil }.map { data in
            .error(
                fr: "Données sensibles (\(data.category.words.fr)) traitées sans l'exception de l'article 9(2) qui le permet.",
                en: "Special-category data (\(data.category.words.en)) processed without the Art. 9(2) condition that allows it."
            )
        }
    }

    static let criminalOffenceGround = Rule.activity(.art10_legal_ground, "Art. 10") { activity, _ in
        guard let data = activity.criminalOffenceData, data.legalGround == nil else { return [] }
        return [.error(
            fr: "Données relatives aux infractions (\(data.description)) sans le texte qui en autorise le traitement.",
            en: "Criminal-offence data (\(data.description)) without the law that authorises the processing."
        )]
    }
}
