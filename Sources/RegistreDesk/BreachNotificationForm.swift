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

    struct Refusal: Error {
        var errors: [String: LocalizedText]
        var draft: Breach
    }

    func breach(updating original: Breach) -> Result<Breach, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var breach = original
        breach.description = Self.text(description)
        breach.dataSubjectCategories = Self.items(dataSubjectCategories)
        breach.dataCategories = Self.items(dataCategories)
        breach.likelyConsequences = Self.text(likelyConsequences)
        breach.measures = Self.items(measures)
        // Art. 33(3)(a) asks for approximate numbers: "120", "about 120", "100-150", "unknown" (or in French).
        func count(_ text: String?, _ field: String, _ what: LocalizedText) -> Count? {
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
            approximateSubjects, "approximateSubjects", LocalizedText(fr: "Nombre approximatif de personnes", en: "Approximate number of data subjects"))
        breach.records = count(
            approximateRecords, "approximateRecords", LocalizedText(fr: "Nombre approximatif d'enregistrements", en: "Approximate number of records"))
        if let name = Self.text(contactName) {
            breach.contact = Contact(name: name, email: Self.text(contactEmail), phone: Self.text(contactPhone))
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
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private static func items(_ values: [String]?) -> [String] {
        (values ?? []).compactMap(text)
    }
}
