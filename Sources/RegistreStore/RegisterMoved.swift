/// An import refused because the register changed after the caller decided on it: a preview was shown at
/// revision `expected`, and the journal's last entry is now `now`. Raised inside the write transaction, so
/// that a change committed between the preview and the confirmation is never imported over.
public struct RegisterMoved: Error, Sendable, Equatable {
    /// The revision the caller expected (the journal's last sequence when it previewed).
    public let expected: Int
    /// The revision found in the write transaction.
    public let now: Int

    /// A refusal: `expected` was decided on, `now` was found.
    public init(expected: Int, now: Int) {
        self.expected = expected
        self.now = now
    }
}
