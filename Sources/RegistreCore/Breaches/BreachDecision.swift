public import Foundation

/// What the recorded facts of a breach lead to, and why: the risk tier, whether the authority must be
/// notified (Art. 33(1)) and the data subjects told (Art. 34(1)), and where the 72-hour clock stands.
public struct BreachDecision: Sendable {
    /// Where a breach stands against the 72 hours of Art. 33(1).
    public enum ClockState: String, Sendable {
        /// Not notified, more than 24 hours left.
        case inTime = "in-time"
        /// Not notified, the deadline is within 24 hours.
        case dueSoon = "due-within-24h"
        /// Not notified, the deadline has passed.
        case overdue
        /// Notified to the authority within the 72 hours.
        case notifiedInTime = "notified-in-time"
        /// Notified after the 72 hours: the notification must give the reasons for the delay (Art. 33(1)).
        case notifiedLate = "notified-late"
        /// The breach is unlikely to result in a risk: no notification is due.
        case notRequired = "not-required"
    }

    /// The ENISA score of the breach's assessment; nil when the breach has none.
    public var score: SeverityScore?
    /// The risk tier decided; nil when the facts recorded do not allow a decision yet.
    public var level: RiskLevel?
    /// Whether the level is the DPO's override of what the score supports.
    public var overridden: Bool
    /// Whether the authority must be notified (Art. 33(1)); nil while the risk is not decided.
    public var notifyAuthority: Bool?
    /// Whether the data subjects must be told (Art. 34(1)); nil while the risk is not decided.
    public var communicateToSubjects: Bool?
    /// Awareness + 72 hours (Art. 33(1)).
    public var deadline: Date
    /// Where the breach stands against the 72 hours.
    public var clock: ClockState
    /// The facts that led there, in order, in both languages.
    public var reasons: [LocalizedText]
    /// The tier the ENISA score, or the DPO's override, supports before the facts are weighed.
    public var scoredLevel: RiskLevel?
    /// When no notification is due, the facts that show the breach unlikely to result in a risk.
    public var exemptingFacts: [LocalizedText]

    /// The 72 hours of Art. 33(1), counted from awareness.
    public static let notificationPeriod = DeadlinePeriod(72, .hours)

