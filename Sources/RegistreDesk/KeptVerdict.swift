import Foundation
import RegistreCore
import RegistreStore
import Synchronization

/// The last verdict of `verify` an administrator ran from the desk (`POST /admin/verify`), with when
/// and by whom: `verify` reads the whole register and its journal, so a page shows the verdict kept
/// rather than running it again on every view. Kept in memory: a restarted server shows the button only.
final class KeptVerdict: Sendable {
    private struct Kept {
        let verification: JournalVerification
        let at: Date
        let by: String
    }

    private let kept = Mutex<Kept?>(nil)

    /// Keeps `verification`, run at `moment` by the account `login`, in place of the one before.
    func keep(_ verification: JournalVerification, at moment: Date, by login: String) {
        kept.withLock { $0 = Kept(verification: verification, at: moment, by: login) }
    }

    /// The verification kept, or nil when none is.
    var last: JournalVerification? { kept.withLock { $0?.verification } }

    /// What the administration and history pages show of the verdict kept, or nil when none is.
    func view(_ language: Language) -> [String: Any]? {
        guard let kept = kept.withLock({ $0 }) else { return nil }
        let verification = kept.verification
        return [
            "intact": verification.isIntact, "entries": verification.entries,
            "problems": verification.problems.map { $0[language] },
            "head": verification.head.map { "n° \($0.sequence), SHA-256 \($0.hash)" } ?? "",
            "at": Instant.wallClock(kept.at, in: OrganisationTimeZone.default), "by": kept.by,
        ]
    }
}
