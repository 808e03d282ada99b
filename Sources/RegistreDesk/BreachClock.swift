import Foundation
import RegistreCore
import RegistreReports

/// The 72-hour clock of a breach as a page shows it: the deadline in the controller's time zone, the time
/// left (or how late), and the state in words.
struct BreachClock {
    let breach: Breach
    let decision: BreachDecision
    let zone: TimeZone
    let now: Date

    init(_ breach: Breach, in register: Register, now: Date) {
        self.breach = breach
        self.decision = BreachDecision(breach, in: register, now: now)
        let organisation = register.organisation(breach.controller)
        self.zone = OrganisationTimeZone.of(organisation)
        self.now = now
    }

    /// Whether the clock still runs: not notified, and a notification may be due.
    var isOpen: Bool { [.inTime, .dueSoon, .overdue].contains(decision.clock) }

    func view(_ language: Language) -> [String: Any] {
        let seconds = Int(decision.deadline.timeIntervalSince(now))
        let hours = abs(seconds) / 3600, minutes = abs(seconds) % 3600 / 60
        let span = "\(hours) h \(String(format: "%02d", minutes)) min"
        let remaining = seconds >= 0
            ? LocalizedText(fr: "reste \(span)", en: "\(span) left")
            : LocalizedText(fr: "en retard de \(span)", en: "\(span) late")
        return [
            "id": breach.id, "title": breach.title,
            "aware": LocalTime.describe(breach.aware, in: zone),
            "deadline": LocalTime.describe(decision.deadline, in: zone),
            "deadlineISO": Instant.utc(decision.deadline),
            "state": decision.clock.rawValue,
            "stateLabel": Vocabulary.label(decision.clock)[language],
            "remaining": isOpen ? remaining[language] : "",
            "late": seconds < 0 && isOpen,
            "open": isOpen,
        ]
    }
}
