import Foundation
import Synchronization

/// The sessions whose idle timeout this desk moved lately, so that a burst of requests of one session
/// moves it once. The timeout is written at most once a minute (``Desk``); without this, every request
/// that read the session before the first write committed wrote it too: under 50 connections of one
/// session, 50 write transactions one after the other, each waiting for the writer, once a minute.
final class SessionRenewals: Sendable {
    /// Past this many sessions kept, those whose moved timeout has passed are forgotten.
    static let kept = 1024

    /// The timeout each session was last moved to, by token.
    private let moved = Mutex<[String: Date]>([:])

    /// Whether the request asking at `now` moves `token`'s timeout to `until`: false when another request
    /// moved it within the last `interval` seconds (its timeout, then, is already later than
    /// `until - interval`).
    func claim(_ token: String, until: Date, now: Date, interval: TimeInterval = 60) -> Bool {
        moved.withLock { moved in
            if let last = moved[token], last > until.addingTimeInterval(-interval) { return false }
            if moved.count >= Self.kept { moved = moved.filter { $0.value > now } }
            moved[token] = until
            return true
        }
    }

    /// Forgets that `token`'s timeout was moved (its write failed): the next request moves it.
    func forget(_ token: String) {
        _ = moved.withLock { $0.removeValue(forKey: token) }
    }
}
