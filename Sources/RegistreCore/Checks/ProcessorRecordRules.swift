/// The items of Art. 30(2) that each entry of a processor's record must state.
enum ProcessorRecordRules {
    static let all: [Rule] = [
        partiesKnown, processorContact, controllerContact, dataProtectionOfficer, processingCategories,
        transferSafeguard, transferDocumentation, securityMeasures,
    ]

    static let partiesKnown = Rule.processorRecord(.art30_2_a_party_unknown, "Art. 30(2)(a)") { record, register in
        [record.processor, record.controller].filter { register.organisation($0) == nil }.map { id in
            .error(
                fr: "L'organisme « \(id) » n'est pas décrit dans le registre : son nom et ses coordonnées manquent.",
                en: "The organisation '\(id)' is not described in the register: its name and contact details are missing."
            )
        }
    }

    static let processorContact = Rule.processorRecord(.art30_2_a_processor_contact, "Art. 30(2)(a)") { record, register in
        guard let processor = register.organisation(record.processor) else { return [] }
        return .error(
            if: !processor.hasContactDetails,
            fr: "Coordonnées du sous-traitant « \(processor.name) » non renseignées.",
            en: "No contact details for the processor '\(processor.name)'."
        )
    }

    static let controllerContact = Rule.processorRecord(.art30_2_a_controller_contact, "Art. 30(2)(a)") { record, register in
        guard let controller = register.organisation(record.controller) else { return [] }
        return .error(
            if: !controller.hasContactDetails,
            fr: "Coordonnées du responsable du traitement « \(controller.name) » pour le compte duquel le sous-traitant agit non renseignées.",
            en: "No contact details for the controller '\(controller.name)' on whose behalf the processor acts."
        )
    }

    static let dataProtectionOfficer = Rule.processorRecord(.art30_2_a_dpo, "Art. 30(2)(a), Art. 37(1)(a)") { record, register in
        guard let processor = register.organisation(record.processor) else { return [] }
        if let dpo = processor.dpo, dpo.isReachable { return [] }
        let fr = "Délégué à la protection des données du sous-traitant « \(processor.name) » non renseigné ou sans coordonnées."
        let en = "No data protection officer, or none that can be reached, recorded for the processor '\(processor.name)'."
        return [processor.isPublicBody ? .error(fr: fr, en: en) : .warning(fr: fr, en: en)]
    }

    static let processingCategories = Rule.processorRecord(.art30_2_b_categories, "Art. 30(2)(b)") { record, _ in
        .error(
            if: record.processingCategories.isEmpty,
            fr: "Catégories de traitements effectués pour le compte du responsable non renseignées.",
            en: "The categories of processing carried out on behalf of the controller are not recorded."
        )
    }

    static let transferSafeguard = Rule.processorRecord(.art30_2_c_transfer_safeguard, "Art. 30(2)(c), Art. 44") { record, register in
        TransferRules.unsafeguarded(record.transfers, under: register.regime(of: record.controller))
    }

    static let transferDocumentation = Rule.processorRecord(.art30_2_c_transfer_documentation, "Art. 30(2)(c), Art. 49(1)") { record, _ in
        TransferRules.undocumented(record.transfers)
    }

    static let securityMeasures = Rule.processorRecord(.art30_2_d_security, "Art. 30(2)(d), Art. 32(1)") { record, _ in
        .error(
            if: record.securityMeasures.isEmpty,
            fr: "Mesures de sécurité techniques et organisationnelles du sous-traitant non décrites.",
            en: "The processor's technical and organisational security measures are not described."
        )
    }
}
