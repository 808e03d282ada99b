public import Foundation
public import RegistreCore

/// A request of a person as text: its line in a list, the summary an act prints, and the whole request
/// with, for access, what Art. 15(1) asks, taken from the register's activities (`AccessAnswer`).
public enum RequestText {
    /// One line: id, state at `now`, last day, rights, controller.
    /// - Parameters:
    ///   - request: the request.
    ///   - register: holds its controller (whose calendar counts the month).
    ///   - now: the moment the state is read at.
    ///   - language: the language of the state.
    public static func line(_ request: DataSubjectRequest, in register: Register, now: Date, language: Language) -> String {
        let clock = RequestClock(request, in: register)
        let due = clock.dueDay?.iso ?? "-"
        let rights = request.rights.map(\.rawValue).joined(separator: ",")
        return "\(request.id)  \(clock.state(at: now).rawValue)  \(due)  \(rights)  \(request.controller)\n"
    }

    /// The request's clock as an act leaves it: its last day and state, and what the rules find.
    /// - Parameters:
    ///   - request: the request.
    ///   - register: holds its controller (whose calendar counts the month).
    ///   - now: the moment the state is read at.
    ///   - language: the language of the words.
    public static func summary(_ request: DataSubjectRequest, in register: Register, now: Date, language: Language) -> String {
        let clock = RequestClock(request, in: register)
        let words = language == .fr
            ? (clock: "Délai (art. 12(3))", first: "Premier mois", state: "État", suspended: "jours suspendus (identité)")
            : (clock: "Time limit (Art. 12(3))", first: "First month", state: "State", suspended: "days suspended (identity)")
        var lines = ["\(request.id) — \(request.rights.map { $0.name[language] }.joined(separator: ", "))"]
        lines.append("  \(words.state) : \(clock.state(at: now).words[language])")
        lines.append("  \(words.clock) : \(clock.dueDay?.iso ?? "-")")
        if clock.extensionHolds, let first = clock.firstMonth { lines.append("  \(words.first) : \(first.iso)") }
        if clock.suspendedDays > 0 { lines.append("  \(clock.suspendedDays) \(words.suspended)") }
        var alone = register
        alone.requests = [request]
        for finding in RegisterCheck.findings(in: alone, now: now, rules: RegisterCheck.requestRules) {
            lines.append("  \(finding.code) \(finding.article) : \(ReportText.inline(finding.message[language]))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole request: how it came, its clock, its answer and, for access, the content of Art. 15(1)
    /// from the activities it names.
    /// - Parameters:
    ///   - request: the request.
    ///   - register: holds its controller and the activities it names.
    ///   - now: the moment the state is read at.
    ///   - language: the language of the words.
    public static func show(_ request: DataSubjectRequest, in register: Register, now: Date, language: Language) -> String {
        let fr = language == .fr
        func label(_ french: String, _ english: String) -> String { fr ? french : english }
        var lines: [String] = []
        lines.append(summary(request, in: register, now: now, language: language).trimmingCharacters(in: .newlines))
        lines.append("  \(label("Personne (référence)", "Person (reference)")) : \(ReportText.inline(request.person))")
        lines.append("  \(label("Responsable", "Controller")) : \(request.controller)")
        let through = request.receipt.service.map { ReportText.inline($0) } ?? label("DPO", "DPO")
        lines.append("  \(label("Reçue", "Received")) : \(request.receipt.day.iso), \(request.receipt.channel.rawValue), \(through)")
        if let identity = request.identity {
            lines.append("  \(label("Identité (art. 12(6))", "Identity (Art. 12(6))")) : \(identity.asked.iso) → \(identity.received?.iso ?? "…")"
                + (identity.doubt.map { " — \(ReportText.inline($0))" } ?? ""))
        }
        if let extended = request.extended {
            lines.append("  \(label("Prolongation", "Extension")) : \(extended.decided.iso), \(label("personne informée", "person told")) \(extended.personTold?.iso ?? "-") — \(ReportText.inline(extended.reason))")
        }
        if let abuse = request.manifestAbuse {
            lines.append("  \(label("Art. 12(5)", "Art. 12(5)")) : \(abuse.ground.rawValue)" + (abuse.reasoning.map { " — \(ReportText.inline($0))" } ?? ""))
        }
        if let answer = request.answer {
            lines.append("  \(label("Réponse", "Answer")) : \(answer.sent.iso), \(answer.outcome.rawValue)"
                + (answer.reason.map { " — \(ReportText.inline($0))" } ?? "")
                + (answer.exception.map { " (\(ReportText.inline($0)))" } ?? ""))
            if answer.withholds {
                lines.append("  \(label("Voies de recours indiquées (art. 12(4))", "Remedies given (Art. 12(4))")) : \(Vocabulary.yesNo(answer.remediesGiven)[language])")
            }
        }
        if let recipients = request.recipients {
            lines.append("  \(label("Destinataires (art. 19)", "Recipients (Art. 19)")) : \(recipients.kind.rawValue), \(recipients.day.iso)")
        }
        for processing in request.unregisteredProcessing {
            lines.append("  \(label("Traitement hors registre", "Processing not in the register")) : \(ReportText.inline(processing))")
        }
        if request.rights.contains(.access) {
            let answer = AccessAnswer(request, in: register)
            lines.append("")
            lines.append(label("Informations de l'article 15(1), depuis le registre", "Information of Art. 15(1), from the register"))
            for processing in answer.processing {
                lines.append("  \(processing.id) — \(ReportText.inline(processing.name))")
                func list(_ name: String, _ values: [String]) {
                    lines.append("    \(name) : \(values.isEmpty ? "-" : values.map(ReportText.inline).joined(separator: " ; "))")
                }
                list(label("Finalités (a)", "Purposes (a)"), processing.purposes)
                list(label("Catégories de données (b)", "Categories of data (b)"), processing.dataCategories)
                list(label("Destinataires (c)", "Recipients (c)"), processing.recipients)
                list(label("Transferts (c), art. 15(2)", "Transfers (c), Art. 15(2)"), processing.transfers)
                list(label("Durée de conservation (d)", "Retention (d)"), processing.retention.map { $0[language] })
                list(label("Droits (e)", "Rights (e)"), processing.rights.map { "\($0.name[language]) (\($0.article))" })
                lines.append("    \(label("Source (g)", "Source (g)")) : \(label("non tenue par le registre", "not kept by the register"))")
            }
            if answer.processing.isEmpty {
                lines.append("  " + label("Aucune activité du registre n'est rattachée à la demande.", "No activity of the register is linked to the request."))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
