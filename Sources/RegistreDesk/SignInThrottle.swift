import Foundation

/// Slows down whoever guesses passwords: after `limit` failed sign-ins for one login within `window`,
/// that login is refused (even with the right password) until the window has passed since the last failure.
/// Kept in memory: a restart forgets, which costs a guesser a restart of the server they do not control.
actor SignInThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether `login` may try at `moment`.
    func allows(_ login: String, at moment: Date) -> Bool {
        recent(login, at: moment).count < limit
    }

    func recordFailure(_ login: String, at moment: Date) {
        failures[login] = recent(login, at: moment) + [moment]
    }

    func recordSuccess(_ login: String) {
        failures[login] = nil
    }

    private func recent(_ login: String, at moment: Date) -> [Date] {
        (failures[login] ?? []).filter { moment.timeIntervalSince($0) < window }
    }
}
