public import Foundation
public import RegistreCore

/// The notification report of a breach, in the order of the CNIL's online form: who notifies, what
/// happened and when, the data and people concerned, the likely consequences, the measures, the risk
/// and the decision, the notifications made and the 72-hour deadline, the communication to the people.
/// Each item of Art. 33(3) that is not recorded is said to be missing, never left out.
public enum BreachReport {
    /// The report of `breach` at `now`, in `language`, its parties read from `register`.
    ///
    /// - Parameters:
    ///   - breach: the breach reported.
    ///   - register: holds its controller, its agreement and the activities it names (their names).
    ///   - now: the moment the clock and the decision are judged at.
    ///   - language: the report's language.
    ///   - folded: false keeps each item on one line, for a reader of the layout (the ODT export).
    ///   - withheld: activities the breach names that the report's reader may not read (another
    ///     organisation's, on the desk): each is said to be another organisation's, its id and name never
    ///     written.
    public static func render(
        _ breach: Breach, in register: Register, now: Date, language: Language, folded: Bool = true, withholding withheld: Set<EntityID> = []
    ) -> String {
        Templates.render(
            "breach-report", language.rawValue,
            BreachView(breach: breach, register: register, now: now, language: language, withheld: withheld).dictionary,
            folded: folded
        )
    }
}

/// The breach register of Art. 33(5): every breach, notified or not.
public enum BreachRegisterReport {
    /// The breach register of `register` in `language`, each breach's clock at `now`.
    public static func render(_ register: Register, now: Date, language: Language) -> String {
        let view: [String: Any] = [
            "count": register.breaches.count,
            "breaches": register.breaches.map { BreachView(breach: $0, register: register, now: now, language: language).dictionary },
        ]
        return Templates.render("breach-register", language.rawValue, view)
    }
}

/// What the breach templates see.
struct BreachView {
    let breach: Breach
    let register: Register
    let now: Date
    let language: Language
    /// The activities named only as another organisation's (`BreachReport.render(…withholding:)`).
    var withheld: Set<EntityID> = []

    var zone: TimeZone {
        OrganisationTimeZone.of(breach.controller, in: register)
    }

    func local(_ date: Date?) -> String? { date.map { Instant.wallClock($0, in: zone) } }

