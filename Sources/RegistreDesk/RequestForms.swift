import Foundation
import RegistreCore

/// The fields of a request's form that cannot be accepted, each at its field: nothing was written.
struct RequestFormRefusal: Error {
    var errors: [String: LocalizedText]
}

/// "Enregistrer une demande": what `registre request open` takes (the controller, the day received, the
/// rights, the person's reference, the channel and the service).
struct RequestOpeningForm: Decodable {
    var controller: String?
    var received: String?
    var rights: [String]?
    var person: String?
    var channel: String?
    var service: String?

    /// The request as received (its id settled by `RequestActs.open`), or the fields refused.
    func request() -> Result<DataSubjectRequest, RequestFormRefusal> {
        var errors: [String: LocalizedText] = [:]
        let controller = FormText.clean(controller)
        if controller.isEmpty { errors["controller"] = RequestWords.texts["chooseController"] }
        let day = FormText.day(received, field: "received", label: RequestWords.texts["received"] ?? LocalizedText(fr: "", en: ""), errors: &errors, required: true)
        let codes = (rights ?? []).map(FormText.clean).filter { !$0.isEmpty }
        let chosen = codes.compactMap(DataSubjectRight.init(rawValue:))
        if chosen.isEmpty || chosen.count != codes.count { errors["rights"] = RequestWords.texts["chooseRight"] }
        let channelCode = FormText.clean(channel)
        let channel = channelCode.isEmpty ? RequestReceipt.Channel.email : RequestReceipt.Channel(rawValue: channelCode)
        if channel == nil { errors["channel"] = RequestWords.texts["chooseChannel"] }
        guard errors.isEmpty, let day, let channel else { return .failure(RequestFormRefusal(errors: errors)) }
        return .success(DataSubjectRequest(
            id: "request", controller: controller, person: FormText.clean(person),
            receipt: RequestReceipt(day: day, channel: channel, service: FormText.optional(service)), rights: chosen))
    }
}

/// The request page's form "Suivi": what `registre request update` records of the identity verification
/// (Art. 12(6)) and of the recipients told (Art. 19), with the person's reference; only these fields.
struct RequestUpdateForm: Decodable {
    var person: String?
    var identityAsked: String?
    var identityReceived: String?
    var doubt: String?
    var recipients: String?
    var recipientsOn: String?

