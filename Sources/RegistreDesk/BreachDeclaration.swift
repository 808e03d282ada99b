import Foundation
import RegistreCore

/// "Déclarer une violation": only what starts the clock — a title, the moment the controller became
/// aware (Art. 33(1): the 72 hours run from it), the nature — and whose breach it is. The rest is
/// recorded on the breach's page as it becomes known.
struct BreachDeclaration: Decodable {
    var title: String?
    var aware: String?
    var nature: [String]?
    var controller: String?

    struct Refusal: Error {
        var errors: [String: LocalizedText]
    }

    func breach(in register: Register, policy: AccessPolicy, now: Date) -> Result<Breach, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors["title"] = LocalizedText(fr: "Intitulé : à renseigner.", en: "Title: required.") }
        let controller = controller ?? ""
        let organisation = register.organisation(controller)
        if organisation == nil || !policy.mayEdit(organisation: controller) {
            errors["controller"] = LocalizedText(
                fr: "Responsable du traitement : choisir un organisme de la liste.", en: "Controller: choose an organisation from the list.")
        }
        let zone = TimeZone(identifier: organisation?.timeZone ?? Organisation.defaultTimeZone) ?? TimeZone(identifier: "Europe/Paris")!
        let awareAt = Self.localMoment(aware ?? "", in: zone)
        if awareAt == nil {
            errors["aware"] = LocalizedText(
                fr: "Prise de connaissance (art. 33(1)) : date et heure attendues, par exemple 2026-03-27T09:30.",
                en: "Awareness (Art. 33(1)): a date and time is expected, for example 2026-03-27T09:30.")
        } else if let awareAt, awareAt > now {
            errors["aware"] = LocalizedText(
                fr: "Prise de connaissance (art. 33(1)) : ne peut être dans le futur.", en: "Awareness (Art. 33(1)): cannot be in the future.")
        }
        let natures = (nature ?? []).compactMap(Breach.Nature.init(rawValue:))
        if natures.isEmpty || natures.count != (nature ?? []).count {
            errors["nature"] = LocalizedText(
                fr: "Nature de la violation : cocher au moins une case (confidentialité, intégrité, disponibilité).",
                en: "Nature of the breach: tick at least one box (confidentiality, integrity, availability).")
        }
        guard errors.isEmpty, let awareAt else { return .failure(Refusal(errors: errors)) }
        let ids = register.allIDs
        let id = BreachOpening.defaultID(aware: awareAt, calculator: DeadlineCalculator.for(controller, in: register), isUsed: ids.contains)
        return .success(Breach(id: id, title: title, controller: controller, aware: awareAt, nature: natures))
    }

    /// A moment as an HTML `datetime-local` input sends it (no offset), read in the organisation's zone.
    static func localMoment(_ text: String, in zone: TimeZone) -> Date? {
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
