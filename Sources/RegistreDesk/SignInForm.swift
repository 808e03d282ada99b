import RegistreCore
import RegistreStore

/// The fields of the sign-in form, as a visitor sent them.
struct SignInForm {
    /// Largest sign-in form read, in bytes: a login of 64 characters and a long password, percent-encoded,
    /// fit many times; a visitor cannot make the desk read or keep more.
    static let maximumSize = 8 * 1024

    /// Why a sign-in form over ``maximumSize`` is refused.
    static let tooLarge = LocalizedText(
        fr: "Formulaire trop long : un identifiant a au plus 64 caractères.", en: "Form too long: a login has at most 64 characters.")
    /// Why an attempt is refused before its password is checked (`SignInThrottle`): the login has failed too
    /// often and so has this client, or this client has, on any logins.
    static let throttled = LocalizedText(
        fr: "Trop d'essais infructueux, pour cet identifiant ou depuis cette adresse : réessayez dans 15 minutes.",
        en: "Too many failed attempts, for this login or from this address: try again in 15 minutes.")

    /// The login as typed, without the spaces around it: checked with ``Account/isValidLogin(_:)`` before
    /// it is looked up or journaled as it is.
    let login: String
    let password: String
    /// The one-time code of a second factor, as typed (empty when none was).
    let code: String

    /// Why a sign-in with a code typed is refused: the message does not say which of the three was wrong,
    /// so that it tells a guesser nothing about the password. It depends only on what was typed.
    static let wrongWithCode = LocalizedText(
        fr: "Identifiant, mot de passe ou code de vérification incorrect.", en: "Wrong login, password or verification code.")

    init(_ form: FormBody) {
        struct Fields: Decodable {
            var login: String?
            var password: String?
            var code: String?
        }
        let fields = (try? form.decode(Fields.self)) ?? Fields()
        login = (fields.login ?? "").trimmingCharacters(in: .whitespaces)
        password = fields.password ?? ""
        code = String((fields.code ?? "").trimmingCharacters(in: .whitespaces).prefix(32))
    }
}
