import Foundation
import RegistreStore

extension Desk {
    /// What a local account's second factor says of a sign-in whose password was right.
    enum SecondFactorCheck: Equatable {
        /// The account has no second factor and none is required, or the code is right and not used before.
        case passed
        /// The account has a second factor, and the code is wrong, malformed, missing or used before.
        case wrongCode
        /// An administrator requires a second factor of the account, and it has none.
        case notEnrolled
        /// The account has had too many wrong codes within the throttle's window: no code is checked.
        case locked
    }

    /// Checks `code` against `login`'s second factor `state` (read with the account) at `now` (a period
    /// either side, each period's code once: the period is recorded in the same write that accepts it).
    func checkSecondFactor(_ state: SecondFactors.State, of login: String, code: String, at now: Date) throws -> SecondFactorCheck {
        guard let text = state.secret else { return state.required ? .notEnrolled : .passed }
        // A secret kept but unreadable (or too short to be one) refuses every code: never a second factor off.
        guard let secret = Base32.decode(text), secret.count >= 16 else { return .wrongCode }
        guard let counter = OneTimePassword(secret: secret).counter(of: code, at: now),
              try store.secondFactors.use(login: login, counter: Int64(counter))
        else { return .wrongCode }
        return .passed
    }
}
