public import Foundation
public import RegistreCore

/// Who performs an act of the register, and when: what every act needs besides its own values.
public struct Acting: Sendable {
    /// Who makes the change, for the journal (`--actor`, the OS user, the desk's signed-in account).
    public var actor: String
    /// When the person says the change takes effect (`--now`), kept in the journal beside the time of
    /// writing; nil when it takes effect as it is written.
    public var effective: Date?
    /// The moment the act's rules judge by ("aware in the future" is refused against it).
    public var now: Date
    /// What the person may change; nil for the command line, run by someone who holds the database file
    /// and may change everything in it.
    public var policy: AccessPolicy?

    /// An act by `actor` at `now`.
    /// - Parameters:
    ///   - actor: who makes the change, for the journal.
    ///   - effective: when the person says it takes effect, if not as it is written.
    ///   - now: the moment the act's rules judge by.
    ///   - policy: what the person may change (the desk's account); nil for the command line.
    public init(actor: String, effective: Date? = nil, now: Date, policy: AccessPolicy? = nil) {
        self.actor = actor
        self.effective = effective
        self.now = now
        self.policy = policy
    }

    /// Whether the person may change what belongs to `organisation`.
    func mayEdit(organisation: EntityID) -> Bool { policy?.mayEdit(organisation: organisation) ?? true }
}
