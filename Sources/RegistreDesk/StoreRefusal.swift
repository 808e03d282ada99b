import RegistreCore
import RegistreStore
import RegistreXML

/// What the register of record refuses when an act saves (the XML reader's checks, an id already used, a
/// name of an entry it does not hold, a deletion of an entry still named), in words for the form: the one
/// place the desk turns the store's refusals into a form's errors.
enum StoreRefusal {
    /// The form's errors for `error`, or nil when it is not a refusal of the register (the database cannot
    /// answer: the desk's error page).
    static func errors(for error: any Error) -> [String: LocalizedText]? {
        switch error {
        case let error as RegisterReadError:
            let messages = error.diagnostics.map(\.message).joined(separator: " ")
            return ["general": LocalizedText(
                fr: "Le registre refuse cette valeur (comme le ferait la lecture d'un fichier) : \(messages)",
                en: "The register refuses this value (as reading a file would): \(messages)")]
        case StoreError.idInUse(let id):
            return ["id": LocalizedText(
                fr: "Identifiant : « \(id) » est déjà utilisé dans le registre.", en: "Identifier: '\(id)' is already used in the register.")]
        case StoreError.missingReference(_, let to):
            return ["general": LocalizedText(
                fr: "L'entrée nomme « \(to.id) », que le registre ne contient pas.",
                en: "The entry names '\(to.id)', which the register does not hold.")]
        case StoreError.stillReferenced(_, let referrer):
            return ["general": LocalizedText(
                fr: "Suppression impossible : « \(referrer.id) » nomme cette entrée.",
                en: "Cannot delete: '\(referrer.id)' names this entry.")]
        default:
            return nil
        }
    }
}
