/// A technical or organisational security measure (Art. 32(1)), in the families of the CNIL's register
/// model, so that a DPO sees at a glance which family is missing.
public struct SecurityMeasure: Hashable, Sendable, Codable {
    /// The families of measures of the CNIL's register model.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Who may reach the data: accounts, rights, authentication.
        case accessControl = "access-control"
        /// Logging who did what, to detect and investigate.
        case traceability
        /// Updates, antivirus, protection of workstations and servers.
        case softwareProtection = "software-protection"
        /// Copies from which the data can be restored.
        case backup
        /// Encryption of data at rest or in transit.
        case encryption
        /// Control of the processors' measures (Art. 28(1)).
        case processorControl = "processor-control"
        /// Protection of premises and equipment.
        case physicalSecurity = "physical-security"
        /// Any other measure.
        case other
    }

    /// The family the measure belongs to.
    public var kind: Kind
    /// What the measure is, in the DPO's words.
    public var description: String

    /// A measure of `kind`, described in words.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
