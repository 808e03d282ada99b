public import Foundation

/// The desk's idea of "now": the wall clock when it serves, a fixed or moving moment in tests (no test
/// reads the wall clock). The clocks of breaches, deadlines and session expiry all ask it; the journal
/// keeps its own clock (`JournalClock`, in the store).
public struct DeskClock: Sendable {
    /// Reads the desk's "now".
    public let now: @Sendable () -> Date

    /// A clock that reads "now" with `now`.
    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The machine's wall clock.
    public static let system = DeskClock { Date() }
}
