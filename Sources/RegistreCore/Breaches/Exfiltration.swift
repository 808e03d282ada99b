/// What the controller established about data being copied or taken: the logs that exclude it, or the
/// signs that it happened (EDPB Guidelines 01/2021, §2 and §3: ransomware and exfiltration attacks).
public struct Exfiltration: Hashable, Sendable, Codable {
    /// Whether data were taken, as far as the controller established it.
    public enum Finding: String, CaseIterable, Hashable, Sendable, Codable {
        /// Evidence (logs, forensic analysis) shows nothing was taken or read.
        case excluded
        /// It cannot be ruled out.
        case possible
        /// Data were taken.
        case confirmed
    }

    /// Whether data were taken: excluded, possible or confirmed.
    public var finding: Finding
    /// What the finding rests on: "journaux du pare-feu sur 30 jours", "rapport de l'ANSSI".
    public var evidence: String?
    /// Whether the data taken let someone deceive the people in the controller's name (contact data
    /// with the relation to the controller: phishing, fraud); nil when not recorded.
    public var usableForPhishing: Bool?

    /// A finding, what it rests on, and whether the data taken serve phishing or fraud.
    public init(_ finding: Finding, evidence: String? = nil, usableForPhishing: Bool? = nil) {
        self.finding = finding
        self.evidence = evidence
        self.usableForPhishing = usableForPhishing
    }
}
