/// The processors an activity names, weighed against the agreements and the processors' records: every
/// processor bound by a contract (Art. 28(3)), every location outside the EEA recorded as a transfer with
/// its safeguard (Art. 30(1)(e), Art. 44–46), and one list of sub-processors on both sides (Art. 28(2),
/// (4), Art. 30(2)). The agreements come after the activities in the format: these rules run across
/// entries.
enum ProcessorCoverageRules {
    static let all: [Rule] = [agreementCovers, transfersRecorded, subProcessorListsAgree]

    static let agreementCovers = Rule.activityAcrossEntries(.art28_3_no_agreement, "Art. 28(3)") { activity, register, _ in
        // An unknown controller is ART30-1-A-CONTROLLER-UNKNOWN's.
        guard let controller = register.organisation(activity.controller)?.name else { return [] }
        return unboundEngagements(activity, register, controller) + unboundRecipients(activity, register, controller)
    }

    /// Processors the activity engages by organisation, bound by no agreement.
    static func unboundEngagements(_ activity: ProcessingActivity, _ register: Register, _ controller: String) -> [Rule.Gap] {
        activity.processors.compactMap { engagement in
            // An agreement named in the activity is recorded, even when the register does not hold it as an
            // entry; an unknown processor is ART28-PROCESSOR-UNKNOWN's.
            guard engagement.agreement == nil, let processor = register.organisation(engagement.processor),
                  !register.hasContract(binding: processor.id, for: activity.controller)
            else { return nil }
            return .error(
                fr: "Le sous-traitant « \(processor.name) » (\(engagement.service)) n'est lié à « \(controller) » par aucun accord de sous-traitance du registre, et la fiche n'en cite aucun : un contrat ou un autre acte juridique est obligatoire (art. 28(3)).",
                en: "The processor '\(processor.name)' (\(engagement.service)) is bound to '\(controller)' by no data-processing agreement of the register, and the activity names none: a contract or other legal act is required (Art. 28(3)).")
        }
    }

    /// Recipients recorded as processors ("Sous-traitants" in the CNIL's model) by a label only: bound when
    /// the recipient names its agreement, or names a processor the activity engages (whose agreement the
    /// rule above weighs: "ANCT, équipe RDV Service Public" is the ANCT); otherwise nothing in the register
    /// binds them.
    static func unboundRecipients(_ activity: ProcessingActivity, _ register: Register, _ controller: String) -> [Rule.Gap] {
        let engaged = activity.processors.compactMap { register.organisation($0.processor) }
        return activity.recipients.filter { recipient in
            guard recipient.kind == .processor, recipient.agreement == nil else { return false }
            let label = FoldedText(folding: recipient.label)
            return !engaged.contains { processor in names(processor).contains { label.hasPhrase($0) } }
        }.map { recipient in
            .error(
                fr: "Le destinataire « \(recipient.label) », enregistré comme sous-traitant, n'est lié à « \(controller) » par aucun accord de sous-traitance du registre : un contrat ou un autre acte juridique est obligatoire (art. 28(3)). Indiquez l'accord (attribut agreement du destinataire) ou engagez le sous-traitant dans la fiche.",
                en: "The recipient '\(recipient.label)', recorded as a processor, is bound to '\(controller)' by no data-processing agreement of the register: a contract or other legal act is required (Art. 28(3)). Name the agreement (the recipient's agreement attribute) or engage the processor in the activity.")
        }
    }

