public import Foundation

/// Where the journal reads the time a change is written.
///
/// The journal's time is the machine's, never the command line's: `--now` only states when a change takes
/// effect, which the journal keeps beside it. Programs and tests that need a fixed time give the store a
/// clock of their own.
public struct JournalClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that reads the time with `read`: a fixed or stepping time, for a program or a test.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The time now.
    public func now() -> Date { read() }

    /// The system clock.
    public static let system = JournalClock { Date() }

    /// Always the same moment.
    public static func fixed(_ date: Date) -> JournalClock { JournalClock { date } }
}
