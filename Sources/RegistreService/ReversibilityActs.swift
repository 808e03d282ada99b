public import RegistreCore
public import RegistreStore

/// The controller's request for the processor's reversibility plan (seed 004, art. 6: "a plan within three
/// months of the request"), recorded on the agreement so that `deadlines` counts the plan's due day from it.
public struct ReversibilityActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the reversibility requests of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// A request dated after the day of the act: a plan cannot be asked for in the future.
    public struct FutureRequest: Error, Equatable, Sendable {
        /// The day asked for.
        public var day: CalendarDate
        /// The day of the act.
        public var today: CalendarDate
    }

    /// Records the day the controller asked for the reversibility plan: the agreement is read and saved in
    /// one write transaction, so that what someone else changed meanwhile is kept.
    /// - Parameters:
    ///   - agreement: the agreement.
    ///   - day: the day of the request; nil for the day of the act (Europe/Paris).
    ///   - acting: who acts, and when.
    /// - Returns: the day recorded.
    /// - Throws: ``FutureRequest``; ``AccessRefusal`` outside the account's policy; `StoreError/unknownEntry(_:)`;
    ///   what the store throws. Nothing is written then.
    @discardableResult
    public func recordRequest(of agreement: EntityID, on day: CalendarDate?, by acting: Acting) throws -> CalendarDate {
        let today = DeadlineCalculator().day(of: acting.now)
        let day = day ?? today
        guard day <= today else { throw FutureRequest(day: day, today: today) }
        _ = try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var stored = try edit.agreement(agreement)
            guard acting.policy?.mayEdit(stored) ?? true else { throw AccessRefusal(EntityKey(.agreement, agreement)) }
            stored.reversibilityRequested = day
            try edit.save(.agreement(stored))
        }
        return day
    }
}
