/// People whom a breach harms more than others (EDPB Guidelines 9/2022, §IV.B "special characteristics
/// of the individual"; recitals 38 and 75).
public enum VulnerableGroup: String, CaseIterable, Hashable, Sendable, Codable {
    case children
    case patients
    case elderly
    case disabled
    /// People in precarious situations: recipients of social aid, the homeless, asylum seekers.
    case precarious
    /// Employees and others in a relation of subordination with the controller.
    case subordinates
}
