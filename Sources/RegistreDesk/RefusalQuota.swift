import Foundation

/// How many refused sign-ins the account journal takes a minute: `perClient` lines from one client, and
/// `overall` from all of them, then one line saying the next ones are not journaled until the minute is
/// over. Whoever reaches the sign-in page can refuse themselves as often as they like; they cannot make
/// the journal grow faster than these lines a minute.
actor RefusalQuota {
    /// What to journal of one more refusal.
    enum Verdict: Equatable {
        /// A line for this refusal.
        case journal
        /// A line saying that the refusals of `client` (`*`: every client) past `limit` are not journaled
        /// until `until`; not a line for this refusal.
        case summarise(client: String, limit: Int, until: Date)
        /// Nothing: the summary is written already.
        case skip
    }

    static let minute: TimeInterval = 60
    /// The key of the quota every client shares.
    static let everyone = "*"

    let perClient: Int
    let overall: Int
    /// The lines of a key's current minute.
    private struct Minute {
        var start: Date
        var lines = 0
    }

    private var minutes: [String: Minute] = [:]

    init(perClient: Int = 5, overall: Int = 30) {
        self.perClient = perClient
        self.overall = overall
    }

    /// What to journal of a refusal of `client` at `moment`.
    func verdict(client: String, at moment: Date) -> Verdict {
        forgetMinutes(before: moment - Self.minute)
        // The shared quota is only spent by lines that are written.
        let own = spend(client, limit: perClient, at: moment)
        guard own == .journal else { return own }
        return spend(Self.everyone, limit: overall, at: moment)
    }

    private func spend(_ key: String, limit: Int, at moment: Date) -> Verdict {
        var minute = minutes[key].flatMap { $0.start > moment - Self.minute ? $0 : nil } ?? Minute(start: moment)
        minute.lines += 1
        minutes[key] = minute
        if minute.lines <= limit { return .journal }
        return minute.lines == limit + 1 ? .summarise(client: key, limit: limit, until: minute.start + Self.minute) : .skip
    }

    private func forgetMinutes(before start: Date) {
        if minutes.count > 1_000 { minutes = minutes.filter { $0.value.start > start } }
    }
}
