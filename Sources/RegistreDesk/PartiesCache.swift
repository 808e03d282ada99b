import RegistreCore
import RegistreStore
import Synchronization

/// The parties of the register (every entry but the activities and the requests: organisations,
/// agreements, records, audits, breaches, campaigns) kept between requests: every page needs them (the
/// account's policy asks a structure's members; forms offer the organisations), and decoding a thousand
/// organisations and their agreements for each request would cost more than the page. Their number grows
/// with the organisations, never with the activities or the requests, so the memory kept is bounded by them.
///
/// Read again only when the journal says a party changed since (``RegisterReading/kindsChanged(after:)``),
/// by the desk or by the CLI beside it: saving an activity does not read them again.
final class PartiesCache: Sendable {
    private struct State {
        var revision = -1
        var parties = Register()
    }

    private let state = Mutex(State())

    /// The parties as they stand in `reading`'s snapshot.
    ///
    /// - Throws: the store's error.
    func parties(in reading: RegisterReading) throws -> Register {
        let revision = try reading.revision()
        // Held while reading, so that a burst of requests after a change reads the parties once.
        return try state.withLock { state in
            // A reading that began before the last one kept is answered with the newer parties.
            guard state.revision < revision else { return state.parties }
            let changed = state.revision < 0 ? Desk.partyKinds : try reading.kindsChanged(after: state.revision)
            if !changed.isDisjoint(with: Desk.partyKinds) {
                var parties = Register()
                try reading.entries(only: Desk.partyKinds) { parties.append($0) }
                state.parties = parties
            }
            state.revision = revision
            return state.parties
        }
    }
}
