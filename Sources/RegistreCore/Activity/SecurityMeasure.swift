/// A technical or organisational security measure (Art. 32(1)), in the families of the CNIL's register
/// model, so that a DPO sees at a glance which family is missing.
public struct SecurityMeasure: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case accessControl = "access-control"
        case traceability
        case softwareProtection = "software-protection"
        case backup
        case encryption
        case processorControl = "processor-control"
        case physicalSecurity = "physical-security"
        case other
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
