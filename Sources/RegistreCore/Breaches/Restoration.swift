/// Whether the data could be restored, how fast and with what loss: what decides the weight of a loss of
/// availability or integrity (EDPB Guidelines 01/2021, ransomware cases; 9/2022 §I.B.2).
public struct Restoration: Hashable, Sendable, Codable {
    /// A backup unaffected by the breach existed.
    public var backupAvailable: Bool
    /// How long the data were, or will be, unavailable; nil when not known yet.
    public var hoursToRestore: Int?
    /// Whether data were lost for good (changes since the last backup, destroyed records).
    public var dataLost: Bool?
    /// What the unavailability did to the people: what decides whether an outage matters, more than how
    /// it was repaired (EDPB Guidelines 01/2021, §2.3, case no. 03); nil when not recorded.
    public var impact: OutageImpact?

    /// What an unavailability of the data did to the people concerned.
    public enum OutageImpact: String, CaseIterable, Hashable, Sendable, Codable {
        /// No consequence for the people: nothing they needed waited on the data.
        case noConsequence = "none"
        /// Services delayed or disrupted: the people waited, had to come back, could not act in time.
        case disruption
        /// A critical service stopped: care, emergency help, benefits people live on.
        case critical
    }

    /// The facts of a restoration; only whether a backup existed is required.
    public init(backupAvailable: Bool, hoursToRestore: Int? = nil, dataLost: Bool? = nil, impact: OutageImpact? = nil) {
        self.backupAvailable = backupAvailable
        self.hoursToRestore = hoursToRestore
        self.dataLost = dataLost
        self.impact = impact
    }

    /// Data gone for good: no backup to restore from, and data lost.
    public var permanentLoss: Bool { !backupAvailable && dataLost == true }
}
