import Foundation
import RegistreStore

/// How the sign-in checks a password: against the account's hash when the login exists, and against a
/// hash of the same cost of a password nobody knows when it does not, so that the answer takes as long
/// either way and its time does not tell which logins exist.
public struct PasswordCheck: Sendable {
    /// Whether the password is the one the hash was made from.
    public let verify: @Sendable (_ password: String, _ hash: String) -> Bool
    private let unknownLoginHash: StandIn

    /// A check by `verify`, comparing unknown logins against the hash `unknownLoginHash` makes (once, on
    /// first need: ``prepare()`` makes it before the first sign-in).
    public init(
        unknownLoginHash: @escaping @Sendable () -> String, verify: @escaping @Sendable (_ password: String, _ hash: String) -> Bool
    ) {
        self.verify = verify
        self.unknownLoginHash = StandIn(make: unknownLoginHash)
    }

    /// bcrypt, as the accounts' hashes: `registre user add` and `user password` hash at
    /// ``Passwords/defaultCost``, and so does the stand-in for unknown logins.
    public static func bcrypt(cost: UInt8 = Passwords.defaultCost) -> PasswordCheck {
        PasswordCheck(unknownLoginHash: { Passwords.hash(Desk.randomToken(), cost: cost) }, verify: { Passwords.verify($0, against: $1) })
    }

    /// Makes the stand-in hash now, so that the first unknown login does not take one hash longer.
    public func prepare() {
        _ = unknownLoginHash.hash
    }

    /// Whether `password` opens `account`; when there is no such account, the same work is done against
    /// the stand-in hash and the answer is no.
    func opens(_ account: Account?, with password: String) -> Bool {
        let matches = verify(password, account?.passwordHash ?? unknownLoginHash.hash)
        return account != nil && matches
    }
}

/// The stand-in hash, made once, on first need, by whichever sign-in comes first.
private final class StandIn: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> String
    private var made: String?

    init(make: @escaping @Sendable () -> String) {
        self.make = make
    }

    var hash: String {
        lock.withLock {
            if let made { return made }
            let hash = make()
            made = hash
            return hash
        }
    }
}
