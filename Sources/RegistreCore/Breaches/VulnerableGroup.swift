/// People whom a breach harms more than others (EDPB Guidelines 9/2022, §IV.B "special characteristics
/// of the individual"; recitals 38 and 75).
public enum VulnerableGroup: String, CaseIterable, Hashable, Sendable, Codable {
    /// Children (recital 38).
    case children
    /// Patients.
    case patients
    /// Elderly people.
    case elderly
    /// People with disabilities.
    case disabled
    /// People in precarious situations: recipients of social aid, the homeless, asylum seekers.
    case precarious
    /// Employees and others in a relation of subordination with the controller.
    case subordinates
}

extension VulnerableGroup {
    /// As the reasons of a decision name the group.
    public var words: LocalizedText {
        switch self {
        case .children: LocalizedText(fr: "enfants", en: "children")
        case .patients: LocalizedText(fr: "patients", en: "patients")
        case .elderly: LocalizedText(fr: "personnes âgées", en: "elderly people")
        case .disabled: LocalizedText(fr: "personnes handicapées", en: "disabled people")
        case .precarious: LocalizedText(fr: "personnes en situation précaire", en: "people in precarious situations")
        case .subordinates: LocalizedText(fr: "personnes en lien de subordination", en: "people in a relation of subordination")
        }
    }
}
