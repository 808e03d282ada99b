public import Testing
internal import Foundation

/// The tags of registre's tests, declared once for every test target.
extension Tag {
    /// Tests that take seconds on their own (a large input, a binary started many times, a database
    /// written many times): left out of a quick run (``Testing/Trait/skippedInQuickRuns``), kept in
    /// `scripts/test` and CI.
    @Tag public static var slow: Self

    /// Tests that start LibreOffice (several seconds each run), run only where `soffice` is installed
    /// (scripts/setup installs it).
    @Tag public static var libreOffice: Self
}

extension Trait where Self == ConditionTrait {
    /// Leaves a ``Testing/Tag/slow`` test out when `REGISTRE_QUICK` is set in the environment.
    ///
    /// The tag alone cannot keep a quick run quick: the `swift test` of Swift 6.3 filters by name only
    /// (`--skip tag:slow` comes with a later toolchain, Swift Testing's ST-0025).
    public static var skippedInQuickRuns: Self {
        .disabled(if: ProcessInfo.processInfo.environment["REGISTRE_QUICK"] != nil, "REGISTRE_QUICK is set and the test is slow")
    }
}
