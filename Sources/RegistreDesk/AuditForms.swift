import RegistreCore
import RegistreReports
import RegistreService

/// The audit request form (Art. 28(3)(h)): what `registre audit request` takes, decided by the same
/// act (`AuditActs.request`), so that a start before the notice period has run is
/// refused here as there, naming the first day allowed.
struct AuditRequestForm: Decodable {
    var id: String?
    var requester: String?
    var notified: String?
    var start: String?
    var scope: String?
    var auditor: String?
    var kickoff: String?
    var closing: String?

    typealias Refusal = FormRefusal<NoDraft>

    /// The request the form makes under `agreement`, or the fields refused; the agreement's terms are
    /// applied by the act (`AuditActs.request`, the same as `registre audit request`) inside its transaction.
    /// - Parameter requesters: the controllers of the agreement whose register the account keeps.
    func request(under agreement: DataProcessingAgreement, requesters: [EntityID]) -> Result<AuditActs.Request, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let requester = FormText.clean(requester)
        if !requesters.contains(requester) { errors["requester"] = Self.chooseRequester }
        let notified = FormText.day(notified, field: "notified", label: LocalizedText(fr: "Sous-traitant prévenu le", en: "Processor told on"), errors: &errors, required: true)
        let start = FormText.day(start, field: "start", label: LocalizedText(fr: "Début de l'audit", en: "Start of the audit"), errors: &errors, required: true)
        let kickoff = FormText.day(kickoff, field: "kickoff", label: LocalizedText(fr: "Réunion de lancement", en: "Kickoff meeting"), errors: &errors)
        let closing = FormText.day(closing, field: "closing", label: LocalizedText(fr: "Réunion de restitution", en: "Closing meeting"), errors: &errors)
        guard errors.isEmpty, let notified, let start else { return .failure(Refusal(errors: errors)) }
        return .success(AuditActs.Request(
            agreement: agreement.id, start: start, notified: notified, id: FormText.optional(id), requester: requester,
            scope: FormText.optional(scope), auditor: FormText.optional(auditor), kickoff: kickoff, closing: closing))
    }

    /// What the act refused, at the field it concerns.
    static func errors(for refused: AuditActs.Refused) -> [String: LocalizedText] {
        let agreement = refused.agreement
        switch refused.reason {
        case .tooEarly(let earliest):
            let notice = agreement.auditTerms?.noticePeriod.map(PeriodWords.describe)
            return ["start": LocalizedText(
                fr: "Début de l'audit (art. 28(3)(h)) : l'accord « \(agreement.title) » impose un préavis de \(notice?.fr ?? "?") ; prévenu le \(refused.notified.iso), le sous-traitant ne peut être audité qu'à partir du \(earliest.iso) (demandé : \(refused.start.iso)).",
                en: "Start of the audit (Art. 28(3)(h)): the agreement '\(agreement.title)' requires \(notice?.en ?? "?") of notice; told on \(refused.notified.iso), the processor cannot be audited before \(earliest.iso) (requested: \(refused.start.iso)).")]
        case .obstacle(let obstacle):
            return ["start": obstacle.refusal(under: agreement, notified: refused.notified, start: refused.start)]
        case .notAController:
            return ["requester": chooseRequester]
        case .unusableID(let unusable):
            return ["id": LocalizedText(
                fr: "Identifiant : « \(unusable) » n'est pas un identifiant nouveau (lettres, chiffres, « . », « _ », « - »).",
                en: "Identifier: '\(unusable)' is not a new identifier (letters, digits, '.', '_', '-').")]
        }
    }

    private static let chooseRequester = LocalizedText(
        fr: "Demandeur : choisir un responsable du traitement de l'accord dans la liste.",
        en: "Requester: choose a controller of the agreement from the list.")
}

/// The audit's follow-up form: the meetings the processor is invited to and the day the report was sent
/// to it (what `registre audit record` records). An emptied date is removed.
struct AuditRecordForm: Decodable {
    var kickoff: String?
    var closing: String?
    var reportShared: String?

    typealias Refusal = FormRefusal<NoDraft>

    func audit(updating original: AuditRequest) -> Result<AuditRequest, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var audit = original
        audit.kickoffMeeting = FormText.day(kickoff, field: "kickoff", label: LocalizedText(fr: "Réunion de lancement", en: "Kickoff meeting"), errors: &errors)
        audit.closingMeeting = FormText.day(closing, field: "closing", label: LocalizedText(fr: "Réunion de restitution", en: "Closing meeting"), errors: &errors)
        audit.reportShared = FormText.day(reportShared, field: "reportShared", label: LocalizedText(fr: "Rapport transmis le", en: "Report sent on"), errors: &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors)) }
        return .success(audit)
    }
}
