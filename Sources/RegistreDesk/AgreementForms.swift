import Foundation
import RegistreCore
import RegistreService

/// "Nouvel accord de sous-traitance" (Art. 28(3)): the controller, the processor (one the register holds,
/// or a new organisation: a catering company, a software vendor), and what Art. 28(3) asks the contract
/// to set out — subject matter, nature, purposes, types of data, categories of data subjects. The act is
/// `AgreementActs.create`, which writes the processor and the agreement in one transaction.
struct NewAgreementForm: Decodable {
    var controller: String?
    var title: String?
    var signed: String?
    var processor: String?
    var processorName: String?
    var processorCountry: String?
    var processorAddress: String?
    var processorEmail: String?
    var subjectMatter: String?
    var nature: String?
    var purposes: String?
    var dataTypes: String?
    var dataSubjects: String?

    typealias Refusal = FormRefusal<NoDraft>

    /// The value of the processor choice that asks for a new organisation.
    static let newProcessor = "new"

    /// The agreement and its processor, or the fields refused; `controllers` are those the account may
    /// record agreements for, `processors` those it may name.
    func agreement(controllers: Set<EntityID>, processors: Set<EntityID>) -> Result<(DataProcessingAgreement, AgreementActs.ProcessorChoice), Refusal> {
        var errors: [String: LocalizedText] = [:]
        let controller = FormText.clean(controller)
        if !controllers.contains(controller) {
            errors["controller"] = LocalizedText(
                fr: "Responsable du traitement : choisir un organisme de la liste.", en: "Controller: choose an organisation from the list.")
        }
        let title = FormText.clean(title)
        if title.isEmpty { errors["title"] = LocalizedText(fr: "Intitulé de l'accord : à renseigner.", en: "Title of the agreement: required.") }
        let signed = FormText.day(signed, field: "signed", label: LocalizedText(fr: "Signé le", en: "Signed on"), errors: &errors)
        let choice = processorChoice(processors, &errors)
        guard errors.isEmpty, let choice else { return .failure(Refusal(errors: errors)) }
        let agreement = DataProcessingAgreement(
            id: "", title: title, controllers: [controller], processor: "", signed: signed,
            subjectMatter: FormText.optional(subjectMatter), nature: FormText.optional(nature),
            purposes: Self.lines(purposes), dataTypes: Self.lines(dataTypes), dataSubjects: Self.lines(dataSubjects))
        return .success((agreement, choice))
    }

    private func processorChoice(_ processors: Set<EntityID>, _ errors: inout [String: LocalizedText]) -> AgreementActs.ProcessorChoice? {
        let chosen = FormText.clean(processor)
        guard chosen == Self.newProcessor else {
            guard processors.contains(chosen) else {
                errors["processor"] = LocalizedText(
                    fr: "Sous-traitant : choisir dans la liste, ou « nouveau sous-traitant » et son nom.",
                    en: "Processor: choose from the list, or 'new processor' and its name.")
                return nil
            }
            return .existing(chosen)
        }
        guard let name = FormText.optional(processorName) else {
            errors["processorName"] = LocalizedText(fr: "Nom du nouveau sous-traitant : à renseigner.", en: "Name of the new processor: required.")
            return nil
        }
        var organisation = Organisation(id: "", name: name)
        organisation.country = FormText.optional(processorCountry)?.uppercased()
        organisation.address = FormText.optional(processorAddress)
        organisation.email = FormText.optional(processorEmail)
        return .new(organisation)
    }

    /// One item a line (a text area), empty lines left out.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { FormText.clean(String($0)) }.filter { !$0.isEmpty }
    }
}

/// "Conditions de l'accord": the terms a deadline is counted from — sub-processor authorisation (Art.
/// 28(2)) with its notice and objection periods, the audit terms (Art. 28(3)(h)) with their notice and
/// grounds, the calendar the contract counts in, and each term as the contract states it (its period,
/// its counting, its clause). Applied to the agreement as stored; what the form does not show (clauses,
/// sub-processors, change notices, a term's exceptions) stays.
struct AgreementTermsForm: Decodable {
    var calendar: String?
    var authorisation: String?
    var authorisationNotice: String?
    var authorisationObjection: String?
    var auditNotice: String?
    var auditAccess: String?
    var auditInvited: String?
    var auditReports: String?
    var termKind: [String]?
    var termPeriod: [String]?
    var termCounting: [String]?
    var termClause: [String]?

    typealias Refusal = FormRefusal<DataProcessingAgreement?>

