/// The ENISA severity of a breach (ENISA, "Recommendations for a methodology of the assessment of
/// severity of personal data breaches", 2013): SE = DPC × EI + CB.
public struct SeverityScore: Hashable, Sendable {
    /// The four bands of severity of the ENISA method.
    public enum Band: String, CaseIterable, Sendable {
        /// Low (SE below 2), medium (2 to 3), high (3 to 4), very high (4 and more).
        case low, medium, high, veryHigh = "very-high"
    }

    /// Data processing context: the highest adjusted score of the breached data (1–4).
    public var dataProcessingContext: Int
    /// Ease of identification factor (0.25–1).
    public var easeOfIdentification: Double
    /// Circumstances of the breach, added together, at most 2.
    public var circumstances: Double

    /// The score of `assessment`'s facts.
    public init(_ assessment: RiskAssessment) {
        dataProcessingContext = assessment.data.map(\.score).max() ?? 1
        easeOfIdentification = assessment.identification.factor
        let points = (assessment.confidentiality?.points ?? 0) + (assessment.integrity?.points ?? 0)
            + (assessment.availability?.points ?? 0) + (assessment.malicious ? 0.5 : 0)
        circumstances = min(2, points)
    }

    /// The severity SE = DPC × EI + CB.
    public var value: Double { Double(dataProcessingContext) * easeOfIdentification + circumstances }

    /// SE < 2 low; 2 ≤ SE < 3 medium; 3 ≤ SE < 4 high; SE ≥ 4 very high.
    public var band: Band {
        switch value {
        case ..<2: .low
        case ..<3: .medium
        case ..<4: .high
        default: .veryHigh
        }
    }

    /// The tier the band supports: low → unlikely to result in a risk, medium → risk, high or very high
    /// → high risk. The controller's judgement decides; the score supports it.
    public var supportedLevel: RiskLevel {
        switch band {
        case .low: .unlikely
        case .medium: .risk
        case .high, .veryHigh: .high
        }
    }
}
