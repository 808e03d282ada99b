import Foundation

/// The times of a breach must tell a possible story: it starts before it ends, it is detected no later
/// than the controller becomes aware of it, nobody is aware of it before the moment of the check, and
/// the authority is notified once the controller is aware (Art. 33(1), Art. 33(5): the documentation
/// must let the authority verify compliance).
enum BreachTimelineRules {
    static let all: [Rule] = [endBeforeStart, startedAfterAwareness, detectedAfterAwareness, awareInFuture, notifiedBeforeAwareness, followUpBeforeInitial]

    static let endBeforeStart = Rule.breach(.breach_end_before_start, "Art. 33(5)") { breach, _, _ in
        guard let from = breach.occurredFrom, let to = breach.occurredTo, to < from else { return [] }
        return [.error(
            fr: "occurred-to (\(Timestamp.iso(to))) précède occurred-from (\(Timestamp.iso(from))) : la violation finirait avant d'avoir commencé.",
            en: "occurred-to (\(Timestamp.iso(to))) is before occurred-from (\(Timestamp.iso(from))): the breach would end before it started.")]
    }

    static let startedAfterAwareness = Rule.breach(.breach_started_after_awareness, "Art. 33(1), Art. 33(5)") { breach, _, _ in
        guard let from = breach.occurredFrom, from > breach.aware else { return [] }
        return [.error(
            fr: "occurred-from (\(Timestamp.iso(from))) suit aware (\(Timestamp.iso(breach.aware))) : on ne peut avoir connaissance d'une violation avant qu'elle commence.",
            en: "occurred-from (\(Timestamp.iso(from))) is after aware (\(Timestamp.iso(breach.aware))): nobody is aware of a breach before it starts.")]
    }

    static let detectedAfterAwareness = Rule.breach(.breach_detected_after_awareness, "Art. 33(1)") { breach, _, _ in
        guard let detected = breach.detected, detected > breach.aware else { return [] }
        return [.error(
            fr: "detected (\(Timestamp.iso(detected))) suit aware (\(Timestamp.iso(breach.aware))) : la prise de connaissance suppose la détection ; les 72 heures courent au plus tard de la détection par le responsable.",
            en: "detected (\(Timestamp.iso(detected))) is after aware (\(Timestamp.iso(breach.aware))): awareness presupposes detection; the 72 hours run at the latest from the controller's detection.")]
    }

    static let awareInFuture = Rule.breach(.breach_aware_in_future, "Art. 33(1)") { breach, _, now in
        guard let now, breach.aware > now else { return [] }
        return [.error(
            fr: "aware (\(Timestamp.iso(breach.aware))) est postérieur au moment de la vérification (\(Timestamp.iso(now))) : une prise de connaissance ne peut être future.",
            en: "aware (\(Timestamp.iso(breach.aware))) is after the moment of the check (\(Timestamp.iso(now))): awareness cannot lie in the future.")]
    }

    static let notifiedBeforeAwareness = Rule.breach(.breach_notified_before_awareness, "Art. 33(1)") { breach, _, _ in
        guard let early = breach.notifications.filter({ $0.at < breach.aware }).min(by: { $0.at < $1.at }) else { return [] }
        return [.error(
            fr: "Notification du \(Timestamp.iso(early.at)) antérieure à aware (\(Timestamp.iso(breach.aware))) : on ne notifie que ce dont on a connaissance.",
            en: "Notification at \(Timestamp.iso(early.at)) is before aware (\(Timestamp.iso(breach.aware))): only what one is aware of can be notified.")]
    }

    static let followUpBeforeInitial = Rule.breach(.art33_4_follow_up_before_initial, "Art. 33(4)") { breach, _, _ in
        let initial = breach.notifications.filter { $0.kind == .initial }.map(\.at).min()
        let followUps = breach.notifications.filter { $0.kind == .followUp }
        guard let first = followUps.map(\.at).min(), initial.map({ first < $0 }) ?? true else { return [] }
        return [.error(
            fr: initial == nil
                ? "Notification complémentaire du \(Timestamp.iso(first)) sans notification initiale (art. 33(4) : l'information est fournie par phases, à partir d'une notification initiale)."
                : "Notification complémentaire du \(Timestamp.iso(first)) antérieure à la notification initiale.",
            en: initial == nil
                ? "Follow-up notification at \(Timestamp.iso(first)) with no initial notification (Art. 33(4): information comes in phases, from an initial notification)."
                : "Follow-up notification at \(Timestamp.iso(first)) is before the initial notification.")]
    }
}
