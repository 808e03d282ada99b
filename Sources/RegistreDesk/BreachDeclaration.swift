import Foundation
import RegistreCore
import RegistreService

/// "Déclarer une violation": only what starts the clock — a title, the moment the controller became
/// aware (Art. 33(1): the 72 hours run from it), the nature — and whose breach it is. The rest is
/// recorded on the breach's page as it becomes known.
///
/// The form only reads what was typed: the breach is opened by `BreachActs.open`, the same act as
/// `registre breach open`, which settles its id and checks its timeline inside the write transaction.
struct BreachDeclaration: Decodable {
    var title: String?
    var aware: String?
    var nature: [String]?
    var controller: String?

    typealias Refusal = FormRefusal<NoDraft>

    /// The opening the form asks for, or the fields it cannot accept; the moment is read in the
    /// controller's time zone (the register's default when the controller is unknown: the act refuses it).
    func opening(in register: Register) -> Result<BreachActs.Opening, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors["title"] = LocalizedText(fr: "Intitulé : à renseigner.", en: "Title: required.") }
        let controller = controller ?? ""
        if controller.isEmpty { errors["controller"] = Self.chooseController }
        let awareAt = Self.localMoment(aware ?? "", in: OrganisationTimeZone.of(controller, in: register))
        if awareAt == nil {
            errors["aware"] = LocalizedText(
                fr: "Prise de connaissance (art. 33(1)) : date et heure attendues, par exemple 2026-03-27T09:30.",
                en: "Awareness (Art. 33(1)): a date and time is expected, for example 2026-03-27T09:30.")
        }
        let natures = (nature ?? []).compactMap(Breach.Nature.init(rawValue:))
        if natures.isEmpty || natures.count != (nature ?? []).count {
            errors["nature"] = LocalizedText(
                fr: "Nature de la violation : cocher au moins une case (confidentialité, intégrité, disponibilité).",
                en: "Nature of the breach: tick at least one box (confidentiality, integrity, availability).")
        }
        guard errors.isEmpty, let awareAt else { return .failure(Refusal(errors: errors)) }
        return .success(BreachActs.Opening(title: title, aware: awareAt, nature: natures, controller: controller))
    }

    /// What the act refused, at the field it concerns.
    static func errors(for refusal: BreachRefusal) -> [String: LocalizedText] {
        switch refusal {
        case .noOrganisation, .unknownController, .notAllowed: ["controller": chooseController]
        case .impossibleTimeline(_, let findings):
            // Each finding at the field it is about: the moment of awareness, or the declaration as a whole.
            Dictionary(
                findings.map { finding in
                    (finding.code == .breach_aware_in_future ? "aware" : "general", LocalizedText(
                        fr: "\(finding.article) : \(finding.message.fr)", en: "\(finding.article): \(finding.message.en)"))
                },
                uniquingKeysWith: { first, second in LocalizedText(fr: first.fr + " " + second.fr, en: first.en + " " + second.en) })
        case .malformedID, .idInUse: ["general": refusal.message]
        }
    }

    private static let chooseController = LocalizedText(
        fr: "Responsable du traitement : choisir un organisme de la liste.", en: "Controller: choose an organisation from the list.")

    /// A moment as an HTML `datetime-local` input sends it (no offset), read in the organisation's zone
    /// as the command line reads `--aware` (`Instant.parse`): a wall-clock time that does not exist in the
    /// zone (the hour skipped for summer time) is refused, not moved.
    static func localMoment(_ text: String, in zone: TimeZone) -> Date? {
        Instant.parse(text, timeZone: zone)
    }
}
