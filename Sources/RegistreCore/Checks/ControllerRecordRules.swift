/// The items of Art. 30(1) that each activity of a controller's record must state.
enum ControllerRecordRules {
    static let controllerKnown = Rule.activity(.art30_1_a_controller_unknown, "Art. 30(1)(a)") { activity, register in
        .error(
            if: register.organisation(activity.controller) == nil,
            fr: "Le responsable du traitement « \(activity.controller) » n'est pas décrit dans le registre : son nom et ses coordonnées manquent.",
            en: "The controller '\(activity.controller)' is not described in the register: its name and contact details are missing."
        )
    }

    static let controllerContact = Rule.activity(.art30_1_a_controller_contact, "Art. 30(1)(a)") { activity, register in
        guard let controller = register.organisation(activity.controller) else { return [] }
        return .error(
            if: !controller.hasContactDetails,
            fr: "Coordonnées du responsable du traitement « \(controller.name) » non renseignées (adresse, courriel ou téléphone).",
            en: "No contact details for the controller '\(controller.name)' (address, email or telephone)."
        )
    }

    static let dataProtectionOfficer = Rule.activity(.art30_1_a_dpo, "Art. 30(1)(a), Art. 37(1)(a)") { activity, register in
        guard let controller = register.organisation(activity.controller) else { return [] }
        if let dpo = controller.dpo, dpo.isReachable { return [] }
        let fr = "Délégué à la protection des données de « \(controller.name) » non renseigné ou sans coordonnées."
        let en = "No data protection officer, or none that can be reached, recorded for '\(controller.name)'."
        // Art. 37(1)(a): every public authority or body must designate a DPO.
        return [controller.isPublicBody
            ? .error(fr: fr + " Un organisme public doit en désigner un.", en: en + " A public body must designate one.")
            : .warning(fr: fr, en: en)]
    }

    /// Art. 27(1) asks a representative in the Union only of those Art. 3(2) brings under the GDPR, and
    /// Art. 27(2)(b) exempts public authorities and bodies: an English council needs none.
    static let euRepresentative = Rule.activity(.art30_1_a_representative, "Art. 30(1)(a), Art. 27, Art. 3(2)") { activity, register in
        guard let controller = register.organisation(activity.controller), controller.fallsUnderArticle3_2,
              !controller.isPublicBody, controller.euRepresentative == nil, let country = controller.country
        else { return [] }
        let targeting = controller.targetsUnion == true ? (fr: "", en: "")
            : (fr: " S'il n'offre ni biens ni services à des personnes dans l'Union et ne suit pas leur comportement (art. 3(2)), indiquez-le : aucun représentant n'est alors requis.",
               en: " If it neither offers goods or services to people in the Union nor monitors their behaviour there (Art. 3(2)), record it: no representative is then needed.")
        return [.warning(
            fr: "« \(controller.name) » n'a pas d'établissement dans l'Espace économique européen (\(CountryCode.name(country, in: .fr))) et aucun représentant dans l'Union n'est renseigné.\(targeting.fr)",
            en: "'\(controller.name)' has no establishment in the European Economic Area (\(CountryCode.name(country, in: .en))) and no representative in the Union is recorded.\(targeting.en)"
        )]
    }

    static let jointArrangement = Rule.activity(.art26_arrangement, "Art. 26(1)") { activity, register in
        activity.jointControllers.filter { $0.arrangement == nil }.map { joint in
            let name = register.organisation(joint.organisation)?.name ?? joint.organisation
            return .warning(
                fr: "Responsable conjoint « \(name) » sans accord définissant les obligations de chacun.",
                en: "Joint controller '\(name)' without the arrangement that sets out each one's responsibilities."
            )
        }
    }

    static let purposes = Rule.activity(.art30_1_b_purposes, "Art. 30(1)(b)") { activity, _ in
        .error(
            if: activity.purposes.isEmpty,
            fr: "Finalités du traitement non renseignées.",
            en: "The purposes of the processing are not recorded."
        )
    }

    static let dataSubjects = Rule.activity(.art30_1_c_data_subjects, "Art. 30(1)(c)") { activity, _ in
        .error(
            if: activity.dataSubjects.isEmpty,
            fr: "Catégories de personnes concernées non renseignées.",
            en: "The categories of data subjects are not recorded."
        )
    }

    static let dataCategories = Rule.activity(.art30_1_c_data_categories, "Art. 30(1)(c)") { activity, _ in
        .error(
            if: activity.dataCategories.isEmpty,
            fr: "Catégories de données personnelles non renseignées.",
            en: "The categories of personal data are not recorded."
        )
    }

    static let recipients = Rule.activity(.art30_1_d_recipients, "Art. 30(1)(d)") { activity, _ in
        .error(
            if: activity.recipients.isEmpty,
            fr: "Catégories de destinataires non renseignées (services internes compris).",
            en: "The categories of recipients are not recorded (internal services included)."
        )
    }

    static let transferSafeguard = Rule.activity(.art30_1_e_transfer_safeguard, "Art. 30(1)(e), Art. 44") { activity, register in
        TransferRules.unsafeguarded(activity.transfers, under: register.regime(of: activity.controller))
    }

    static let transferDocumentation = Rule.activity(.art30_1_e_transfer_documentation, "Art. 30(1)(e), Art. 49(1)") { activity, _ in
        TransferRules.undocumented(activity.transfers)
    }

    static let retention = Rule.activity(.art30_1_f_retention, "Art. 30(1)(f)") { activity, _ in
        .error(
            if: activity.retention.isEmpty,
            fr: "Durées de conservation non renseignées.",
            en: "No retention period is recorded."
        )
    }

    static let openEndedRetention = Rule.activity(.art30_1_f_retention_open_ended, "Art. 30(1)(f), Art. 5(1)(e)") { activity, _ in
        activity.retention.filter(\.isOpenEnded).map { period in
            let data = period.data.map { " (\($0))" } ?? ""
            return .error(
                fr: "Durée de conservation sans point de départ\(data) : on ne peut pas dire quand les données doivent être supprimées.",
                en: "Retention period with no starting event\(data): nobody can tell when the data must be erased."
            )
        }
    }

    static let securityMeasures = Rule.activity(.art30_1_g_security, "Art. 30(1)(g), Art. 32(1)") { activity, _ in
        .error(
            if: activity.securityMeasures.isEmpty,
            fr: "Mesures de sécurité techniques et organisationnelles non décrites.",
            en: "The technical and organisational security measures are not described."
        )
    }

    static let processorKnown = Rule.activity(.art28_processor_unknown, "Art. 30(1)(d), Art. 28(1)") { activity, register in
        activity.processors.filter { register.organisation($0.processor) == nil }.map { engagement in
            .error(
                fr: "Le sous-traitant « \(engagement.processor) » (\(engagement.service)) n'est pas décrit dans le registre.",
                en: "The processor '\(engagement.processor)' (\(engagement.service)) is not described in the register."
            )
        }
    }
}
