import Foundation

/// Slows down whoever guesses passwords, without locking out the owner of the login they guess.
///
/// Failed sign-ins are counted per login and per client (``ClientIdentification``) over a sliding
/// `window`. A client with `clientLimit` failures is refused everything until its oldest failure leaves
/// the window: one address guesses `clientLimit` passwords a window, across every login. A login with
/// `loginLimit` failures is refused to every client that has failed within the window, and still open to a
/// client with none: the owner, from their own machine, signs in while someone else hammers their login;
/// a guesser gets one try per fresh address.
///
/// An attempt is reserved before its password is checked (bcrypt, a quarter of a second) and counted as a
/// failure until it is settled, so parallel guesses cannot all pass the count before the first one fails.
/// Kept in memory: a restart forgets, which costs a guesser a restart of the server they do not control.
actor SignInThrottle {
    /// How many failures, over which window (set in the service's configuration).
    typealias Limits = SignInLimits

    /// An attempt allowed to check its password; ``settle(_:failed:at:)`` must follow.
    struct Reservation: Sendable {
        fileprivate let id: UInt64
        let login: String
        let client: String
    }

    let limits: Limits
    private var loginFailures = Failures()
    private var clientFailures = Failures()
    /// Wrong one-time codes after a right password, per login: counted apart, with no exception for a
    /// fresh client (a right password with a wrong code shows the password is known; one guess per fresh
    /// address would otherwise open a 6-digit code to whoever holds many addresses).
    private var secondFactorFailures = Failures()
    /// Wrong codes of one login within the window after which every code of it is refused.
    static let secondFactorLimit = 5
    private var pending: [UInt64: Reservation] = [:]
    private var nextID: UInt64 = 0

    init(_ limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reserves an attempt of `client` on `login` at `moment`, or nil when it is refused.
    func reserve(login: String, client: String, at moment: Date) -> Reservation? {
        let clientCount = clientFailures.count(client, since: moment - limits.window) + pendingCount { $0.client == client }
        let loginCount = loginFailures.count(login, since: moment - limits.window) + pendingCount { $0.login == login }
        guard clientCount < limits.clientLimit, loginCount < limits.loginLimit || clientCount == 0 else { return nil }
        nextID += 1
        let reservation = Reservation(id: nextID, login: login, client: client)
        pending[reservation.id] = reservation
        return reservation
    }

    /// Ends a reserved attempt: a failure is counted against its login and its client; anything else (a
    /// success, a check that could not run) counts nothing and clears nothing (the owner's sign-in does
    /// not give a guesser a fresh count).
    func settle(_ reservation: Reservation, failed: Bool, at moment: Date) {
        guard pending.removeValue(forKey: reservation.id) != nil, failed else { return }
        loginFailures.add(reservation.login, at: moment, forgettingBefore: moment - limits.window)
        clientFailures.add(reservation.client, at: moment, forgettingBefore: moment - limits.window)
    }

    /// Counts a failure of `client` that never reached a password check (a login that cannot exist).
    func recordFailure(client: String, at moment: Date) {
        clientFailures.add(client, at: moment, forgettingBefore: moment - limits.window)
    }

    /// Whether `login` is closed to clients that have failed (``Limits/loginLimit`` failures within the window).
    func isLocked(login: String, at moment: Date) -> Bool {
        loginFailures.count(login, since: moment - limits.window) >= limits.loginLimit
    }

    /// Counts a wrong one-time code of `login` (its password was right).
    func recordSecondFactorFailure(login: String, at moment: Date) {
        secondFactorFailures.add(login, at: moment, forgettingBefore: moment - limits.window)
    }

    /// Whether `login` has had ``secondFactorLimit`` wrong codes within the window: every code of it is
    /// then refused, from any client, until they age out.
    func isSecondFactorLocked(login: String, at moment: Date) -> Bool {
        secondFactorFailures.count(login, since: moment - limits.window) >= Self.secondFactorLimit
    }

    /// Forgets the failures of `login`: an administrator opens it again to every client once its owner is
    /// known to be the one who failed (the clients' own counts stay).
    func unlock(login: String) {
        loginFailures.forget(login)
    }

    private func pendingCount(_ matches: (Reservation) -> Bool) -> Int {
        pending.values.count(where: matches)
    }
}

/// Moments of failure by key (a login, a client), forgotten once they are older than the window: whatever
/// keys a guesser makes up, the table holds only the last window's.
private struct Failures {
    private var moments: [String: [Date]] = [:]
    private var lastSweep = Date.distantPast

    func count(_ key: String, since start: Date) -> Int {
        moments[key]?.count(where: { $0 > start }) ?? 0
    }

    mutating func forget(_ key: String) {
        moments[key] = nil
    }

    mutating func add(_ key: String, at moment: Date, forgettingBefore start: Date) {
        moments[key, default: []].removeAll { $0 <= start }
        moments[key, default: []].append(moment)
        // Every key, at most once per window: the cost is spread over a window's failures.
        if lastSweep <= start {
            moments = moments.compactMapValues { dates in
                let recent = dates.filter { $0 > start }
                return recent.isEmpty ? nil : recent
            }
            lastSweep = moment
        }
    }
}
