import Foundation
import RegistreCore
import RegistreStore

/// The journal's clock for this run: the system's. `--now` never sets it (it states when a change takes
/// effect, which the journal keeps beside its own time).
///
/// Debug builds only, for the end-to-end tests that must not depend on the day they run: the environment
/// variable `REGISTRE_TEST_JOURNAL_CLOCK` (an ISO 8601 instant) fixes it. A release build ignores it.
enum JournalClockOption {
    static var clock: JournalClock {
        #if DEBUG
        if let text = ProcessInfo.processInfo.environment["REGISTRE_TEST_JOURNAL_CLOCK"],
           let date = Instant.parse(text, timeZone: OrganisationTimeZone.default, day: .startOfDay) {
            return .fixed(date)
        }
        #endif
        return .system
    }
}
