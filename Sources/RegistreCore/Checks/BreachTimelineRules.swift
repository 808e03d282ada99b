import Foundation

/// The times of a breach must tell a possible story: it starts before it ends, it is detected no later
/// than the controller becomes aware of it, nobody is aware of it before the moment of the check, and
/// the authority is notified once the controller is aware (Art. 33(1), Art. 33(5): the documentation
/// must let the authority verify compliance).
enum BreachTimelineRules {
    static let all: [Rule] = [endBeforeStart, startedAfterAwareness, detectedAfterAwareness, awareInFuture, recordedInFuture, notifiedBeforeAwareness, followUpBeforeInitial]

    static let endBeforeStart = Rule.breach(.breach_end_before_start, "Art. 33(5)") { breach, _, _ in
        guard let from = breach.occurredFrom, let to = breach.occurredTo, to < from else { return [] }
        return [.error(
            fr: "occurred-to (\(Instant.utc(to))) précède occurred-from (\(Instant.utc(from))) : la violation finirait avant d'avoir commencé.",
            en: "occurred-to (\(Instant.utc(to))) is before occurred-from (\(Instant.utc(from))): the breach would end before it started.")]
    }

    static let startedAfterAwareness = Rule.breach(.breach_started_after_awareness, "Art. 33(1), Art. 33(5)") { breach, _, _ in
        guard let from = breach.occurredFrom, from > breach.aware else { return [] }
        return [.error(
            fr: "occurred-from (\(Instant.utc(from))) suit aware (\(Instant.utc(breach.aware))) : on ne peut avoir connaissance d'une violation avant qu'elle commence.",
            en: "occurred-from (\(Instant.utc(from))) is after aware (\(Instant.utc(breach.aware))): nobody is aware of a breach before it starts.")]
    }

    static let detectedAfterAwareness = Rule.breach(.breach_detected_after_awareness, "Art. 33(1)") { breach, _, _ in
        guard let detected = breach.detected, detected > breach.aware else { return [] }
        return [.error(
            fr: "detected (\(Instant.utc(detected))) suit aware (\(Instant.utc(breach.aware))) : la prise de connaissance suppose la détection ; les 72 heures courent au plus tard de la détection par le responsable.",
            en: "detected (\(Instant.utc(detected))) is after aware (\(Instant.utc(breach.aware))): awareness presupposes detection; the 72 hours run at the latest from the controller's detection.")]
    }

    static let awareInFuture = Rule.breach(.breach_aware_in_future, "Art. 33(1)") { breach, _, now in
        guard let now, breach.aware > now else { return [] }
        return [.error(
            fr: "aware (\(Instant.utc(breach.aware))) est postérieur au moment de la vérification (\(Instant.utc(now))) : une prise de connaissance ne peut être future.",
            en: "aware (\(Instant.utc(breach.aware))) is after the moment of the check (\(Instant.utc(now))): awareness cannot lie in the future.")]
    }

    /// A notification or a communication is recorded once made: dated after the moment of the check, it
    /// has not happened. (When awareness itself lies in the future, ``awareInFuture`` says so alone.)
    static let recordedInFuture = Rule.breach(.breach_recorded_in_future, "Art. 33(5)") { breach, _, now in
        guard let now, breach.aware <= now else { return [] }
        var findings: [Rule.Gap] = []
        if let late = breach.notifications.map(\.at).filter({ $0 > now }).min() {
            findings.append(.error(
                fr: "Notification du \(Instant.utc(late)) postérieure au moment de la vérification (\(Instant.utc(now))) : on n'enregistre une notification qu'une fois envoyée.",
                en: "Notification at \(Instant.utc(late)) is after the moment of the check (\(Instant.utc(now))): a notification is recorded once sent."))
        }
        if let told = breach.communication?.at, told > now {
            findings.append(.error(
                fr: "Communication aux personnes du \(Instant.utc(told)) postérieure au moment de la vérification (\(Instant.utc(now))) : on n'enregistre une communication qu'une fois faite.",
                en: "Communication to the data subjects at \(Instant.utc(told)) is after the moment of the check (\(Instant.utc(now))): a communication is recorded once made."))
        }
        return findings
    }

    static let notifiedBeforeAwareness = Rule.breach(.breach_notified_before_awareness, "Art. 33(1)") { breach, _, _ in
        guard let early = breach.notifications.filter({ $0.at < breach.aware }).min(by: { $0.at < $1.at }) else { return [] }
        return [.error(
            fr: "Notification du \(Instant.utc(early.at)) antérieure à aware (\(Instant.utc(breach.aware))) : on ne notifie que ce dont on a connaissance.",
            en: "Notification at \(Instant.utc(early.at)) is before aware (\(Instant.utc(breach.aware))): only what one is aware of can be notified.")]
    }

    static let followUpBeforeInitial = Rule.breach(.art33_4_follow_up_before_initial, "Art. 33(4)") { breach, _, _ in
        let initial = breach.notifications.filter { $0.kind == .initial }.map(\.at).min()
        let followUps = breach.notifications.filter { $0.kind == .followUp }
        guard let first = followUps.map(\.at).min(), initial.map({ first < $0 }) ?? true else { return [] }
        return [.error(
            fr: initial == nil
                ? "Notification complémentaire du \(Instant.utc(first)) sans notification initiale (art. 33(4) : l'information est fournie par phases, à partir d'une notification initiale)."
                : "Notification complémentaire du \(Instant.utc(first)) antérieure à la notification initiale.",
            en: initial == nil
                ? "Follow-up notification at \(Instant.utc(first)) with no initial notification (Art. 33(4): information comes in phases, from an initial notification)."
                : "Follow-up notification at \(Instant.utc(first)) is before the initial notification.")]
    }
}