    /// The words a label may call an organisation by: its name, its id, and the acronym its name gives in
    /// parentheses ("Agence nationale de la cohésion des territoires (ANCT)"), folded.
    static func names(_ organisation: Organisation) -> [String] {
        var names = [organisation.name, organisation.id]
        if let open = organisation.name.lastIndex(of: "("), let close = organisation.name.lastIndex(of: ")"), open < close {
            names.append(String(organisation.name[organisation.name.index(after: open)..<close]))
        }
        return names.map { FoldedText(folding: $0).text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let transfersRecorded = Rule.activityAcrossEntries(
        .art44_processor_transfer_unrecorded, "Art. 30(1)(e), Art. 44, Art. 46"
    ) { activity, register, _ in
        let recorded = Set(activity.transfers.compactMap { transfer -> String? in
            if case .country(let code) = transfer.destination { code } else { nil }
        })
        // One finding per party and country: a safeguarded sub-processor in a country must not hide
        // another one there without any.
        var seen: Set<[String]> = []
        var gaps: [Rule.Gap] = []
        // Judged from the controller's own law: a British council's processor in Great Britain is no transfer.
        let regime = register.regime(of: activity.controller)
        let outside = regime.territory
        func location(_ country: String, of party: EntityID, role: LocalizedText, safeguard: Transfer.Safeguard?) {
            guard regime.isThirdCountry(country), !recorded.contains(country), seen.insert([party, country]).inserted else { return }
            let name = register.organisation(party)?.name ?? party
            let place = LocalizedText(fr: CountryCode.name(country, in: .fr), en: CountryCode.name(country, in: .en))
            if let safeguard {
                gaps.append(.warning(
                    fr: "Le \(role.fr) « \(name) » traite les données hors de \(outside.fr) (\(place.fr)) ; l'accord prévoit une garantie (\(safeguard.article)), mais la fiche ne mentionne pas ce transfert.",
                    en: "The \(role.en) '\(name)' processes the data outside \(outside.en) (\(place.en)); the agreement provides a safeguard (\(safeguard.article)), but the activity does not record this transfer."))
            } else {
                gaps.append(.error(
                    fr: "Le \(role.fr) « \(name) » traite les données hors de \(outside.fr) (\(place.fr)), et la fiche n'enregistre ni ce transfert ni sa garantie du chapitre V.",
                    en: "The \(role.en) '\(name)' processes the data outside \(outside.en) (\(place.en)), and the activity records neither this transfer nor its Chapter V safeguard."))
            }
        }
        for engagement in activity.processors {
            let agreements = register.agreements(binding: engagement.processor, for: activity.controller)
            if let country = register.organisation(engagement.processor)?.country {
                // The safeguard the agreement's transfer terms provide (SCCs signed with the processor).
                let safeguard = agreements.lazy.compactMap { $0.transferTerms?.mechanisms.first }.first
                location(country, of: engagement.processor, role: LocalizedText(fr: "sous-traitant", en: "processor"), safeguard: safeguard)
            }
            for agreement in agreements {
                for sub in agreement.subProcessors {
                    for country in sub.countries {
                        location(country, of: sub.organisation, role: LocalizedText(fr: "sous-traitant ultérieur", en: "sub-processor"), safeguard: sub.safeguard)
                    }
                }
            }
        }
        return gaps
    }

    static let subProcessorListsAgree = Rule.processorRecordAcrossEntries(
        .art28_4_sub_processor_lists, "Art. 28(2), Art. 28(4), Art. 30(2)"
    ) { record, register in
        // A record that names no sub-processor says nothing either way; one that names some must name the
        // agreement's.
        let agreements = register.agreements(binding: record.processor, for: record.controller)
        guard !agreements.isEmpty, !record.subProcessors.isEmpty else { return [] }
        let inAgreements = agreements.flatMap(\.subProcessors).map(\.organisation)
        let inRecord = record.subProcessors.map(\.processor)
        let titles = agreements.map(\.title).joined(separator: " ; ")
        func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }
        let unauthorised: [Rule.Gap] = unique(inRecord.filter { !inAgreements.contains($0) }).map { id in
            .error(
                fr: "Le registre du sous-traitant cite « \(name(id)) » comme sous-traitant ultérieur, que l'accord (\(titles)) ne mentionne pas : recrutement sans autorisation enregistrée.",
                en: "The processor's record names '\(name(id))' as a sub-processor that the agreement (\(titles)) does not list: engaged with no recorded authorisation.")
        }
        let unrecorded: [Rule.Gap] = unique(inAgreements.filter { !inRecord.contains($0) }).map { id in
            .warning(
                fr: "L'accord (\(titles)) cite « \(name(id)) » comme sous-traitant ultérieur, que le registre du sous-traitant ne mentionne pas.",
                en: "The agreement (\(titles)) lists '\(name(id))' as a sub-processor that the processor's record does not name.")
        }
        return unauthorised + unrecorded
    }

    /// The ids in their first order, each once.
    private static func unique(_ ids: [EntityID]) -> [EntityID] {
        var seen: Set<EntityID> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
