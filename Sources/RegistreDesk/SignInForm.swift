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

    init(_ form: FormBody) {
        struct Fields: Decodable {
            var login: String?
            var password: String?
        }
        let fields = (try? form.decode(Fields.self)) ?? Fields()
        login = (fields.login ?? "").trimmingCharacters(in: .whitespaces)
        password = fields.password ?? ""
    }
}
