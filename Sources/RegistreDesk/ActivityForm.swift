import Foundation
import RegistreCore

/// What the activity form sends: every Art. 30(1) item the desk edits, repeatable items as repeated
/// inputs (`purposes[]`), and what a submitted form means for the activity it edits.
struct ActivityForm: Decodable {
    var id: String?
    var name: String?
    var controller: String?
    var status: String?
    var application: String?
    var purposes: [String]?
    var bases: [String]?
    var dataSubjects: [String]?
    var dataCategories: [String]?
    var recipients: [String]?
    var recipientKinds: [String]?
    var retention: [String]?
    var security: [String]?
    var securityKinds: [String]?
    var transferRecipients: [String]?
    var transferDestinations: [String]?
    var transferSafeguards: [String]?
    var retentionData: [String]?
    var retentionValues: [String]?
    var retentionUnits: [String]?
    var retentionFrom: [String]?
    /// Sent with the special categories' boxes: without it, none ticked and not shown cannot be told apart.
    var specialCategoriesShown: String?
    var specialCategories: [String]?
    /// One a special category, in the order of `SpecialCategory.allCases`.
    var specialConditions: [String]?
    var criminalOffence: String?
    var criminalOffenceGround: String?
    var processorIDs: [String]?
    var processorServices: [String]?
    var jointControllersShown: String?
    var jointControllers: [String]?
    var dpiaStatus: String?
    /// Sent with the DPIA's criteria boxes: without it (a form that does not show them) the criteria stay as stored.
    var dpiaCriteriaShown: String?
    var dpiaCriteria: [String]?
    var dpiaCompleted: String?
    var dpiaReference: String?
    /// The table whose "save and add 3 rows" button sent the form (`ActivityPage.tables`): saved as any
    /// save, then shown with three more empty rows there.
    var more: String?

    /// A refused form: for each field, what was expected.
    typealias Refusal = FormRefusal<ProcessingActivity>

