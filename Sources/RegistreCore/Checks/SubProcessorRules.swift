/// Art. 28(2) and (4): sub-processors engaged as the agreement allows, outside the EEA only with a
/// safeguard, and changes applied only once the controllers could object.
enum SubProcessorRules {
    static let all: [Rule] = [
        safeguard, unnotifiedEngagement, usedBeforeDisclosure, advanceNotice, changeBeforeDeadline, changeDespiteObjection,
    ]

    static let safeguard = Rule.agreement(.art44_sub_processor_safeguard, "Art. 28(4), Art. 44, Art. 46") { agreement, register in
        // Judged from each controller's own law; one finding per sub-processor and regime.
        let regimes = DataProtectionRegime.allCases.filter { regime in agreement.controllers.contains { register.regime(of: $0) == regime } }
        return agreement.subProcessors.filter { $0.safeguard == nil }.flatMap { sub in
            regimes.compactMap { regime -> Rule.Gap? in
                let countries = sub.countries.filter(regime.isThirdCountry)
                guard !countries.isEmpty else { return nil }
                let name = register.organisation(sub.organisation)?.name ?? sub.organisation
                return .error(
                    fr: "Le sous-traitant ultérieur « \(name) » traite les données hors de \(regime.territory.fr) (\(countries.joined(separator: ", "))) sans garantie du chapitre V.",
                    en: "The sub-processor '\(name)' processes the data outside \(regime.territory.en) (\(countries.joined(separator: ", "))) with no Chapter V safeguard.")
            }
        }
    }

    static let unnotifiedEngagement = Rule.agreement(.art28_2_no_notice, "Art. 28(2)") { agreement, register in
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

    static let changeBeforeDeadline = Rule.agreement(.art28_2_change_before_deadline, "Art. 28(2)") { agreement, register in
        agreement.changeNotices.compactMap { change in
            guard let applied = agreement.effectiveDate(of: change), applied >= change.noticeDate,
                  // The processor's conduct: every statement of the window must have closed.
                  let window = agreement.reading(.objectionWindow, from: change.noticeDate, in: register, strictFor: .processor)
            else { return nil }
            let deadline = window.day
            guard applied <= deadline else { return nil }
            // Art. 28(2) gives the controller the opportunity to object: an express "no objection" given
            // before the change was applied ends the window early.
            if change.outcome == .accepted, let decided = change.decided, decided <= applied { return nil }
            return .error(
                fr: "Le changement « \(change.id) » a été appliqué le \(applied.iso), avant la fin du délai d'opposition (\(deadline.iso) ; \(window.explanation.fr)).",
                en: "The change '\(change.id)' was applied on \(applied.iso), before the objection period ended (\(deadline.iso); \(window.explanation.en)).")
        }
    }

    /// A sub-processor used before the controllers were told at all: not a late objection window but no
    /// notice (issue 14: eighteen months of use before the change notice).
    static let usedBeforeDisclosure = Rule.agreement(.art28_2_used_before_disclosure, "Art. 28(2)") { agreement, register in
        agreement.changeNotices.compactMap { change in
            guard let effective = agreement.effectiveDate(of: change), effective < change.noticeDate else { return nil }
            let name = register.organisation(change.subProcessor)?.name ?? change.subProcessor
            return .error(
                fr: "Le sous-traitant ultérieur « \(name) » est utilisé depuis le \(effective.iso), avant d'avoir été notifié au responsable (changement « \(change.id) », notifié le \(change.noticeDate.iso)).",
                en: "The sub-processor '\(name)' has been used since \(effective.iso), before it was disclosed to the controller (change '\(change.id)', notified on \(change.noticeDate.iso)).")
        }
    }

    /// The advance notice the contract promises: the change takes effect no sooner than that after notice.
    static let advanceNotice = Rule.agreement(.art28_2_change_notice_too_short, "Art. 28(2)") { agreement, register in
        agreement.changeNotices.compactMap { change in
            guard let effective = agreement.effectiveDate(of: change), effective >= change.noticeDate,
                  let notice = agreement.reading(.changeNotice, from: change.noticeDate, in: register),
                  effective < notice.day
            else { return nil }
            return .error(
                fr: "Le changement « \(change.id) », notifié le \(change.noticeDate.iso), a pris effet le \(effective.iso), avant la fin du délai de prévenance promis par l'accord (\(notice.explanation.fr)) : pas avant le \(notice.day.iso).",
                en: "The change '\(change.id)', notified on \(change.noticeDate.iso), took effect on \(effective.iso), before the advance notice the agreement promises had run (\(notice.explanation.en)): not before \(notice.day.iso).")
        }
    }

    static let changeDespiteObjection = Rule.agreement(.art28_2_applied_despite_objection, "Art. 28(2)") { agreement, _ in
        agreement.changeNotices.filter { $0.outcome == .objected && $0.applied != nil }.map { change in
            .error(
                fr: "Le changement « \(change.id) » a été appliqué malgré l'opposition du responsable.",
                en: "The change '\(change.id)' was applied although the controller objected.")
        }
    }
}
