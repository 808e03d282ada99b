public import Foundation

/// What the recorded facts of a breach lead to, and why: the risk tier, whether the authority must be
/// notified (Art. 33(1)) and the data subjects told (Art. 34(1)), and where the 72-hour clock stands.
public struct BreachDecision: Sendable {
    public enum ClockState: String, Sendable {
        /// Not notified, more than 24 hours left.
        case inTime = "in-time"
        /// Not notified, the deadline is within 24 hours.
        case dueSoon = "due-within-24h"
        /// Not notified, the deadline has passed.
        case overdue
        case notifiedInTime = "notified-in-time"
        case notifiedLate = "notified-late"
        /// The breach is unlikely to result in a risk: no notification is due.
        case notRequired = "not-required"
    }

    public var score: SeverityScore?
    public var level: RiskLevel?
    /// Whether the level is the DPO's override of what the score supports.
    public var overridden: Bool
    public var notifyAuthority: Bool?
    public var communicateToSubjects: Bool?
    /// Awareness + 72 hours (Art. 33(1)).
    public var deadline: Date
    public var clock: ClockState
    /// The facts that led there, in order, in both languages.
    public var reasons: [LocalizedText]

    public static let notificationPeriod = DeadlinePeriod(72, .hours)

    public init(_ breach: Breach, in register: Register, now: Date) {
        let calculator = DeadlineCalculator.for(breach.controller, in: register)
        deadline = calculator.end(of: Self.notificationPeriod, after: breach.aware)
        var reasons: [LocalizedText] = []
        if let assessment = breach.assessment {
            let score = SeverityScore(assessment)
            self.score = score
            let categories = assessment.data.map { "\($0.category.rawValue) \($0.adjustment >= 0 ? "+" : "")\($0.adjustment) → \($0.score)" }
                .joined(separator: ", ")
            reasons.append(LocalizedText(
                fr: "Contexte du traitement des données (DPC) : \(score.dataProcessingContext) (\(categories))",
                en: "Data processing context (DPC): \(score.dataProcessingContext) (\(categories))"))
            reasons.append(LocalizedText(
                fr: "Facilité d'identification (EI) : \(Self.number(score.easeOfIdentification)) (\(assessment.identification.rawValue))",
                en: "Ease of identification (EI): \(Self.number(score.easeOfIdentification)) (\(assessment.identification.rawValue))"))
            var circumstances: [String] = []
            if let loss = assessment.confidentiality { circumstances.append("confidentiality \(loss.rawValue) +\(Self.number(loss.points))") }
            if let loss = assessment.integrity { circumstances.append("integrity \(loss.rawValue) +\(Self.number(loss.points))") }
            if let loss = assessment.availability { circumstances.append("availability \(loss.rawValue) +\(Self.number(loss.points))") }
            if assessment.malicious { circumstances.append("malicious +0.5") }
            let list = circumstances.isEmpty ? "—" : circumstances.joined(separator: ", ")
            reasons.append(LocalizedText(
                fr: "Circonstances de la violation (CB) : \(Self.number(score.circumstances)) (\(list))",
                en: "Circumstances of the breach (CB): \(Self.number(score.circumstances)) (\(list))"))
            reasons.append(LocalizedText(
                fr: "Gravité SE = DPC × EI + CB = \(Self.number(score.value)) : \(Self.bandFR(score.band)), ce qui correspond au niveau « \(Self.levelFR(score.supportedLevel)) »",
                en: "Severity SE = DPC × EI + CB = \(Self.number(score.value)): \(score.band.rawValue), which supports the tier '\(score.supportedLevel.rawValue)'"))
            if let override = assessment.override {
                level = override.level
                overridden = override.level != score.supportedLevel
                reasons.append(LocalizedText(
                    fr: "Décision du DPO : « \(Self.levelFR(override.level)) » — \(override.justification)",
                    en: "DPO's decision: '\(override.level.rawValue)' — \(override.justification)"))
            } else {
                level = score.supportedLevel
                overridden = false
            }
        } else {
            score = nil
            level = nil
            overridden = false
            reasons.append(LocalizedText(fr: "Le risque n'a pas encore été évalué.", en: "The risk has not been assessed yet."))
        }
        notifyAuthority = level.map { $0 != .unlikely }
        let exception = breach.communication?.exception
        communicateToSubjects = level.map { $0 == .high && exception == nil }
        if level == .high, let exception {
            reasons.append(LocalizedText(
                fr: "Risque élevé, mais l'exception de l'\(exception.article.replacingOccurrences(of: "Art.", with: "art.")) est invoquée : pas de communication aux personnes.",
                en: "High risk, but the exception of \(exception.article) is relied on: no communication to the data subjects."))
        }
        if let initial = breach.initialNotification {
            clock = initial.at <= deadline ? .notifiedInTime : .notifiedLate
        } else if notifyAuthority == false {
            clock = .notRequired
        } else if now > deadline {
            clock = .overdue
        } else if deadline.timeIntervalSince(now) <= 24 * 3600 {
            clock = .dueSoon
        } else {
            clock = .inTime
        }
        self.reasons = reasons
    }

    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func bandFR(_ band: SeverityScore.Band) -> String {
        switch band {
        case .low: "faible"
        case .medium: "moyenne"
        case .high: "élevée"
        case .veryHigh: "très élevée"
        }
    }

    public static func levelFR(_ level: RiskLevel) -> String {
        switch level {
        case .unlikely: "risque improbable"
        case .risk: "risque"
        case .high: "risque élevé"
        }
    }
}
