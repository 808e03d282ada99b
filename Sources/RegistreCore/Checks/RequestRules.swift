import Foundation

/// Art. 12 and what the answer to a request must show: the clock of Art. 12(3), the reasons and remedies
/// of Art. 12(4), the demonstration of Art. 12(5), the doubt of Art. 12(6), the register's own gaps a
/// request reveals (Art. 15(1), Art. 30(1)), and the recipients of Art. 19.
enum RequestRules {
    static let all: [Rule] = [overdue, answerLate, extensionLate, refusalReasons, abuseReasoning, identityDoubt, unregistered, recipients]

    static let overdue = Rule.request(.art12_3_request_overdue, "Art. 12(3)") { request, register, now in
        guard let now else { return [] }
        let clock = RequestClock(request, in: register)
        guard clock.state(at: now) == .overdue, let due = clock.dueDay else { return [] }
        return [.error(
            fr: "La demande n'a pas reçu de réponse et le délai a expiré le \(due.iso).",
            en: "The request has not been answered and its time limit ran out on \(due.iso).")]
    }

    static let answerLate = Rule.request(.art12_3_answer_late, "Art. 12(3)") { request, register, _ in
        let clock = RequestClock(request, in: register)
        guard clock.answeredLate, let due = clock.dueDay, let sent = request.answer?.sent else { return [] }
        let extension_ = clock.extensionHolds ? LocalizedText(fr: "prolongation comprise", en: "extension included")
            : LocalizedText(fr: "sans prolongation valable", en: "without a valid extension")
        return [.error(
            fr: "Réponse envoyée le \(sent.iso), après le délai (\(due.iso), \(extension_.fr)).",
            en: "Answer sent on \(sent.iso), after the time limit (\(due.iso), \(extension_.en)).")]
    }

    static let extensionLate = Rule.request(.art12_3_extension_late, "Art. 12(3)") { request, register, _ in
        guard let extended = request.extended, let firstMonth = RequestClock(request, in: register).firstMonth else { return [] }
        var gaps: [Rule.Gap] = []
        if extended.decided > firstMonth {
            gaps.append(.error(
                fr: "Prolongation décidée le \(extended.decided.iso), après le premier mois (\(firstMonth.iso)) : elle ne vaut pas.",
                en: "Extension decided on \(extended.decided.iso), after the first month (\(firstMonth.iso)): it does not count."))
        }
        if let told = extended.personTold, told > firstMonth {
            gaps.append(.error(
                fr: "La personne a été informée de la prolongation le \(told.iso), après le premier mois (\(firstMonth.iso)).",
                en: "The person was told of the extension on \(told.iso), after the first month (\(firstMonth.iso))."))
        }
        return gaps
    }

    static let refusalReasons = Rule.request(.art12_4_refusal_reasons, "Art. 12(4)") { request, _, _ in
        guard let answer = request.answer, answer.withholds else { return [] }
        var gaps: [Rule.Gap] = []
        if answer.reason == nil {
            gaps.append(.error(
                fr: "Refus ou réponse partielle sans ses motifs.",
                en: "Refusal or partial answer without its reasons."))
        }
        if !answer.remediesGiven {
            gaps.append(.error(
                fr: "Refus ou réponse partielle sans l'information sur le droit de réclamation auprès de l'autorité de contrôle et de recours juridictionnel.",
                en: "Refusal or partial answer without the information on the right to complain to the supervisory authority and to seek a judicial remedy."))
        }
        return gaps
    }

    static let abuseReasoning = Rule.request(.art12_5_reasoning, "Art. 12(5)") { request, _, _ in
        guard let abuse = request.manifestAbuse, abuse.reasoning == nil else { return [] }
        let ground = abuse.ground == .unfounded
            ? LocalizedText(fr: "manifestement infondée", en: "manifestly unfounded")
            : LocalizedText(fr: "manifestement excessive", en: "manifestly excessive")
        return [.error(
            fr: "Demande tenue pour \(ground.fr) sans le raisonnement qui le démontre (la charge de la preuve incombe au responsable).",
            en: "Request held \(ground.en) without the reasoning that shows it (the controller bears the burden of demonstrating it).")]
    }

    static let identityDoubt = Rule.request(.art12_6_doubt, "Art. 12(6)") { request, _, _ in
        guard let identity = request.identity, identity.doubt == nil else { return [] }
        return [.warning(
            fr: "Informations d'identité demandées sans le doute raisonnable qui le justifie.",
            en: "Identity information asked for without the reasonable doubt that justifies it.")]
    }

    static let unregistered = Rule.request(.art15_1_unregistered_processing, "Art. 15(1), Art. 30(1)") { request, _, _ in
        request.unregisteredProcessing.map { processing in
            .error(
                fr: "La demande a révélé un traitement absent du registre : « \(processing) ». La réponse ne peut le décrire depuis le registre : l'inscrire.",
                en: "The request revealed processing the register lacks: '\(processing)'. The answer cannot describe it from the register: record it.")
        }
    }

    static let recipients = Rule.request(.art19_recipients, "Art. 19") { request, _, _ in
        guard request.notifiesRecipients, let answer = request.answer, answer.outcome != .refused, request.recipients == nil else { return [] }
        return [.warning(
            fr: "Rectification, effacement ou limitation accordé sans trace de l'information des destinataires (ou de l'absence de destinataire).",
            en: "Rectification, erasure or restriction granted with no record that the recipients were told (or that there were none).")]
    }
}
