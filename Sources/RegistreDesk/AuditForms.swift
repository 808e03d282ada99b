import RegistreCore
import RegistreReports

/// The audit request form (Art. 28(3)(h)): what `registre audit request` takes, decided by the same
/// library function (`AuditScheduling.request`), so that a start before the notice period has run is
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

    struct Refusal: Error {
        var errors: [String: LocalizedText]
    }

    /// The audit requested under `agreement`, or the fields refused.
    /// - Parameters:
    ///   - requesters: the controllers of the agreement whose register the account keeps.
    ///   - register: the whole register: an id it uses is refused (the store checks again when it saves).
    func audit(under agreement: DataProcessingAgreement, in register: Register, requesters: [EntityID]) -> Result<AuditRequest, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let requester = FormText.clean(requester)
        if !requesters.contains(requester) {
            errors["requester"] = LocalizedText(
                fr: "Demandeur : choisir un responsable du traitement de l'accord dans la liste.",
                en: "Requester: choose a controller of the agreement from the list.")
        }
        let notified = FormText.day(notified, field: "notified", label: LocalizedText(fr: "Sous-traitant prévenu le", en: "Processor told on"), errors: &errors, required: true)
        let start = FormText.day(start, field: "start", label: LocalizedText(fr: "Début de l'audit", en: "Start of the audit"), errors: &errors, required: true)
        let kickoff = FormText.day(kickoff, field: "kickoff", label: LocalizedText(fr: "Réunion de lancement", en: "Kickoff meeting"), errors: &errors)
        let closing = FormText.day(closing, field: "closing", label: LocalizedText(fr: "Réunion de restitution", en: "Closing meeting"), errors: &errors)
        guard errors.isEmpty, let notified, let start else { return .failure(Refusal(errors: errors)) }
        do throws(AuditScheduling.RequestRefusal) {
            return .success(try AuditScheduling.request(
                under: agreement, in: register, id: FormText.optional(id), requester: requester, notified: notified, start: start,
                scope: FormText.optional(scope), auditor: FormText.optional(auditor), kickoff: kickoff, closing: closing))
        } catch {
            switch error {
            case .tooEarly(let earliest):
                let notice = agreement.auditTerms?.noticePeriod.map(PeriodWords.describe)
                errors["start"] = LocalizedText(
                    fr: "Début de l'audit (art. 28(3)(h)) : l'accord « \(agreement.title) » impose un préavis de \(notice?.fr ?? "?") ; prévenu le \(notified.iso), le sous-traitant ne peut être audité qu'à partir du \(earliest.iso) (demandé : \(start.iso)).",
                    en: "Start of the audit (Art. 28(3)(h)): the agreement '\(agreement.title)' requires \(notice?.en ?? "?") of notice; told on \(notified.iso), the processor cannot be audited before \(earliest.iso) (requested: \(start.iso)).")
            case .obstacle(let obstacle):
                let why: LocalizedText =
                    switch obstacle {
                    case .beforeNotified: LocalizedText(fr: "il commencerait avant que le sous-traitant en soit informé", en: "it would start before the processor is told")
                    case .noticeTooShort(let notice): LocalizedText(fr: "l'accord impose un préavis de \(notice.explanation.fr)", en: "the agreement requires \(notice.explanation.en) of notice")
                    case .beyondCap(let previous, let cap):
                        LocalizedText(
                            fr: "l'accord limite la fréquence des audits (\(cap.explanation.fr)) et l'audit « \(previous.id) » a commencé le \(previous.plannedStart.iso)",
                            en: "the agreement caps how often audits are made (\(cap.explanation.en)) and the audit '\(previous.id)' started on \(previous.plannedStart.iso)")
                    }
                errors["start"] = LocalizedText(
                    fr: "Début de l'audit (art. 28(3)(h)) : \(why.fr) ; le sous-traitant ne peut être audité qu'à partir du \(obstacle.earliest.iso) (demandé : \(start.iso)).",
                    en: "Start of the audit (Art. 28(3)(h)): \(why.en); the processor cannot be audited before \(obstacle.earliest.iso) (requested: \(start.iso)).")
            case .notAController:
                errors["requester"] = LocalizedText(
                    fr: "Demandeur : choisir un responsable du traitement de l'accord dans la liste.",
                    en: "Requester: choose a controller of the agreement from the list.")
            case .unusableID(let unusable):
                errors["id"] = LocalizedText(
                    fr: "Identifiant : « \(unusable) » n'est pas un identifiant nouveau (lettres, chiffres, « . », « _ », « - »).",
                    en: "Identifier: '\(unusable)' is not a new identifier (letters, digits, '.', '_', '-').")
            }
        }
        return .failure(Refusal(errors: errors))
    }
}

/// The audit's follow-up form: the meetings the processor is invited to and the day the report was sent
/// to it (what `registre audit record` records). An emptied date is removed.
struct AuditRecordForm: Decodable {
    var kickoff: String?
    var closing: String?
    var reportShared: String?

    struct Refusal: Error {
        var errors: [String: LocalizedText]
    }

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