    /// Decides on `breach` from its recorded facts, the time rules of its controller in `register`, at `now`.
    public init(_ breach: Breach, in register: Register, now: Date) {
        let calculator = DeadlineCalculator.for(breach.controller, in: register)
        deadline = calculator.end(of: Self.notificationPeriod, after: breach.aware)
        var reasons: [LocalizedText] = []
        if let assessment = breach.assessment {
            let score = SeverityScore(assessment)
            let scored = assessment.override?.level ?? score.supportedLevel
            reasons += Self.scoreReasons(score, of: assessment)
            let weighed = Self.weigh(breach, scored: scored, overriddenByDPO: assessment.override != nil)
            reasons += weighed.reasons
            self.score = score
            level = weighed.level
            exemptingFacts = weighed.exemptingFacts
            overridden = assessment.override.map { $0.level != score.supportedLevel } ?? false
            scoredLevel = scored
        } else {
            score = nil
            level = nil
            scoredLevel = nil
            exemptingFacts = []
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
        clock = Self.clock(of: breach, notifyAuthority: notifyAuthority, deadline: deadline, now: now)
        self.reasons = reasons
    }

    // MARK: The score

    /// The ENISA score term by term (DPC, EI, CB, then SE and the tier it supports), and the DPO's
    /// override when there is one.
    private static func scoreReasons(_ score: SeverityScore, of assessment: RiskAssessment) -> [LocalizedText] {
        // Each term in the reason's own language: "données sensibles +0 → 4", not "sensitive +0 → 4".
        func categories(_ language: Language) -> String {
            assessment.data.map { "\(ENISAWords.category($0.category)[language]) \($0.adjustment >= 0 ? "+" : "")\($0.adjustment) → \($0.score)" }
                .joined(separator: ", ")
        }
        func list(_ language: Language) -> String {
            var circumstances: [String] = []
            if let loss = assessment.confidentiality {
                circumstances.append("\(ENISAWords.confidentiality(loss)[language]) +\(number(loss.points))")
            }
            if let loss = assessment.integrity { circumstances.append("\(ENISAWords.integrity(loss)[language]) +\(number(loss.points))") }
            if let loss = assessment.availability { circumstances.append("\(ENISAWords.availability(loss)[language]) +\(number(loss.points))") }
            if assessment.malicious { circumstances.append(LocalizedText(fr: "malveillance +0.5", en: "malicious +0.5")[language]) }
            return circumstances.isEmpty ? "—" : circumstances.joined(separator: ", ")
        }
        var reasons = [
            LocalizedText(
                fr: "Contexte du traitement des données (DPC) : \(score.dataProcessingContext) (\(categories(.fr)))",
                en: "Data processing context (DPC): \(score.dataProcessingContext) (\(categories(.en)))"),
            LocalizedText(
                fr: "Facilité d'identification (EI) : \(number(score.easeOfIdentification)) (\(ENISAWords.identification(assessment.identification)[.fr]))",
                en: "Ease of identification (EI): \(number(score.easeOfIdentification)) (\(assessment.identification.rawValue))"),
            LocalizedText(
                fr: "Circonstances de la violation (CB) : \(number(score.circumstances)) (\(list(.fr)))",
                en: "Circumstances of the breach (CB): \(number(score.circumstances)) (\(list(.en)))"),
            LocalizedText(
                fr: "Gravité SE = DPC × EI + CB = \(number(score.value)) : \(bandFR(score.band)), ce qui correspond au niveau « \(levelFR(score.supportedLevel)) »",
                en: "Severity SE = DPC × EI + CB = \(number(score.value)): \(score.band.rawValue), which supports the tier '\(score.supportedLevel.rawValue)'"),
        ]
        if let override = assessment.override {
            reasons.append(LocalizedText(
                fr: "Décision du DPO : « \(levelFR(override.level)) » — \(override.justification)",
                en: "DPO's decision: '\(override.level.rawValue)' — \(override.justification)"))
        }
        return reasons
    }

    // MARK: The facts

    /// The tier the facts lead to, the facts that exempt the breach from notification, and why.
    private struct Weighed {
        var level: RiskLevel
        var exemptingFacts: [LocalizedText] = []
        var reasons: [LocalizedText] = []
    }

    /// Weighs the recorded facts against the `scored` tier (the score's, or the DPO's when
    /// `overriddenByDPO`): facts that show every loss unlikely to result in a risk lower it, aggravating
    /// facts raise it (EDPB Guidelines 9/2022, §IV.B).
    private static func weigh(_ breach: Breach, scored: RiskLevel, overriddenByDPO: Bool) -> Weighed {
        let weighing = FactWeighing(breach: breach)
        return weighing.shownUnlikely
            ? weighShownUnlikely(breach, weighing, scored: scored, overriddenByDPO: overriddenByDPO)
            : weighRisk(weighing, scored: scored)
    }

    /// Every loss is shown unlikely to result in a risk: no notification is due, unless the DPO chose a
    /// more cautious tier.
    private static func weighShownUnlikely(
        _ breach: Breach, _ weighing: FactWeighing, scored: RiskLevel, overriddenByDPO: Bool
    ) -> Weighed {
        let facts = breach.nature.compactMap { weighing.exemptingFact(for: $0) }
        var weighed = Weighed(level: scored)
        weighed.reasons.append(LocalizedText(
            fr: "Faits établis : chaque perte est montrée improbable d'engendrer un risque — " + facts.map(\.fr).joined(separator: " ; "),
            en: "Facts established: each loss is shown unlikely to result in a risk — " + facts.map(\.en).joined(separator: "; ")))
        guard scored == .unlikely || !overriddenByDPO else {
            weighed.reasons.append(LocalizedText(
                fr: "Le DPO retient un niveau plus prudent que les faits : il est conservé.",
                en: "The DPO keeps a more cautious tier than the facts require: it stands."))
            return weighed
        }
        weighed.level = .unlikely
        weighed.exemptingFacts = facts
        if scored != .unlikely {
            weighed.reasons.append(LocalizedText(
                fr: "Le score ENISA seul soutiendrait « \(levelFR(scored)) » ; il n'est qu'un élément : les faits ci-dessus l'emportent (lignes directrices 9/2022 du CEPD, §IV.B).",
                en: "The ENISA score alone would support '\(scored.rawValue)'; it is one input only: the facts above outweigh it (EDPB Guidelines 9/2022, §IV.B)."))
        }
        return weighed
    }

    /// No fact shows the breach unlikely to result in a risk: at least a risk, high when an aggravating
    /// fact is recorded.
    private static func weighRisk(_ weighing: FactWeighing, scored: RiskLevel) -> Weighed {
        var weighed = Weighed(level: scored)
        let missing = weighing.unexemptedNatures.map { weighing.missingFact(for: $0) }
        if scored == .unlikely {
            weighed.level = .risk
            let because = missing.isEmpty
                ? LocalizedText(fr: "un préjudice a déjà été constaté", en: "harm has already been seen")
                : LocalizedText(fr: missing.map(\.fr).joined(separator: " ; "), en: missing.map(\.en).joined(separator: "; "))
            weighed.reasons.append(LocalizedText(
                fr: "L'art. 33(1) n'exempte que la violation improbable d'engendrer un risque, et aucun fait enregistré ne le montre (\(because.fr)) : notifier l'autorité ; dans le doute, notifier (lignes directrices 9/2022 du CEPD, §II.D et §IV.B).",
                en: "Art. 33(1) exempts only a breach unlikely to result in a risk, and no recorded fact shows this one is (\(because.en)): notify the authority; in doubt, notify (EDPB Guidelines 9/2022, §II.D and §IV.B)."))
        }
        let aggravations = weighing.aggravations
        for aggravation in aggravations {
            weighed.reasons.append(LocalizedText(fr: "Facteur aggravant : " + aggravation.fr, en: "Aggravating fact: " + aggravation.en))
        }
        if !aggravations.isEmpty, weighed.level != .high {
            weighed.level = .high
            weighed.reasons.append(LocalizedText(
                fr: "Ces faits rendent le risque élevé, quel que soit le score : notifier l'autorité et informer les personnes (art. 34(1)).",
                en: "These facts make the risk high, whatever the score: notify the authority and tell the data subjects (Art. 34(1))."))
        } else if aggravations.isEmpty, scored != .unlikely {
            weighed.reasons.append(LocalizedText(
                fr: "Niveau « \(levelFR(weighed.level)) » maintenu : aucun fait ne montre la violation improbable d'engendrer un risque (\(missing.map(\.fr).joined(separator: " ; "))).",
                en: "Tier '\(weighed.level.rawValue)' kept: no fact shows the breach unlikely to result in a risk (\(missing.map(\.en).joined(separator: "; ")))."))
        }
        return weighed
    }

    // MARK: The clock

    /// Where `breach` stands against its `deadline` at `now`.
    private static func clock(of breach: Breach, notifyAuthority: Bool?, deadline: Date, now: Date) -> ClockState {
        if let initial = breach.initialNotification {
            initial.at <= deadline ? .notifiedInTime : .notifiedLate
        } else if notifyAuthority == false {
            .notRequired
        } else if now > deadline {
            .overdue
        } else if deadline.timeIntervalSince(now) <= 24 * 3600 {
            .dueSoon
        } else {
            .inTime
        }
    }

    // MARK: Words

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

    static func levelFR(_ level: RiskLevel) -> String {
        switch level {
        case .unlikely: "risque improbable"
        case .risk: "risque"
        case .high: "risque élevé"
        }
    }
}
