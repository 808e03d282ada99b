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
    var dpiaCompleted: String?
    var dpiaReference: String?

    /// A refused form: for each field, what was expected.
    struct Refusal: Error {
        var errors: [String: LocalizedText]
        /// The activity as submitted, to show the form again with what was typed.
        var draft: ProcessingActivity
    }

    /// The activity this form makes of `original` (nil for a new one), or the fields it cannot accept.
    /// Repeated inputs left empty are dropped; the tables (`ActivityForm+Items`) are read row by row.
    func activity(
        editing original: ProcessingActivity?, in register: Register, policy: AccessPolicy, processors candidates: Set<EntityID> = [],
        jointControllers partners: Set<EntityID> = []
    ) -> Result<ProcessingActivity, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let name = Self.clean(name)
        if name.isEmpty {
            errors["name"] = LocalizedText(fr: "Nom du traitement : à renseigner.", en: "Name of the processing: required.")
        }
        let id = original?.id ?? Self.clean(id)
        if original == nil, !Register.isValidID(id) || register.allIDs.contains(id) {
            errors["id"] = LocalizedText(
                fr: "Identifiant : un identifiant nouveau est attendu (lettres, chiffres, « . », « _ », « - »).",
                en: "Identifier: a new identifier is expected (letters, digits, '.', '_', '-').")
        }
        let controller = Self.clean(controller).isEmpty ? (original?.controller ?? "") : Self.clean(controller)
        if register.organisation(controller) == nil || !policy.mayEdit(organisation: controller) {
            errors["controller"] = LocalizedText(
                fr: "Responsable du traitement (art. 30(1)(a)) : choisir un organisme de la liste.",
                en: "Controller (Art. 30(1)(a)): choose an organisation from the list.")
        }
        let status = ProcessingActivity.Status(rawValue: status ?? "") ?? original?.status ?? .draft
        var bases: [LegalBasis] = []
        for code in self.bases ?? [] {
            guard let basis = LawfulBasis(rawValue: code) else {
                errors["bases"] = LocalizedText(fr: "Base légale (art. 6(1)) inconnue : \(code).", en: "Unknown legal basis (Art. 6(1)): \(code).")
                continue
            }
            bases.append(original?.legalBases.first { $0.basis == basis } ?? LegalBasis(basis))
        }
        var recipients: [Recipient] = []
        for (index, label) in (self.recipients ?? []).enumerated() where !Self.clean(label).isEmpty {
            let code = recipientKinds.flatMap { index < $0.count ? $0[index] : nil } ?? Recipient.Kind.internal.rawValue
            guard let kind = Recipient.Kind(rawValue: code) else {
                errors["recipients"] = LocalizedText(fr: "Type de destinataire inconnu : \(code).", en: "Unknown kind of recipient: \(code).")
                continue
            }
            recipients.append(Recipient(Self.clean(label), kind: kind))
        }
        var measures: [SecurityMeasure] = []
        for (index, text) in (security ?? []).enumerated() where !Self.clean(text).isEmpty {
            let code = securityKinds.flatMap { index < $0.count ? $0[index] : nil } ?? SecurityMeasure.Kind.other.rawValue
            guard let kind = SecurityMeasure.Kind(rawValue: code) else {
                errors["security"] = LocalizedText(fr: "Type de mesure inconnu : \(code).", en: "Unknown kind of measure: \(code).")
                continue
            }
            measures.append(SecurityMeasure(kind, Self.clean(text)))
        }
        var activity = original ?? ProcessingActivity(id: id, name: name, status: status, controller: controller)
        activity.name = name
        activity.controller = controller
        activity.status = status
        activity.application = Self.clean(application).isEmpty ? nil : Self.clean(application)
        activity.purposes = Self.items(purposes)
        activity.legalBases = bases
        activity.dataSubjects = Self.items(dataSubjects).map { label in original?.dataSubjects.first { $0.label == label } ?? Category(label) }
        activity.dataCategories = Self.items(dataCategories).map { label in original?.dataCategories.first { $0.label == label } ?? Category(label) }
        activity.recipients = recipients
        activity.retention = durations(original: original?.retention ?? [], errors: &errors)
            + Self.items(retention).map { RetentionPeriod(rule: .criterion($0)) }
        activity.securityMeasures = measures
        activity.transfers = transfers(original: original?.transfers ?? [], errors: &errors)
        activity.specialCategories = specialCategories(original: original?.specialCategories ?? [], errors: &errors)
        activity.criminalOffenceData = criminalOffence(original: original?.criminalOffenceData)
        activity.processors = processors(original: original?.processors ?? [], candidates: candidates, errors: &errors)
        activity.jointControllers = jointControllers(original: original?.jointControllers ?? [], candidates: partners, errors: &errors)
        activity.impactAssessment = impactAssessment(original: original?.impactAssessment, errors: &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: activity)) }
        return .success(activity)
    }

    private static func clean(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func items(_ values: [String]?) -> [String] {
        (values ?? []).map { clean($0) }.filter { !$0.isEmpty }
    }
}
