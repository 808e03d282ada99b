import Foundation
import RegistreCore

/// The fields of a request's form that cannot be accepted, each at its field: nothing was written.
struct RequestFormRefusal: Error {
    var errors: [String: LocalizedText]
}

/// "Enregistrer une demande": what `registre request open` takes (the controller, the day received, the
/// rights, the activities concerned, the person's reference, the channel, the service and the id).
struct RequestOpeningForm: Decodable {
    var controller: String?
    var received: String?
    var rights: [String]?
    var activities: String?
    var person: String?
    var channel: String?
    var service: String?
    var id: String?

    /// The id typed, if any: `RequestActs.open` checks it inside its transaction; none gives
    /// `request-YYYYMMDD-N`.
    var chosenID: EntityID? { FormText.optional(id) }

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
        var activities: [EntityID] = []
        switch RequestFollowUpForm.activityIDs(self.activities ?? "") {
        case .success(let ids): activities = ids
        case .failure(let refusal): errors.merge(refusal.errors) { first, _ in first }
        }
        guard errors.isEmpty, let day, let channel else { return .failure(RequestFormRefusal(errors: errors)) }
        return .success(DataSubjectRequest(
            id: "request", controller: controller, person: FormText.clean(person),
            receipt: RequestReceipt(day: day, channel: channel, service: FormText.optional(service)), rights: chosen, activities: activities))
    }
}

/// The request page's form "Prolonger" (Art. 12(3)): what `registre request extend` records.
struct RequestExtensionForm: Decodable {
    var reason: String?
    var decided: String?
    var told: String?

    /// Records the extension of `request` as typed; only the extension changes. A day the form did not
    /// send stays as stored (the day decided: the day of the act for a new extension).
    /// - Throws: ``RequestFormRefusal`` without a reason, or for a day that cannot be read.
    func apply(to request: inout DataSubjectRequest, today: CalendarDate) throws {
        var errors: [String: LocalizedText] = [:]
        let stored = request.extended
        let reason = self.reason.map { Shown.text($0, stored: stored?.reason ?? "") } ?? stored?.reason ?? ""
        if reason.isEmpty { errors["reason"] = RequestWords.texts["extensionReasonNeeded"] }
        let decided = self.decided.map { FormText.day($0, field: "decided", label: RequestWords.texts["extensionDecided"] ?? LocalizedText(fr: "", en: ""), errors: &errors) }
            ?? stored?.decided
        let told = self.told.map { FormText.day($0, field: "told", label: RequestWords.texts["extensionTold"] ?? LocalizedText(fr: "", en: ""), errors: &errors) }
            ?? stored?.personTold
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
        let stored = request.answer
        request.answer = RequestAnswer(
            sent: sent ?? today, outcome: outcome, reason: Shown.optional(reason, stored: stored?.reason),
            exception: Shown.optional(exception, stored: stored?.exception), remediesGiven: FormText.clean(remediesGiven) == "yes")
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
        "abuseNone": LocalizedText(fr: "non", en: "no"),
        "abuseReasoning": LocalizedText(
            fr: "Ce qui le démontre (la charge de la preuve incombe au responsable, art. 12(5))",
            en: "What shows it (the controller bears the burden of demonstrating it, Art. 12(5))"),
        "abuseGroundFirst": LocalizedText(
            fr: "Art. 12(5) : choisir « infondée » ou « excessive » avant d'en donner la démonstration.",
            en: "Art. 12(5): choose 'unfounded' or 'excessive' before giving what shows it."),
        "receipt": LocalizedText(fr: "Réception", en: "Receipt"),
        "serviceHint": LocalizedText(fr: "vide : reçue par le DPO", en: "empty: received through the DPO"),
        "activitiesHint": LocalizedText(
            fr: "identifiants des traitements du registre, un par ligne ; la réponse d'accès en reprend les finalités, destinataires et durées (art. 15(1))",
            en: "ids of the register's activities, one a line; the access answer takes their purposes, recipients and retention from them (Art. 15(1))"),
        "activityIDs": LocalizedText(fr: "Identifiants des traitements du registre", en: "Ids of the register's activities"),
        "unregistered": LocalizedText(
            fr: "Traitements révélés que le registre ne liste pas (un par ligne, art. 30(1))",
            en: "Processing revealed that the register does not list (one a line, Art. 30(1))"),
        "identity": LocalizedText(fr: "Vérification d'identité (art. 12(6))", en: "Identity verification (Art. 12(6))"),
        "retention": LocalizedText(fr: "Conservation de la fiche après la réponse", en: "Record kept after the answer"),
        "retentionHint": LocalizedText(
            fr: "vide : 5 ans (prescription de droit commun, Code civil, art. 2224)",
            en: "empty: 5 years (general limitation period, French Civil Code, art. 2224)"),
        "retentionValue": LocalizedText(fr: "Durée", en: "Length"),
        "retentionUnit": LocalizedText(fr: "Unité", en: "Unit"),
        "retentionExpected": LocalizedText(
            fr: "Conservation : un nombre entier positif de jours, semaines, mois ou années est attendu.",
            en: "Record kept: a whole positive number of days, weeks, months or years is expected."),
        "chosenID": LocalizedText(fr: "Identifiant (facultatif)", en: "Identifier (optional)"),
        "chosenIDHint": LocalizedText(fr: "vide : request-AAAAMMJJ-N", en: "empty: request-YYYYMMDD-N"),
        "right": LocalizedText(fr: "Droit", en: "Right"),
        "stateOpen": LocalizedText(fr: "ouvertes (sans réponse)", en: "open (not answered)"),
        "stateAnswered": LocalizedText(fr: "répondues", en: "answered"),
        "counts": LocalizedText(fr: "Nombre de demandes par état", en: "Number of requests by state"),
        "countsOnly": LocalizedText(
            fr: "Les demandes nomment des personnes : un compte lecteur en voit le nombre, pas le contenu.",
            en: "Requests name people: a reader account sees how many there are, not what they say."),
        "count": LocalizedText(fr: "Demandes", en: "Requests"),
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

    static func ground(_ ground: ManifestAbuse.Ground) -> LocalizedText {
        switch ground {
        case .unfounded: LocalizedText(fr: "manifestement infondée", en: "manifestly unfounded")
        case .excessive: LocalizedText(fr: "manifestement excessive (notamment par son caractère répétitif)", en: "manifestly excessive (in particular repetitive)")
        }
    }

    static func unit(_ unit: PeriodLength.Unit) -> LocalizedText {
        switch unit {
        case .hours: LocalizedText(fr: "heures", en: "hours")
        case .days: LocalizedText(fr: "jours", en: "days")
        case .weeks: LocalizedText(fr: "semaines", en: "weeks")
        case .months: LocalizedText(fr: "mois", en: "months")
        case .years: LocalizedText(fr: "années", en: "years")
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