    /// Changes `request`'s fields this form shows, as typed.
    /// - Throws: ``RequestFormRefusal`` for a field that cannot be read.
    func apply(to request: inout DataSubjectRequest, today: CalendarDate) throws {
        var errors: [String: LocalizedText] = [:]
        let person = FormText.clean(person)
        if !person.isEmpty { request.person = person }
        let asked = FormText.day(identityAsked, field: "identityAsked", label: RequestWords.texts["identityAsked"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        let received = FormText.day(identityReceived, field: "identityReceived", label: RequestWords.texts["identityReceived"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        let doubt = FormText.optional(doubt)
        if let asked {
            request.identity = IdentityVerification(asked: asked, received: received, doubt: doubt)
        } else if received != nil || doubt != nil {
            errors["identityAsked"] = RequestWords.texts["identityFirst"]
        } else {
            request.identity = nil
        }
        let kindCode = FormText.clean(recipients)
        let day = FormText.day(recipientsOn, field: "recipientsOn", label: RequestWords.texts["recipientsOn"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        if kindCode.isEmpty {
            request.recipients = nil
        } else if let kind = RecipientNotification.Kind(rawValue: kindCode) {
            request.recipients = RecipientNotification(kind: kind, day: day ?? today)
        } else {
            errors["recipients"] = RequestWords.texts["chooseFromList"]
        }
        guard errors.isEmpty else { throw RequestFormRefusal(errors: errors) }
    }
}

/// The request page's form "Prolonger" (Art. 12(3)): what `registre request extend` records.
struct RequestExtensionForm: Decodable {
    var reason: String?
    var decided: String?
    var told: String?

    /// Records the extension of `request` as typed; only the extension changes.
    /// - Throws: ``RequestFormRefusal`` without a reason, or for a day that cannot be read.
    func apply(to request: inout DataSubjectRequest, today: CalendarDate) throws {
        var errors: [String: LocalizedText] = [:]
        let reason = FormText.clean(reason)
        if reason.isEmpty { errors["reason"] = RequestWords.texts["extensionReasonNeeded"] }
        let decided = FormText.day(decided, field: "decided", label: RequestWords.texts["extensionDecided"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        let told = FormText.day(told, field: "told", label: RequestWords.texts["extensionTold"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        guard errors.isEmpty else { throw RequestFormRefusal(errors: errors) }
        request.extended = RequestExtension(decided: decided ?? today, reason: reason, personTold: told)
    }
}

/// The request page's form "Réponse": what `registre request answer` records (Art. 12(3) and 12(4)).
struct RequestAnswerForm: Decodable {
    var outcome: String?
    var sent: String?
    var reason: String?
    var exception: String?
    var remediesGiven: String?

    /// Records the answer of `request` as typed; only the answer changes.
    /// - Throws: ``RequestFormRefusal`` without an outcome from the list, or for a day that cannot be read.
    func apply(to request: inout DataSubjectRequest, today: CalendarDate) throws {
        var errors: [String: LocalizedText] = [:]
        let outcome = RequestAnswer.Outcome(rawValue: FormText.clean(outcome))
        if outcome == nil { errors["outcome"] = RequestWords.texts["chooseFromList"] }
        let sent = FormText.day(sent, field: "sent", label: RequestWords.texts["answerSent"] ?? LocalizedText(fr: "", en: ""), errors: &errors)
        guard errors.isEmpty, let outcome else { throw RequestFormRefusal(errors: errors) }
        request.answer = RequestAnswer(
            sent: sent ?? today, outcome: outcome, reason: FormText.optional(reason), exception: FormText.optional(exception),
            remediesGiven: FormText.clean(remediesGiven) == "yes")
    }
}

/// The words of the request pages, in French and English.
enum RequestWords {
    static let texts: [String: LocalizedText] = [
        "requests": LocalizedText(fr: "Demandes", en: "Requests"),
        "request": LocalizedText(fr: "Demande", en: "Request"),
        "openRequest": LocalizedText(fr: "Enregistrer une demande", en: "Record a request"),
        "reference": LocalizedText(fr: "Référence de la personne", en: "Person's reference"),
        "referenceHint": LocalizedText(fr: "un numéro de dossier, jamais un nom", en: "a file number, never a name"),
        "controller": LocalizedText(fr: "Responsable du traitement", en: "Controller"),
        "received": LocalizedText(fr: "Reçue le", en: "Received on"),
        "channel": LocalizedText(fr: "Canal", en: "Channel"),
        "service": LocalizedText(fr: "Service qui l'a reçue", en: "Service that received it"),
        "rights": LocalizedText(fr: "Droits exercés", en: "Rights invoked"),
        "activities": LocalizedText(fr: "Traitements concernés", en: "Activities concerned"),
        "clock": LocalizedText(fr: "Délai (art. 12(3))", en: "Clock (Art. 12(3))"),
        "state": LocalizedText(fr: "État", en: "State"),
        "due": LocalizedText(fr: "Dernier jour", en: "Last day"),
        "firstMonth": LocalizedText(fr: "Fin du premier mois", en: "End of the first month"),
        "suspendedDays": LocalizedText(fr: "Jours suspendus (vérification d'identité)", en: "Days suspended (identity verification)"),
        "findings": LocalizedText(fr: "Constats", en: "Findings"),
        "noFinding": LocalizedText(fr: "Aucun constat.", en: "No finding."),
        "follow": LocalizedText(fr: "Suivi", en: "Follow-up"),
        "identityAsked": LocalizedText(fr: "Informations d'identité demandées le (art. 12(6))", en: "Identity information asked on (Art. 12(6))"),
        "identityReceived": LocalizedText(fr: "Informations d'identité reçues le", en: "Identity information received on"),
        "doubt": LocalizedText(fr: "Doute raisonnable sur l'identité", en: "Reasonable doubt about the identity"),
        "recipients": LocalizedText(fr: "Destinataires informés (art. 19)", en: "Recipients told (Art. 19)"),
        "recipientsOn": LocalizedText(fr: "Le", en: "On"),
        "notRecorded": LocalizedText(fr: "non renseigné", en: "not recorded"),
        "extend": LocalizedText(fr: "Prolonger de deux mois (art. 12(3))", en: "Extend by two months (Art. 12(3))"),
        "extensionReason": LocalizedText(fr: "Motif (complexité, nombre de demandes)", en: "Reason (complexity, number of requests)"),
        "extensionDecided": LocalizedText(fr: "Décidée le", en: "Decided on"),
        "extensionTold": LocalizedText(fr: "Personne informée le", en: "Person told on"),
        "answer": LocalizedText(fr: "Réponse", en: "Answer"),
        "answerSent": LocalizedText(fr: "Envoyée le", en: "Sent on"),
        "outcome": LocalizedText(fr: "Issue", en: "Outcome"),
        "answerReason": LocalizedText(fr: "Motif du refus ou de la réponse partielle", en: "Why not granted in full"),
        "answerException": LocalizedText(fr: "Exception invoquée", en: "Exception relied on"),
        "remediesGiven": LocalizedText(
            fr: "La réponse indique la réclamation auprès de l'autorité de contrôle et le recours juridictionnel (art. 12(4))",
            en: "The answer told of the complaint to the supervisory authority and the judicial remedy (Art. 12(4))"),
        "abuse": LocalizedText(fr: "Demande manifestement infondée ou excessive (art. 12(5))", en: "Manifestly unfounded or excessive (Art. 12(5))"),
        "save": LocalizedText(fr: "Enregistrer", en: "Save"),
        "all": LocalizedText(fr: "Tous", en: "All"),
        "filter": LocalizedText(fr: "Filtrer", en: "Filter"),
        "search": LocalizedText(fr: "Rechercher", en: "Search"),
        "formErrors": LocalizedText(fr: "Rien n'est enregistré :", en: "Nothing was saved:"),
        "chooseController": LocalizedText(
            fr: "Responsable du traitement : choisir un organisme dont vous tenez le registre.",
            en: "Controller: choose an organisation whose register you keep."),
        "chooseRight": LocalizedText(fr: "Droits exercés : cocher au moins un droit de la liste.", en: "Rights invoked: tick at least one right of the list."),
        "chooseChannel": LocalizedText(fr: "Canal : choisir dans la liste.", en: "Channel: choose from the list."),
        "chooseFromList": LocalizedText(fr: "Choisir dans la liste.", en: "Choose from the list."),
        "identityFirst": LocalizedText(
            fr: "Informations d'identité : la date de la demande d'informations va avant leur réception et le doute.",
            en: "Identity information: the day it was asked for comes before its receipt and the doubt."),
        "extensionReasonNeeded": LocalizedText(
            fr: "Motif : la prolongation se motive auprès de la personne (art. 12(3)).",
            en: "Reason: the person is told the reasons of the extension (Art. 12(3))."),
    ]

    /// The word `key` in `language` (the key itself when unknown).
    static func text(_ key: String, _ language: Language) -> String { texts[key]?[language] ?? key }

    /// Every word, for a page's view.
    static func table(_ language: Language) -> [String: String] { texts.mapValues { $0[language] } }

    static func channel(_ channel: RequestReceipt.Channel) -> LocalizedText {
        switch channel {
        case .letter: LocalizedText(fr: "courrier", en: "letter")
        case .email: LocalizedText(fr: "courriel", en: "e-mail")
        case .form: LocalizedText(fr: "formulaire", en: "form")
        case .inPerson: LocalizedText(fr: "en personne", en: "in person")
        }
    }

    static func recipients(_ kind: RecipientNotification.Kind) -> LocalizedText {
        switch kind {
        case .told: LocalizedText(fr: "informés", en: "told")
        case .noRecipient: LocalizedText(fr: "aucun destinataire", en: "no recipient")
        case .impossible: LocalizedText(fr: "impossible ou effort disproportionné", en: "impossible or disproportionate effort")
        }
    }

    static func outcome(_ outcome: RequestAnswer.Outcome) -> LocalizedText {
        switch outcome {
        case .granted: LocalizedText(fr: "accordée", en: "granted")
        case .partly: LocalizedText(fr: "accordée en partie", en: "partly granted")
        case .refused: LocalizedText(fr: "refusée", en: "refused")
        }
    }
}
