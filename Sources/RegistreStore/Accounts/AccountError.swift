/// Why an account could not be changed. Nothing was changed.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An account with this login exists already.
    case exists(login: String)
    /// No account has this login.
    case unknown(login: String)
    /// The login has characters other than letters, digits and `@ . _ - +`, or more than 64 of them.
    case invalidLogin(String)

    /// The refusal in words, with the login (English).
    public var description: String {
        switch self {
        case .exists(let login): "an account '\(login)' already exists"
        case .unknown(let login): "no account '\(login)'"
        case .invalidLogin(let login):
            "'\(login)' is not a valid login (letters, digits and @ . _ - + only, at most 64 characters)"
        }
    }
}
