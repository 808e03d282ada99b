import Foundation

/// Arts 33 and 34: the breach register, the 72 hours, the content of a notification, the
/// communication to the data subjects.
enum BreachRules {
    static let all: [Rule] = BreachTimelineRules.all + [overdue, lateWithoutReasons, processorLate, content, notAssessed, communication, factsContradict]
        + CommunicationExceptionRules.all

    static let overdue = Rule.breach(.art33_1_overdue, "Art. 33(1)") { breach, register, now in
        guard let now, BreachDecision(breach, in: register, now: now).clock == .overdue else { return [] }
        let deadline = Instant.utc(BreachDecision(breach, in: register, now: now).deadline)
        return [.error(
            fr: "La violation n'a pas été notifiée à l'autorité de contrôle alors que le délai de 72 heures a expiré (\(deadline)).",
            en: "The breach has not been notified to the supervisory authority and the 72 hours have run out (\(deadline)).")]
    }

    static let lateWithoutReasons = Rule.breach(.art33_1_late_without_reasons, "Art. 33(1)") { breach, register, _ in
        let decision = BreachDecision(breach, in: register, now: breach.aware)
        guard decision.clock == .notifiedLate, breach.delayReasons == nil else { return [] }
        return [.error(
            fr: "Notification faite après le délai de 72 heures sans les motifs du retard.",
            en: "Notified after the 72 hours without the reasons for the delay.")]
    }

    static let processorLate = Rule.breach(.art33_2_processor_late, "Art. 33(2)") { breach, register, _ in
        guard let id = breach.agreement, let agreement = register.agreement(id),
              let detected = breach.detected, let told = breach.processorNotifiedController
        else { return [] }
        // The stricter statement for the processor: the earliest end.
        let calculator = agreement.calculator(for: .breachNotification, in: register)
        let limits = agreement.statements(of: .breachNotification).map { term in (term, calculator.end(of: term, after: detected)) }
        guard let (limit, due) = limits.min(by: { $0.1 < $1.1 }), told > due else { return [] }
        let period = limits.count > 1 ? limit.citation : PeriodWords.describe(limit.period)
        return [.warning(
            fr: "Le sous-traitant a informé le responsable après le délai fixé par l'accord (\(period.fr) après la détection).",
            en: "The processor told the controller after the time limit of the agreement (\(period.en) after detection).")]
    }

    static let content = Rule.breach(.art33_3_content, "Art. 33(3), Art. 33(4)") { breach, _, _ in
        guard !breach.notifications.isEmpty, !breach.notifications.contains(where: \.complete) else { return [] }
        let missing = breach.missingNotificationItems
        guard !missing.isEmpty else { return [] }
        let items = missing.map(\.article).joined(separator: ", ")
        return [.warning(
            fr: "Notification à compléter (art. 33(4)) : il manque \(items).",
            en: "Notification to be completed (Art. 33(4)): \(items) still missing.")]
    }

    static let notAssessed = Rule.breach(.art33_5_not_assessed, "Art. 33(1), Art. 33(5)") { breach, _, _ in
        guard breach.assessment == nil else { return [] }
        return [.warning(
            fr: "Le risque de la violation n'est pas évalué : on ne peut pas dire s'il faut la notifier.",
            en: "The breach's risk is not assessed: whether it must be notified cannot be said.")]
    }

    static let communication = Rule.breach(.art34_1_communication, "Art. 34(1), Art. 34(3)") { breach, register, _ in
        let decision = BreachDecision(breach, in: register, now: breach.aware)
        guard decision.level == .high, breach.communication?.at == nil, breach.communication?.exception == nil else { return [] }
        return [.error(
            fr: "Risque élevé : la violation doit être communiquée aux personnes concernées, ou l'exception de l'article 34(3) invoquée.",
            en: "High risk: the breach must be communicated to the data subjects, or an Art. 34(3) exception recorded.")]
    }

    static let factsContradict = Rule.breach(.breach_facts_contradict, "Art. 33(1), Art. 33(5)") { breach, _, _ in
        FactContradiction.all(in: breach).map { contradiction in
            Rule.Gap(severity: .error, message: LocalizedText(
                fr: "Faits contradictoires : \(contradiction.words.fr). Corriger l'un des deux.",
                en: "Contradictory facts: \(contradiction.words.en). Correct one of them."))
        }
    }
}
