/// Why an account could not be changed. Nothing was changed.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case exists(login: String)
    case unknown(login: String)
    case invalidLogin(String)

    public var description: String {
        switch self {
        case .exists(let login): "an account '\(login)' already exists"
        case .unknown(let login): "no account '\(login)'"
        case .invalidLogin(let login):
            "'\(login)' is not a valid login (letters, digits and @ . _ - + only, at most 64 characters)"
        }
    }
}
