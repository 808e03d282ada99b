/// Art. 28(2) and (4): sub-processors engaged as the agreement allows, outside the EEA only with a
/// safeguard, and changes applied only once the controllers could object.
enum SubProcessorRules {
    static let all: [Rule] = [safeguard, unnotifiedEngagement, changeBeforeDeadline, changeDespiteObjection]

    static let safeguard = Rule.agreement("ART44-SUB-PROCESSOR-SAFEGUARD", "Art. 28(4), Art. 44, Art. 46") { agreement, register in
        agreement.subProcessors.filter { $0.processesOutsideTheEEA && $0.safeguard == nil }.map { sub in
            let name = register.organisation(sub.organisation)?.name ?? sub.organisation
            let countries = sub.countries.filter { !EuropeanEconomicArea.contains($0) }.joined(separator: ", ")
            return .error(
                fr: "Le sous-traitant ultérieur « \(name) » traite les données hors de l'EEE (\(countries)) sans garantie du chapitre V.",
                en: "The sub-processor '\(name)' processes the data outside the EEA (\(countries)) with no Chapter V safeguard.")
        }
    }

    static let unnotifiedEngagement = Rule.agreement("ART28-2-NO-NOTICE", "Art. 28(2)") { agreement, register in
        guard agreement.subProcessorAuthorisation?.kind == .general else { return [] }
        let notices = Set(agreement.changeNotices.map(\.id))
        return agreement.subProcessors.compactMap { sub in
            let name = register.organisation(sub.organisation)?.name ?? sub.organisation
            if let notice = sub.changeNotice {
                guard !notices.contains(notice) else { return nil }
                return .error(
                    fr: "Le sous-traitant ultérieur « \(name) » renvoie à une notification de changement « \(notice) » qui n'est pas enregistrée.",
                    en: "The sub-processor '\(name)' refers to a change notice '\(notice)' that is not recorded.")
            }
            // Named by the agreement itself unless engaged after it was signed.
            guard let since = sub.authorisedSince, let signed = agreement.signed, since > signed else { return nil }
            return .error(
                fr: "Le sous-traitant ultérieur « \(name) » est recruté depuis le \(since.iso), après la signature, sans notification enregistrée au responsable.",
                en: "The sub-processor '\(name)' has been engaged since \(since.iso), after signature, with no notice to the controller recorded.")
        }
    }

    static let changeBeforeDeadline = Rule.agreement("ART28-2-CHANGE-BEFORE-DEADLINE", "Art. 28(2)") { agreement, register in
        agreement.changeNotices.compactMap { change in
            guard let applied = change.applied,
                  let window = agreement.reading(.objectionWindow, from: change.noticeDate, in: register)
            else { return nil }
            let deadline = window.day
            guard applied <= deadline else { return nil }
            return .error(
                fr: "Le changement « \(change.id) » a été appliqué le \(applied.iso), avant la fin du délai d'opposition (\(deadline.iso) ; \(window.explanation.fr)).",
                en: "The change '\(change.id)' was applied on \(applied.iso), before the objection period ended (\(deadline.iso); \(window.explanation.en)).")
        }
    }

    static let changeDespiteObjection = Rule.agreement("ART28-2-APPLIED-DESPITE-OBJECTION", "Art. 28(2)") { agreement, _ in
        agreement.changeNotices.filter { $0.outcome == .objected && $0.applied != nil }.map { change in
            .error(
                fr: "Le changement « \(change.id) » a été appliqué malgré l'opposition du responsable.",
                en: "The change '\(change.id)' was applied although the controller objected.")
        }
    }
}
