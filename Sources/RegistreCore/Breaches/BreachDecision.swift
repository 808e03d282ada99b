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
    /// Recorded facts that cannot both be true; the decision took the less favourable of each pair.
    public var contradictions: [FactContradiction]
    /// The exception of Art. 34(3) the decision relies on: recorded, and its conditions shown by the
    /// register; nil otherwise.
    public var exceptionReliedOn: SubjectCommunication.Exception?

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
            contradictions = weighed.contradictions
            reasons += weighed.reasons
            self.score = score
            level = weighed.level
            exemptingFacts = weighed.exemptingFacts
            overridden = assessment.override.map { $0.level != score.supportedLevel } ?? false
            scoredLevel = scored
        } else {
            score = nil
            contradictions = FactContradiction.all(in: breach)
            level = nil
            scoredLevel = nil
            exemptingFacts = []
            overridden = false
            reasons.append(LocalizedText(fr: "Le risque n'a pas encore été évalué.", en: "The risk has not been assessed yet."))
        }
        notifyAuthority = level.map { $0 != .unlikely }
        let exception = breach.communication?.exception
        let unmet = exception.map { $0.unmetConditions(in: breach) } ?? []
        exceptionReliedOn = level == .high && unmet.isEmpty ? exception : nil
        communicateToSubjects = level.map { $0 == .high && (exception == nil || !unmet.isEmpty) }
        if level == .high, let exception {
            reasons.append(Self.exceptionReason(exception, unmet: unmet))
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

    /// Why an exception of Art. 34(3) is relied on, or why it cannot be: a decision relies only on an
    /// exception whose conditions the register shows (EDPB Guidelines 9/2022, §III.D).
    private static func exceptionReason(_ exception: SubjectCommunication.Exception, unmet: [LocalizedText]) -> LocalizedText {
        let article = LocalizedText(fr: exception.article.replacingOccurrences(of: "Art.", with: "art."), en: exception.article)
        guard !unmet.isEmpty else {
            return LocalizedText(
                fr: "Risque élevé, mais l'exception de l'\(article.fr) est invoquée : pas de communication aux personnes.",
                en: "High risk, but the exception of \(article.en) is relied on: no communication to the data subjects.")
        }
        return LocalizedText(
            fr: "Risque élevé : communication aux personnes requise (art. 34(1)). L'exception de l'\(article.fr) est inscrite, mais le registre n'en montre pas les conditions — " + unmet.map(\.fr).joined(separator: " "),
            en: "High risk: communication to the data subjects required (Art. 34(1)). The exception of \(article.en) is recorded, but the register does not show its conditions — " + unmet.map(\.en).joined(separator: " "))
    }

    // MARK: The facts

    /// The tier the facts lead to, the facts that exempt the breach from notification, and why.
    private struct Weighed {
        var level: RiskLevel
        var exemptingFacts: [LocalizedText] = []
        var reasons: [LocalizedText] = []
        var contradictions: [FactContradiction] = []
    }

    /// Weighs the recorded facts against the `scored` tier (the score's, or the DPO's when
    /// `overriddenByDPO`), loss by loss and fact by fact (EDPB Guidelines 9/2022, §IV.B): a fact that
    /// shows a loss unlikely to result in a risk takes that loss to "no risk"; a fact that lowers only the
    /// likelihood of misuse takes it one tier down, never more, so that no such fact takes a high
    /// severity to "no risk"; a loss no fact weighs on is at least a risk; aggravating facts make it high.
    private static func weigh(_ breach: Breach, scored: RiskLevel, overriddenByDPO: Bool) -> Weighed {
        let weighing = FactWeighing(breach: breach)
        var weighed = Weighed(level: scored, contradictions: weighing.contradictions)
        weighed.reasons += weighing.contradictions.map {
            LocalizedText(fr: "Faits contradictoires : " + $0.words.fr + ".", en: "Contradictory facts: " + $0.words.en + ".")
        }
        var tiers: [RiskLevel] = []
        var facts: [LocalizedText] = []
        for nature in breach.nature {
            guard let effect = weighing.effect(on: nature) else {
                tiers.append(rank(scored) < rank(.risk) ? .risk : scored)
                continue
            }
            let (tier, reason) = apply(effect, to: scored, overriddenByDPO: overriddenByDPO)
            tiers.append(tier)
            facts.append(effect.words)
            weighed.reasons.append(reason)
        }
        weighed.reasons += weighing.factsThatDoNotCount
        weighed.level = tiers.max { rank($0) < rank($1) } ?? scored
        let missing = weighing.unexemptedNatures.map { weighing.missingFact(for: $0) }
        if weighed.level == .unlikely {
            weighed.exemptingFacts = facts
            if scored != .unlikely {
                weighed.reasons.append(LocalizedText(
                    fr: "Le score ENISA seul soutiendrait « \(levelFR(scored)) » ; il n'est qu'un élément : les faits ci-dessus l'emportent (lignes directrices 9/2022 du CEPD, §IV.B).",
                    en: "The ENISA score alone would support '\(scored.rawValue)'; it is one input only: the facts above outweigh it (EDPB Guidelines 9/2022, §IV.B)."))
            }
        } else if scored == .unlikely, !missing.isEmpty {
            weighed.reasons.append(LocalizedText(
                fr: "L'art. 33(1) n'exempte que la violation improbable d'engendrer un risque, et aucun fait enregistré ne le montre (\(missing.map(\.fr).joined(separator: " ; "))) : notifier l'autorité ; dans le doute, notifier (lignes directrices 9/2022 du CEPD, §II.D et §IV.B).",
                en: "Art. 33(1) exempts only a breach unlikely to result in a risk, and no recorded fact shows this one is (\(missing.map(\.en).joined(separator: "; "))): notify the authority; in doubt, notify (EDPB Guidelines 9/2022, §II.D and §IV.B)."))
        }
        addAggravations(weighing, to: &weighed, missing: missing)
        return weighed
    }

    /// What one fact does to the `scored` tier of its loss, and the reason that says so.
    private static func apply(_ effect: FactWeighing.Effect, to scored: RiskLevel, overriddenByDPO: Bool) -> (RiskLevel, LocalizedText) {
        if overriddenByDPO, scored != .unlikely {
            return (scored, LocalizedText(
                fr: "Fait — \(effect.words.fr) : le DPO retient un niveau plus prudent (« \(levelFR(scored)) ») ; il est conservé.",
                en: "Fact — \(effect.words.en): the DPO keeps a more cautious tier ('\(scored.rawValue)'); it stands."))
        }
        switch effect.strength {
        case .showsUnlikely:
            return (.unlikely, LocalizedText(
                fr: "Fait — \(effect.words.fr) : cette perte est montrée improbable d'engendrer un risque.",
                en: "Fact — \(effect.words.en): this loss is shown unlikely to result in a risk."))
        case .lowersLikelihood:
            let lowered: RiskLevel = switch scored {
            case .high: .risk
            case .risk, .unlikely: .unlikely
            }
            return (lowered, LocalizedText(
                fr: "Fait — \(effect.words.fr) : réduit la probabilité d'un mauvais usage, non la gravité — un niveau de moins au plus, « \(levelFR(scored)) » → « \(levelFR(lowered)) ».",
                en: "Fact — \(effect.words.en): lowers the likelihood of misuse, not the severity — one tier down at most, '\(scored.rawValue)' → '\(lowered.rawValue)'."))
        }
    }

    /// Raises the tier to high when an aggravating fact is recorded, and says why the tier stands otherwise.
    private static func addAggravations(_ weighing: FactWeighing, to weighed: inout Weighed, missing: [LocalizedText]) {
        let aggravations = weighing.aggravations
        for aggravation in aggravations {
            weighed.reasons.append(LocalizedText(fr: "Facteur aggravant : " + aggravation.fr, en: "Aggravating fact: " + aggravation.en))
        }
        if !aggravations.isEmpty {
            weighed.exemptingFacts = []
            if weighed.level != .high {
                weighed.level = .high
                weighed.reasons.append(LocalizedText(
                    fr: "Ces faits rendent le risque élevé, quel que soit le score : notifier l'autorité et informer les personnes (art. 34(1)).",
                    en: "These facts make the risk high, whatever the score: notify the authority and tell the data subjects (Art. 34(1))."))
            }
        } else if weighed.level != .unlikely, !missing.isEmpty {
            weighed.reasons.append(LocalizedText(
                fr: "Niveau « \(levelFR(weighed.level)) » maintenu : aucun fait ne montre la violation improbable d'engendrer un risque (\(missing.map(\.fr).joined(separator: " ; "))).",
                en: "Tier '\(weighed.level.rawValue)' kept: no fact shows the breach unlikely to result in a risk (\(missing.map(\.en).joined(separator: "; ")))."))
        }
    }

    /// The tiers in order, from no risk to high risk.
    private static func rank(_ level: RiskLevel) -> Int {
        switch level {
        case .unlikely: 0
        case .risk: 1
        case .high: 2
        }
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
