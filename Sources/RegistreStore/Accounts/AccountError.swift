public import RegistreCore

/// Why an account could not be changed. Nothing was changed.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An account with this login exists already.
    case exists(login: String)
    /// No account has this login.
    case unknown(login: String)
    /// The login has characters other than letters, digits and `@ . _ - +`, or more than 64 of them.
    case invalidLogin(String)
    /// The account's role or organisations changed since the form that asks was shown.
    case moved(login: String)

    /// The refusal in words, with the login (English): ``message`` in English.
    public var description: String { message.en }

    /// The refusal in words for the person who asked, with the login, in French and English.
    public var message: LocalizedText {
        switch self {
        case .exists(let login): LocalizedText(fr: "un compte « \(login) » existe déjà", en: "an account '\(login)' already exists")
        case .unknown(let login): LocalizedText(fr: "aucun compte « \(login) »", en: "no account '\(login)'")
        case .invalidLogin(let login):
            LocalizedText(
                fr: "« \(login) » n'est pas un identifiant valable (lettres, chiffres et @ . _ - + seulement, 64 caractères au plus)",
                en: "'\(login)' is not a valid login (letters, digits and @ . _ - + only, at most 64 characters)")
        case .moved(let login):
            LocalizedText(
                fr: "le compte « \(login) » a changé depuis l'affichage du formulaire (rôle ou organisations données entre-temps) : rien n'a été enregistré ; voici le compte tel qu'il est, à modifier de nouveau",
                en: "the account '\(login)' changed since the form was shown (role or organisations given meanwhile): nothing was saved; here is the account as it is now, to change again")
        }
    }
}