    func agreement(updating original: DataProcessingAgreement) -> Result<DataProcessingAgreement, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var agreement = original
        agreement.calendar = Shown.same(calendar, original.calendar) ? original.calendar : FormText.optional(calendar)?.uppercased()
        agreement.subProcessorAuthorisation = authorisationTerms(original.subProcessorAuthorisation, &errors)
        agreement.auditTerms = auditTerms(original.auditTerms, &errors)
        agreement.terms = contractTerms(original.terms, &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: agreement)) }
        return .success(agreement)
    }

    private func authorisationTerms(_ stored: SubProcessorAuthorisation?, _ errors: inout [String: LocalizedText]) -> SubProcessorAuthorisation? {
        let kind = FormText.clean(authorisation)
        let notice = Self.period(authorisationNotice, "authorisationNotice", &errors)
        let objection = Self.period(authorisationObjection, "authorisationObjection", &errors)
        guard !kind.isEmpty else {
            if notice != nil || objection != nil {
                errors["authorisation"] = LocalizedText(
                    fr: "Autorisation des sous-traitants ultérieurs (art. 28(2)) : les délais vont avec une autorisation ; la choisir aussi.",
                    en: "Sub-processor authorisation (Art. 28(2)): the periods go with an authorisation; choose it too.")
            }
            return nil
        }
        guard let kind = SubProcessorAuthorisation.Kind(rawValue: kind) else {
            errors["authorisation"] = LocalizedText(fr: "Autorisation (art. 28(2)) : choisir dans la liste.", en: "Authorisation (Art. 28(2)): choose from the list.")
            return stored
        }
        return SubProcessorAuthorisation(kind, noticePeriod: notice, objectionPeriod: objection)
    }

    private func auditTerms(_ stored: AuditTerms?, _ errors: inout [String: LocalizedText]) -> AuditTerms? {
        let notice = Self.period(auditNotice, "auditNotice", &errors)
        let accessCode = FormText.clean(auditAccess)
        let access = AuditTerms.Access(rawValue: accessCode)
        if !accessCode.isEmpty, access == nil {
            errors["auditAccess"] = LocalizedText(fr: "Motifs de l'audit : choisir dans la liste.", en: "Audit grounds: choose from the list.")
        }
        let terms = AuditTerms(noticePeriod: notice, processorInvitedToMeetings: auditInvited == "on", reportsShared: auditReports == "on", access: access)
        // Audit terms that state nothing but are recorded stay recorded when sent back as shown.
        if let stored, stored == terms { return stored }
        return terms == AuditTerms() ? nil : terms
    }

    /// The terms' rows, in the order shown (with the empty ones `MoreRows` adds, ignored while empty): a row sent back as shown keeps
    /// the stored term exactly (its exceptions, its counting left unstated); an emptied row drops the term.
    private func contractTerms(_ stored: [ContractTerm], _ errors: inout [String: LocalizedText]) -> [ContractTerm] {
        let kinds = termKind ?? []
        return Shown.rows(posted: kinds.count, stored: stored) { index, row -> ContractTerm? in
            let kind = FormText.clean(kinds[index]), period = FormText.clean(ActivityForm.Rows.raw(termPeriod, index))
            let counting = FormText.clean(ActivityForm.Rows.raw(termCounting, index)), clause = ActivityForm.Rows.raw(termClause, index)
            if let row, kind == row.kind.rawValue, period == AgreementTermsView.shorthand(row.period),
               counting == AgreementTermsView.countingShown(row), Shown.same(clause, row.clause) { return row }
            guard !kind.isEmpty || !period.isEmpty else { return nil }
            guard let termKind = ContractTerm.Kind(rawValue: kind) else {
                errors["terms"] = LocalizedText(fr: "Terme \(index + 1) : choisir ce qu'il régit.", en: "Term \(index + 1): choose what it governs.")
                return row
            }
            guard let length = DeadlinePeriod(shorthand: period) else {
                errors["terms"] = Self.periodError("Terme \(index + 1)", "Term \(index + 1)", period)
                return row
            }
            let stated = TermCounting(rawValue: counting)
            if !counting.isEmpty, stated == nil {
                errors["terms"] = LocalizedText(fr: "Terme \(index + 1) : décompte à choisir dans la liste.", en: "Term \(index + 1): counting to choose from the list.")
            }
            return ContractTerm(termKind, period: length, stated: stated, clause: Shown.optional(clause, stored: row?.clause), exceptions: row?.exceptions ?? [])
        }
    }

    /// A period as the command line writes it (`30d`, `10wd`, `2m`), or nil when empty.
    private static func period(_ text: String?, _ field: String, _ errors: inout [String: LocalizedText]) -> DeadlinePeriod? {
        let text = FormText.clean(text)
        guard !text.isEmpty else { return nil }
        guard let period = DeadlinePeriod(shorthand: text) else {
            errors[field] = periodError("Délai", "Period", text)
            return nil
        }
        return period
    }

    private static func periodError(_ fr: String, _ en: String, _ text: String) -> LocalizedText {
        LocalizedText(
            fr: "\(fr) : une durée est attendue, par exemple 30d (jours), 10wd (jours ouvrés), 2w, 3m, 1y (reçu : « \(text) »).",
            en: "\(en): a period is expected, for example 30d (days), 10wd (working days), 2w, 3m, 1y (received: '\(text)').")
    }
}