    var dictionary: [String: Any] {
        let decision = BreachDecision(breach, in: register, now: now)
        let controller = register.organisation(breach.controller)
        var view: [String: Any] = [
            "id": breach.id,
            "title": breach.title,
            "controller": controller?.name ?? breach.controller,
            "aware": local(breach.aware)!,
            "nature": breach.nature.map { Vocabulary.label($0)[language] }.joined(separator: ", "),
            "measures": breach.measures,
            "deadlineLocal": Instant.wallClock(decision.deadline, in: zone),
            "deadlineUTC": Instant.wallClock(decision.deadline, in: .gmt),
            "clock": Vocabulary.label(decision.clock)[language],
            "reasons": decision.reasons.map { $0[language] },
            "notifications": breach.notifications.sorted { $0.at < $1.at }.map { notification -> [String: Any] in
                var view: [String: Any] = [
                    "kind": (notification.kind == .initial
                        ? LocalizedText(fr: "initiale", en: "initial") : LocalizedText(fr: "complémentaire", en: "follow-up"))[language],
                    "at": local(notification.at)!,
                ]
                view["reference"] = notification.reference
                if notification.complete { view["complete"] = true }
                return view
            },
            "missing": breach.missingNotificationItems.map(\.article),
            "complete": breach.missingNotificationItems.isEmpty,
        ]
        view["siren"] = controller?.identifiers.compactMap(\.siren).first
        view["legalRepresentative"] = controller?.legalRepresentative.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: ", ") }
        view["contact"] = breach.contact.map { [$0.name, $0.role, $0.email, $0.phone].compactMap { $0 }.joined(separator: " — ") }
        view["occurredFrom"] = local(breach.occurredFrom)
        view["occurredTo"] = local(breach.occurredTo)
        view["detected"] = local(breach.detected)
        view["processorNotified"] = local(breach.processorNotifiedController)
        view["processorIncident"] = breach.processorIncident
        view["description"] = breach.description
        view["approximateSubjects"] = breach.subjects.map { $0.words[language] }
        view["approximateRecords"] = breach.records.map { $0.words[language] }
        view["facts"] = BreachFactWords.lines(of: breach, in: language)
        view["exemptingFacts"] = decision.exemptingFacts.map { $0[language] }
        if !decision.exemptingFacts.isEmpty { view["exempted"] = true }
        view["consequences"] = breach.likelyConsequences
        view["delayReasons"] = breach.delayReasons
        view["level"] = decision.level.map { Vocabulary.label($0)[language] }
        view["notifyAuthority"] = decision.notifyAuthority.map { Vocabulary.yesNo($0)[language] }
        view["communicateToSubjects"] = decision.communicateToSubjects.map { Vocabulary.yesNo($0)[language] }
        view["communicated"] = local(breach.communication?.at)
        view["exception"] = breach.communication?.exception.map { Vocabulary.label($0)[language] }
        view["communicationDetail"] = breach.communication?.detail
        view["activities"] = Self.inline(breach.activities.map { id in
            withheld.contains(id) ? Self.otherOrganisationsActivity[language] : register.activities.first { $0.id == id }?.name ?? id
        })
        view["dataSubjectCategories"] = Self.inline(breach.dataSubjectCategories)
        view["dataCategories"] = Self.inline(breach.dataCategories)
        view["measuresInline"] = Self.inline(breach.measures)
        view["missingInline"] = breach.missingNotificationItems.map(\.article).joined(separator: ", ")
        view["agreement"] = breach.agreement.map { register.agreement($0)?.title ?? $0 }
        return view
    }

    /// What stands for an activity the reader may not read: whose it is, never its id or name.
    static let otherOrganisationsActivity = LocalizedText(
        fr: "un traitement d'une autre organisation", en: "an activity of another organisation")

    /// A list on one line, or nothing when it is empty.
    static func inline(_ items: [String]) -> String? {
        items.isEmpty ? nil : items.joined(separator: " ; ")
    }

}

/// What a command that changed a breach prints: the decision and the clock after the change, with the
/// reasons, so that whoever records a fact sees at once what it changes.
public enum BreachDecisionSummary {
    /// The decision on `breach` at `now` and its reasons, in `language`.
    public static func render(_ breach: Breach, in register: Register, now: Date, language: Language) -> String {
        let decision = BreachDecision(breach, in: register, now: now)
        let zone = OrganisationTimeZone.of(breach.controller, in: register)
        let undecided = LocalizedText(fr: "à décider", en: "to be decided")[language]
        let words = language == .fr
            ? (level: "Niveau", authority: "Notifier l'autorité", people: "Informer les personnes", clock: "Délai de 72 heures", reasons: "Raisons")
            : (level: "Risk tier", authority: "Notify the authority", people: "Tell the data subjects", clock: "72-hour clock", reasons: "Reasons")
        var lines = [
            "\(breach.id) — \(breach.title)",
            "  \(words.level) : \(decision.level.map { Vocabulary.label($0)[language] } ?? undecided)",
            "  \(words.authority) : \(decision.notifyAuthority.map { Vocabulary.yesNo($0)[language] } ?? undecided)",
            "  \(words.people) : \(decision.communicateToSubjects.map { Vocabulary.yesNo($0)[language] } ?? undecided)",
            "  \(words.clock) : \(Vocabulary.label(decision.clock)[language]) — \(Instant.wallClock(decision.deadline, in: zone))",
            "  \(words.reasons) :",
        ]
        lines += decision.reasons.map { "    - \($0[language])" }
        return lines.joined(separator: "\n") + "\n"
    }
}