    /// The activity this form makes of `original` (nil for a new one), or the fields it cannot accept.
    ///
    /// `original` is the activity as stored, read inside the write transaction: a value sent back as the
    /// page showed it is kept exactly as stored (`Shown`), rows edit the stored rows in their order and
    /// keep what the form does not show; repeated inputs left empty are dropped; the tables
    /// (`ActivityForm+Items`) are read row by row.
    func activity(
        editing original: ProcessingActivity?, in register: Register, policy: AccessPolicy, processors candidates: Set<EntityID> = [],
        jointControllers partners: Set<EntityID> = []
    ) -> Result<ProcessingActivity, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let name = Shown.text(self.name, stored: original?.name ?? "")
        if Self.clean(name).isEmpty {
            errors["name"] = LocalizedText(fr: "Nom du traitement : à renseigner.", en: "Name of the processing: required.")
        }
        let id = original?.id ?? Self.clean(id)
        if original == nil, !Register.isValidID(id) || register.allIDs.contains(id) {
            errors["id"] = LocalizedText(
                fr: "Identifiant : un identifiant nouveau est attendu (lettres, chiffres, « . », « _ », « - »).",
                en: "Identifier: a new identifier is expected (letters, digits, '.', '_', '-').")
        }
        let controller = Self.clean(controller).isEmpty ? (original?.controller ?? "") : Self.clean(controller)
        if controller != original?.controller, register.organisation(controller) == nil || !policy.mayEdit(organisation: controller) {
            errors["controller"] = LocalizedText(
                fr: "Responsable du traitement (art. 30(1)(a)) : choisir un organisme de la liste.",
                en: "Controller (Art. 30(1)(a)): choose an organisation from the list.")
        }
        let status = ProcessingActivity.Status(rawValue: status ?? "") ?? original?.status ?? .draft
        var activity = original ?? ProcessingActivity(id: id, name: name, status: status, controller: controller)
        activity.name = name
        activity.controller = controller
        activity.status = status
        activity.application = Shown.optional(application, stored: original?.application)
        activity.purposes = Shown.labels(purposes, stored: original?.purposes ?? [], area: true)
        activity.legalBases = legalBases(original: original?.legalBases ?? [], errors: &errors)
        activity.dataSubjects = Self.categories(dataSubjects, stored: original?.dataSubjects ?? [])
        activity.dataCategories = Self.categories(dataCategories, stored: original?.dataCategories ?? [])
        activity.recipients = recipients(original: original?.recipients ?? [], errors: &errors)
        activity.retention = retentionPeriods(original: original?.retention ?? [], errors: &errors)
        activity.securityMeasures = Self.securityMeasures(security, kinds: securityKinds, original: original?.securityMeasures ?? [], errors: &errors)
        activity.transfers = transfers(original: original?.transfers ?? [], errors: &errors)
        activity.specialCategories = specialCategories(original: original?.specialCategories ?? [], errors: &errors)
        activity.criminalOffenceData = criminalOffence(original: original?.criminalOffenceData)
        activity.processors = processors(original: original?.processors ?? [], candidates: candidates, errors: &errors)
        activity.jointControllers = jointControllers(original: original?.jointControllers ?? [], candidates: partners, errors: &errors)
        activity.impactAssessment = impactAssessment(original: original?.impactAssessment, errors: &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: activity)) }
        return .success(activity)
    }

    /// The legal bases ticked (Art. 6(1)): the stored ones still ticked keep their order and reference.
    private func legalBases(original: [LegalBasis], errors: inout [String: LocalizedText]) -> [LegalBasis] {
        // Boxes left unticked send nothing: no `bases[]` is no basis ticked.
        var unknown: [String] = []
        let chosen = Shown.ticked(bases ?? [], stored: original, key: { $0.basis.rawValue }) { code in
            guard let basis = LawfulBasis(rawValue: code) else {
                unknown.append(code)
                return nil
            }
            return LegalBasis(basis)
        }
        if let code = unknown.first {
            errors["bases"] = LocalizedText(fr: "Base légale (art. 6(1)) inconnue : \(code).", en: "Unknown legal basis (Art. 6(1)): \(code).")
        }
        return chosen
    }

    /// Categories by label, row by row: a label sent back as shown keeps its stored code.
    private static func categories(_ posted: [String]?, stored: [Category]) -> [Category] {
        guard let posted else { return stored }
        return Shown.rows(posted: posted.count, stored: stored) { index, row in
            if let row, Shown.same(posted[index], row.label) { return row }
            guard let label = FormText.optional(posted[index]) else { return nil }
            return Category(label, code: row?.code)
        }
    }

    /// Recipients row by row (label and kind).
    private func recipients(original: [Recipient], errors: inout [String: LocalizedText]) -> [Recipient] {
        guard let labels = self.recipients else { return original }
        var refused: String?
        let rows = Shown.rows(posted: labels.count, stored: original) { index, row -> Recipient? in
            let code = Rows.value(recipientKinds, index)
            if let row, Shown.same(labels[index], row.label), code == row.kind.rawValue { return row }
            guard let label = FormText.optional(labels[index]) else { return nil }
            guard let kind = code.isEmpty ? Recipient.Kind.internal : Recipient.Kind(rawValue: code) else {
                refused = code
                return nil
            }
            // The agreement a processor's row names is not on the form: the row keeps it while it stays a processor.
            return Recipient(label, kind: kind, agreement: kind == .processor ? row?.agreement : nil)
        }
        if let code = refused {
            errors["recipients"] = LocalizedText(fr: "Type de destinataire inconnu : \(code).", en: "Unknown kind of recipient: \(code).")
        }
        return rows
    }

    /// Security measures row by row (kind and description), for an activity or a processor's record.
    static func securityMeasures(
        _ texts: [String]?, kinds: [String]?, original: [SecurityMeasure], errors: inout [String: LocalizedText]
    ) -> [SecurityMeasure] {
        guard let texts else { return original }
        var refused: String?
        let rows = Shown.rows(posted: texts.count, stored: original) { index, row -> SecurityMeasure? in
            let code = Rows.value(kinds, index)
            if let row, Shown.same(texts[index], row.description, area: true), code == row.kind.rawValue { return row }
            guard let text = FormText.optional(texts[index]) else { return nil }
            guard let kind = code.isEmpty ? SecurityMeasure.Kind.other : SecurityMeasure.Kind(rawValue: code) else {
                refused = code
                return nil
            }
            return SecurityMeasure(kind, text)
        }
        if let code = refused {
            errors["security"] = LocalizedText(fr: "Type de mesure inconnu : \(code).", en: "Unknown kind of measure: \(code).")
        }
        return rows
    }

    private static func clean(_ text: String?) -> String {
        FormText.clean(text)
    }

    private static func items(_ values: [String]?) -> [String] {
        (values ?? []).map { clean($0) }.filter { !$0.isEmpty }
    }
}
