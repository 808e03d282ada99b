import RegistreStore

/// The fields of the sign-in form, as a visitor sent them.
struct SignInForm {
    /// Largest sign-in form read, in bytes: a login of 64 characters and a long password, percent-encoded,
    /// fit many times; a visitor cannot make the desk read or keep more.
    static let maximumSize = 8 * 1024

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
