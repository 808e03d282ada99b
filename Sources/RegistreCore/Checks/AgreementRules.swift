/// Art. 28(3): what a data-processing agreement must set out and stipulate, and the terms that make its
/// clauses workable.
enum AgreementRules {
    static let all: [Rule] = [partiesKnown, description] + clauseRules + [
        authorisation, generalAuthorisationNotice, auditNotice, breachTerms, transferMechanism, termConflict, informationOnly,
    ]

    static let partiesKnown = Rule.agreement(.art28_party_unknown, "Art. 28(3)") { agreement, register in
        (agreement.controllers + [agreement.processor] + agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] })
            .filter { register.organisation($0) == nil }
            .reduce(into: [EntityID]()) { if !$0.contains($1) { $0.append($1) } }
            .map { id in
                .error(
                    fr: "L'organisme « \(id) » nommé par l'accord n'est pas décrit dans le registre.",
                    en: "The organisation '\(id)' named by the agreement is not described in the register.")
            }
    }

    static let description = Rule.agreement(.art28_3_description, "Art. 28(3)") { agreement, _ in
        var missing: [LocalizedText] = []
        if agreement.subjectMatter == nil { missing.append(LocalizedText(fr: "l'objet", en: "the subject matter")) }
        if agreement.term == nil && agreement.duration == nil { missing.append(LocalizedText(fr: "la durée", en: "the duration")) }
        if agreement.nature == nil { missing.append(LocalizedText(fr: "la nature", en: "the nature")) }
        if agreement.purposes.isEmpty { missing.append(LocalizedText(fr: "la finalité", en: "the purpose")) }
        if agreement.dataTypes.isEmpty { missing.append(LocalizedText(fr: "le type de données", en: "the type of personal data")) }
        if agreement.dataSubjects.isEmpty { missing.append(LocalizedText(fr: "les catégories de personnes concernées", en: "the categories of data subjects")) }
        guard !missing.isEmpty else { return [] }
        return [.error(
            fr: "L'accord ne définit pas " + missing.map(\.fr).joined(separator: ", ") + ".",
            en: "The agreement does not set out " + missing.map(\.en).joined(separator: ", ") + ".")]
    }

    /// One rule per point of Art. 28(3), each with its own code.
    static let clauseRules: [Rule] = [
        clause(.instructions, .art28_3_a_instructions,
               fr: "ne traiter les données que sur instruction documentée du responsable, y compris pour les transferts",
               en: "process the data only on documented instructions from the controller, transfers included"),
        clause(.confidentiality, .art28_3_b_confidentiality,
               fr: "que les personnes autorisées à traiter les données soient tenues à la confidentialité",
               en: "that persons authorised to process the data are bound to confidentiality"),
        clause(.security, .art28_3_c_security,
               fr: "prendre toutes les mesures de sécurité requises par l'article 32",
               en: "take all the security measures required by Article 32"),
        clause(.subProcessing, .art28_3_d_sub_processing,
               fr: "respecter les conditions des paragraphes 2 et 4 pour recruter un sous-traitant ultérieur",
               en: "respect the conditions of paragraphs 2 and 4 for engaging another processor"),
        clause(.dataSubjectRights, .art28_3_e_data_subject_rights,
               fr: "aider le responsable à répondre aux demandes d'exercice des droits des personnes",
               en: "assist the controller in responding to data subjects' requests"),
        clause(.assistance, .art28_3_f_assistance,
               fr: "aider le responsable à respecter les articles 32 à 36 (sécurité, violations, AIPD)",
               en: "assist the controller with Articles 32 to 36 (security, breaches, DPIA)"),
        clause(.endOfServices, .art28_3_g_end_of_services,
               fr: "supprimer ou restituer les données au terme de la prestation, et en détruire les copies",
               en: "delete or return the data at the end of the services, and delete existing copies"),
        clause(.audits, .art28_3_h_audits,
               fr: "mettre à disposition les informations nécessaires et permettre les audits",
               en: "make available all necessary information and allow for audits"),
    ]

    static func clause(_ kind: AgreementClause.Kind, _ code: FindingCode, fr: String, en: String) -> Rule {
        Rule.agreement(code, kind.article) { agreement, _ in
            .error(
                if: agreement.clause(kind) == nil,
                fr: "Clause manquante : l'accord doit stipuler que le sous-traitant s'engage à \(fr).",
                en: "Missing clause: the agreement must stipulate that the processor undertakes to \(en).")
        }
    }

    static let authorisation = Rule.agreement(.art28_2_authorisation, "Art. 28(2)") { agreement, _ in
        .error(
            if: !agreement.subProcessors.isEmpty && agreement.clause(.subProcessorAuthorisation) == nil
                && agreement.subProcessorAuthorisation == nil,
            fr: "Des sous-traitants ultérieurs sont recrutés sans autorisation écrite, spécifique ou générale, du responsable.",
            en: "Sub-processors are engaged with no prior written authorisation, specific or general, from the controller.")
    }

    static let generalAuthorisationNotice = Rule.agreement(.art28_2_notice_period, "Art. 28(2)") { agreement, _ in
        guard let authorisation = agreement.subProcessorAuthorisation, authorisation.kind == .general,
              authorisation.noticePeriod == nil
        else { return [] }
        return [.warning(
            fr: "Autorisation générale des sous-traitants ultérieurs sans délai de prévenance : le responsable n'a aucun délai garanti pour s'opposer à un changement.",
            en: "General authorisation of sub-processors with no notice period: the controller has no guaranteed time to object to a change.")]
    }

    static let auditNotice = Rule.agreement(.art28_3_h_audit_notice, "Art. 28(3)(h)") { agreement, _ in
        guard agreement.clause(.audits) != nil, agreement.auditTerms?.noticePeriod == nil else { return [] }
        return [.warning(
            fr: "La clause d'audit ne fixe pas de délai de prévenance : la date au plus tôt d'un audit ne peut pas être calculée.",
            en: "The audit clause sets no notice period: the earliest date of an audit cannot be computed.")]
    }

    static let breachTerms = Rule.agreement(.art33_2_breach_terms, "Art. 33(2), Art. 28(3)(f)") { agreement, _ in
        guard let terms = agreement.breachTerms else {
            return [.warning(
                fr: "L'accord ne dit ni dans quel délai ni avec quel contenu le sous-traitant notifie une violation de données.",
                en: "The agreement says neither how fast nor with what content the processor notifies a personal data breach.")]
        }
        var gaps: [Rule.Gap] = []
        if terms.timeLimit == nil {
            gaps.append(.warning(
                fr: "La clause de violation de données ne fixe aucun délai de notification au responsable.",
                en: "The breach clause sets no time limit for notifying the controller."))
        }
        if terms.contents.isEmpty {
            gaps.append(.warning(
                fr: "La clause de violation de données ne liste pas ce que la notification du sous-traitant doit contenir.",
                en: "The breach clause does not list what the processor's notice must contain."))
        }
        return gaps
    }

    static let transferMechanism = Rule.agreement(.art46_transfer_mechanism, "Art. 28(3)(a), Art. 44, Art. 46") { agreement, _ in
        .error(
            if: agreement.transferTerms.map(\.mechanisms.isEmpty) == true,
            fr: "La clause de transfert ne nomme aucun mécanisme du chapitre V (décision d'adéquation, clauses types, BCR…).",
            en: "The transfer clause names no Chapter V mechanism (adequacy decision, standard clauses, BCR…).")
    }

    /// Written questions alone are not the audits "including inspections" Art. 28(3)(h) requires.
    static let informationOnly = Rule.agreement(.art28_3_h_information_only, "Art. 28(3)(h)") { agreement, _ in
        .error(
            if: agreement.auditTerms?.access == .informationOnly,
            fr: "La clause d'audit\(agreement.clause(.audits).map { " (\($0.reference))" } ?? "") ne donne au responsable que des informations (questions écrites, rapports), sans inspections : l'article 28(3)(h) exige des audits, y compris des inspections.",
            en: "The audit clause\(agreement.clause(.audits).map { " (\($0.reference))" } ?? "") gives the controller information only (written questions, reports), without inspections: Art. 28(3)(h) requires audits, including inspections.")
    }

    /// One term stated twice with different values or countings: the DPO must know which clause holds.
    static let termConflict = Rule.agreement(.art28_term_conflict, "Art. 28(3)") { agreement, _ in
        ContractTerm.Kind.allCases.compactMap { kind in
            guard let statements = agreement.conflictingTerms[kind] else { return nil }
            let cited = statements.map(\.citation)
            let stricter = kind.actsWithin
                ? LocalizedText(fr: "le plus court", en: "the shortest")
                : LocalizedText(fr: "le plus long", en: "the longest")
            return .error(
                fr: "L'accord fixe plusieurs valeurs pour le \(kind.label.fr) : " + cited.map(\.fr).joined(separator: " et ")
                    + ". Les échéances sont calculées selon la lecture la plus stricte pour la partie qui doit agir (\(stricter.fr)).",
                en: "The agreement states the \(kind.label.en) more than once, with different values: " + cited.map(\.en).joined(separator: " and ")
                    + ". Deadlines are computed under the stricter reading for the party that must act (\(stricter.en)).")
        }
    }
}
