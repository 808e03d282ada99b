import Foundation
import RegistreCore

/// The breach page's form: the Art. 33(3) content of the notification, recorded as it becomes known —
/// (a) nature, categories and approximate numbers of data subjects and records, (b) the contact point,
/// (c) the likely consequences, (d) the measures taken or proposed.
struct BreachNotificationForm: Decodable {
    var description: String?
    var dataSubjectCategories: [String]?
    var approximateSubjects: String?
    var dataCategories: [String]?
    var approximateRecords: String?
    var contactName: String?
    var contactEmail: String?
    var contactPhone: String?
    var likelyConsequences: String?
    var measures: [String]?

    typealias Refusal = FormRefusal<Breach>

    func breach(updating original: Breach) -> Result<Breach, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var breach = original
        // Applied to the breach as stored: a value sent back as shown stays exactly as stored (`Shown`), the
        // lists edit the stored items in their order.
        breach.description = Shown.optional(description, stored: original.description, area: true)
        breach.dataSubjectCategories = Shown.labels(dataSubjectCategories ?? [], stored: original.dataSubjectCategories)
        breach.dataCategories = Shown.labels(dataCategories ?? [], stored: original.dataCategories)
        breach.likelyConsequences = Shown.optional(likelyConsequences, stored: original.likelyConsequences, area: true)
        breach.measures = Shown.labels(measures ?? [], stored: original.measures, area: true)
        // Art. 33(3)(a) asks for approximate numbers: "120", "about 120", "100-150", "unknown" (or in French).
        func count(_ text: String?, stored: Count?, _ field: String, _ what: LocalizedText) -> Count? {
            // Shown back as the form showed it, in either language: unchanged, so the stored count stays.
            if Shown.same(text, stored?.description) || Shown.same(text, BreachCountInput.shown(stored, .fr))
                || Shown.same(text, BreachCountInput.shown(stored, .en)) { return stored }
            guard let text = Self.text(text) else { return nil }
            do {
                return try Count(parsing: text)
            } catch {
                errors[field] = LocalizedText(
                    fr: "\(what.fr) (art. 33(3)(a)) : un nombre est attendu (120, environ 120, 100-150, inconnu) — \(error).",
                    en: "\(what.en) (Art. 33(3)(a)): a number is expected (120, about 120, 100-150, unknown) — \(error).")
                return nil
            }
        }
        breach.subjects = count(
            approximateSubjects, stored: original.subjects, "approximateSubjects",
            LocalizedText(fr: "Nombre approximatif de personnes", en: "Approximate number of data subjects"))
        breach.records = count(
            approximateRecords, stored: original.records, "approximateRecords",
            LocalizedText(fr: "Nombre approximatif d'enregistrements", en: "Approximate number of records"))
        let stored = original.contact
        if Shown.same(contactName, stored?.name), Shown.same(contactEmail, stored?.email), Shown.same(contactPhone, stored?.phone) {
            breach.contact = stored
        } else if Self.text(contactName) != nil {
            // The contact's role and address are not on the form: they stay.
            var contact = stored ?? Contact(name: "")
            contact.name = Shown.text(contactName, stored: stored?.name ?? "")
            contact.email = Shown.optional(contactEmail, stored: stored?.email)
            contact.phone = Shown.optional(contactPhone, stored: stored?.phone)
            breach.contact = contact
        } else if Self.text(contactEmail) != nil || Self.text(contactPhone) != nil {
            errors["contactName"] = LocalizedText(
                fr: "Point de contact (art. 33(3)(b)) : le nom est attendu avec les coordonnées.",
                en: "Contact point (Art. 33(3)(b)): a name is expected with the contact details.")
        } else {
            breach.contact = nil
        }
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: breach)) }
        return .success(breach)
    }

    private static func text(_ value: String?) -> String? {
        FormText.optional(value)
    }
}
