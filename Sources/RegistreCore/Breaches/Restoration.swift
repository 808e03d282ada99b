/// Whether the data could be restored, how fast and with what loss: what decides the weight of a loss of
/// availability or integrity (EDPB Guidelines 01/2021, ransomware cases; 9/2022 §I.B.2).
public struct Restoration: Hashable, Sendable, Codable {
    /// A backup unaffected by the breach existed.
    public var backupAvailable: Bool
    /// How long the data were, or will be, unavailable; nil when not known yet.
    public var hoursToRestore: Int?
    /// Whether data were lost for good (changes since the last backup, destroyed records).
    public var dataLost: Bool?

    /// The facts of a restoration; only whether a backup existed is required.
    public init(backupAvailable: Bool, hoursToRestore: Int? = nil, dataLost: Bool? = nil) {
        self.backupAvailable = backupAvailable
        self.hoursToRestore = hoursToRestore
        self.dataLost = dataLost
    }
}
