public import Foundation

/// The desk's idea of "now": the wall clock when it serves, a fixed or moving moment in tests (no test
/// reads the wall clock). Deadlines, clocks of breaches and session expiry all ask it.
public struct DeskClock: Sendable {
    public let now: @Sendable () -> Date
    /// The moment journal entries are dated with: nil lets the store read the clock once it holds the
    /// database, so that the journal never goes backwards; tests give their own moment.
    let journalMoment: @Sendable () -> Date?

    public static let system = DeskClock(now: { Date() }, journalMoment: { nil })

    /// A clock that says what `now` returns, for tests and for `serve --now`.
    public static func fixed(_ now: @escaping @Sendable () -> Date) -> DeskClock {
        DeskClock(now: now, journalMoment: { now() })
    }
}
