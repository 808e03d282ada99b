/// A right of the person whose data the controller holds, as a request invokes it (Art. 15 to 22).
public enum DataSubjectRight: String, CaseIterable, Hashable, Sendable, Codable {
    /// Art. 15: confirmation, access to the data and the information of Art. 15(1).
    case access
    /// Art. 16: rectification of inaccurate data, completion of incomplete data.
    case rectification
    /// Art. 17: erasure ("right to be forgotten").
    case erasure
    /// Art. 18: restriction of processing.
    case restriction
    /// Art. 20: data portability.
    case portability
    /// Art. 21: objection.
    case objection
    /// Art. 22: not to be subject to a decision based solely on automated processing.
    case automatedDecision = "automated-decision"

    /// The article that grants the right, e.g. `Art. 17`.
    public var article: String {
        switch self {
        case .access: "Art. 15"
        case .rectification: "Art. 16"
        case .erasure: "Art. 17"
        case .restriction: "Art. 18"
        case .portability: "Art. 20"
        case .objection: "Art. 21"
        case .automatedDecision: "Art. 22"
        }
    }

    /// The right's name in French and English: « droit d'accès », "right of access".
    public var name: LocalizedText {
        switch self {
        case .access: LocalizedText(fr: "droit d'accès", en: "right of access")
        case .rectification: LocalizedText(fr: "droit de rectification", en: "right to rectification")
        case .erasure: LocalizedText(fr: "droit à l'effacement", en: "right to erasure")
        case .restriction: LocalizedText(fr: "droit à la limitation du traitement", en: "right to restriction of processing")
        case .portability: LocalizedText(fr: "droit à la portabilité", en: "right to data portability")
        case .objection: LocalizedText(fr: "droit d'opposition", en: "right to object")
        case .automatedDecision: LocalizedText(
            fr: "droit de ne pas faire l'objet d'une décision entièrement automatisée",
            en: "right not to be subject to a solely automated decision")
        }
    }

    /// Whether granting the right changes the data recipients hold, so that Art. 19 asks the controller to
    /// tell each recipient: rectification, erasure and restriction.
    public var notifiesRecipients: Bool { self == .rectification || self == .erasure || self == .restriction }
}
