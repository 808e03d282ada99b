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

    /// A refused form: for each field, what was expected.
    struct Refusal: Error {
        var errors: [String: LocalizedText]
        /// The activity as submitted, to show the form again with what was typed.
        var draft: ProcessingActivity
    }

    /// The activity this form makes of `original` (nil for a new one), or the fields it cannot accept.
    /// Repeated inputs left empty are dropped; items the form does not edit (transfers, special categories,
    /// DPIA, processors, retention periods given as durations) are kept as they were.
    func activity(editing original: ProcessingActivity?, in register: Register, policy: AccessPolicy) -> Result<ProcessingActivity, Refusal> {
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
        let durations = (original?.retention ?? []).filter { if case .duration = $0.rule { true } else { false } }
        activity.retention = durations + Self.items(retention).map { RetentionPeriod(rule: .criterion($0)) }
        activity.securityMeasures = measures
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
