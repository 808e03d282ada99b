import Foundation
import RegistreCore
import RegistreStore
import Synchronization

/// The whole register as of the journal's last entry, kept between requests: the pages that list (the
/// dashboard, the lists, the printed register) read it again only when the register changed (a new
/// revision, `RegisterStore.revision()`), by the desk or by the CLI beside it. One copy for every
/// connection, so memory does not grow with them; the findings the dashboard counts are kept with it.
final class RegisterCache: Sendable {
    private struct State {
        var revision = -1
        var register = Register()
        /// The dashboard's counts of findings per organisation, with the moment they were counted.
        var counts: [EntityID: (at: Date, counts: [Finding.Severity: Int])] = [:]
    }

    private let state = Mutex(State())
    /// How long a count of findings stands for a register that did not change: the rules that ask whether
    /// something is late move with the clock, not much faster than this.
    static let countLifetime: TimeInterval = 60

    /// The register as it stands, read from `store` only if it changed since the last call.
    ///
    /// - Throws: the store's error.
    func register(in store: RegisterStore) throws -> Register {
        let revision = try store.revision()
        // Held while reading, so that a burst of requests after a change reads the register once.
        return try state.withLock { state in
            if state.revision != revision {
                state.register = try store.register()
                state.revision = revision
                state.counts = [:]
            }
            return state.register
        }
    }

    /// The findings of `check` by severity for `organisation`'s part of `register` at `now`, counted once a
    /// minute at most for the same revision.
    func findingCounts(of organisation: EntityID, in register: Register, now: Date) -> [Finding.Severity: Int] {
        if let kept = state.withLock({ $0.counts[organisation] }), abs(kept.at.timeIntervalSince(now)) < Self.countLifetime {
            return kept.counts
        }
        var counts: [Finding.Severity: Int] = [:]
        for finding in RegisterCheck.findings(in: register.restricted(to: organisation), now: now) { counts[finding.severity, default: 0] += 1 }
        state.withLock { $0.counts[organisation] = (now, counts) }
        return counts
    }
}
