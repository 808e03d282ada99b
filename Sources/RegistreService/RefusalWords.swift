import RegistreCore

/// The words of the refusals that every act opening an entry may give (a controller the register lacks,
/// an id that is none, an id already used): said once for the breaches and the requests.
enum RefusalWords {
    static func unknownController(_ id: EntityID) -> LocalizedText {
        LocalizedText(fr: "aucune organisation « \(id) » dans le registre", en: "no organisation '\(id)' in the register")
    }

    static func malformedID(_ id: EntityID) -> LocalizedText {
        LocalizedText(
            fr: "« \(id) » n'est pas un identifiant (lettres, chiffres, « . », « _ », « - »)",
            en: "'\(id)' is not an id (letters, digits, '.', '_', '-')")
    }

    static func idInUse(_ id: EntityID) -> LocalizedText {
        LocalizedText(
            fr: "« \(id) » est déjà utilisé dans le registre : un identifiant nouveau est attendu",
            en: "'\(id)' is already used in the register: a new id is expected")
    }
}
