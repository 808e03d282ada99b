public import Foundation
public import RegistreCore

/// The responsibility matrix as a table that stays readable at 100 columns.
public enum MatrixTextReport {
    /// The text of `matrix` in `language`, parties named from `register`.
    public static func render(_ matrix: ResponsibilityMatrix, in register: Register, language: Language) -> String {
        let roles = LocalizedText(fr: "responsable du traitement", en: "controller")
        let processorRole = LocalizedText(fr: "sous-traitant", en: "processor")
        // A cell is laid out by the table: a value's line break is shown as `\n`, never made a line.
        func cell(_ value: String) -> String { ReportText.inline(value) }
        let headers = [LocalizedText(fr: "Domaine", en: "Domain")[language]] + matrix.parties.map { party in
            let name = cell(register.organisation(party.organisation)?.name ?? party.organisation)
            return "\(name) (\((party.role == .controller ? roles : processorRole)[language]))"
        }
        let none = LocalizedText(fr: "—", en: "—")[language]
        let rows = matrix.rows.map { row in
            [cell(row.label)] + matrix.parties.map { party in
                let obligations = row.cells.first { $0.party == party.organisation }?.obligations ?? []
                return obligations.isEmpty ? none : obligations.map { "- " + cell($0) }.joined(separator: "\n")
            }
        }
        let table = TextTable(headers: headers, rows: rows).render()
        return Templates.render("matrix", language.rawValue, ["title": ReportText.block(matrix.title), "table": table], folded: false)
    }
}

/// The chain of sub-processors of an agreement, as a tree under the processor.
public enum SubProcessorChainReport {
    /// The tree of `agreement`'s sub-processors in `language`, parties named from `register`.
    public static func render(_ agreement: DataProcessingAgreement, in register: Register, language: Language) -> String {
        func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }
        var lines: [String] = []
        func describe(_ sub: SubProcessor) -> String {
            var parts = [name(sub.organisation), sub.service]
            if !sub.countries.isEmpty { parts.append(sub.countries.joined(separator: ", ")) }
            if !sub.certifications.isEmpty { parts.append(sub.certifications.joined(separator: ", ")) }
            if let safeguard = sub.safeguard { parts.append(Vocabulary.label(safeguard)[language]) }
            if let since = sub.authorisedSince {
                parts.append(LocalizedText(fr: "autorisé depuis le ", en: "authorised since ")[language] + Vocabulary.format(since, in: language))
            }
            return parts.joined(separator: " — ")
        }
        var visited: Set<EntityID> = []
        func walk(under parent: EntityID, prefix: String) {
            let children = agreement.subProcessors.filter { $0.engagedBy == parent && !visited.contains($0.organisation) }
            for (index, sub) in children.enumerated() {
                visited.insert(sub.organisation)
                let last = index == children.count - 1
                lines.append(prefix + (last ? "└─ " : "├─ ") + describe(sub))
                walk(under: sub.organisation, prefix: prefix + (last ? "   " : "│  "))
            }
        }
        visited.insert(agreement.processor)
        walk(under: agreement.processor, prefix: "")
        var view: [String: Any] = ["title": agreement.title, "processor": name(agreement.processor), "lines": lines]
        view["authorisation"] = agreement.subProcessorAuthorisation.map { authorisation -> String in
            let kind = authorisation.kind == .general
                ? LocalizedText(fr: "générale", en: "general") : LocalizedText(fr: "spécifique", en: "specific")
            var text = kind[language]
            if let notice = authorisation.noticePeriod {
                text += LocalizedText(fr: ", préavis de ", en: ", notice of ")[language] + PeriodWords.describe(notice)[language]
            }
            if let objection = authorisation.objectionPeriod {
                text += LocalizedText(fr: ", délai d'opposition de ", en: ", objection period of ")[language]
                    + PeriodWords.describe(objection)[language]
            }
            return text
        }
        return Templates.render("subprocessors", language.rawValue, view)
    }
}

/// The notice a controller sends a processor before an audit (seed 004, annex 3, art. 3).
public enum AuditNoticeReport {
    /// `folded: false` keeps each item on one line, for a reader of the layout (the ODT export).
    public static func render(_ audit: AuditRequest, in register: Register, language: Language, folded: Bool = true) -> String {
        Templates.render("audit-notice", language.rawValue, view(audit, in: register, language: language), folded: folded)
    }

    static func view(_ audit: AuditRequest, in register: Register, language: Language) -> [String: Any] {
        func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }
        let agreement = register.agreement(audit.agreement)
        var view: [String: Any] = [
            "id": audit.id,
            "requester": name(audit.requester),
            "auditee": name(audit.auditee),
            "agreement": agreement?.title ?? audit.agreement,
            "notified": Vocabulary.format(audit.notified, in: language),
            "plannedStart": Vocabulary.format(audit.plannedStart, in: language),
            "invited": agreement?.auditTerms?.processorInvitedToMeetings == true,
            "reportsShared": agreement?.auditTerms?.reportsShared == true,
        ]
        view["clause"] = agreement?.clause(.audits)?.reference
        view["scope"] = audit.scope
        view["auditor"] = audit.auditor
        view["dpo"] = register.organisation(audit.auditee)?.dpo.map { [$0.name, $0.email].compactMap { $0 }.joined(separator: ", ") }
        view["kickoff"] = audit.kickoffMeeting.map { Vocabulary.format($0, in: language) }
        view["closing"] = audit.closingMeeting.map { Vocabulary.format($0, in: language) }
        if let agreement, let notice = agreement.auditTerms?.noticePeriod,
           let earliest = AuditScheduling.earliestStart(notified: audit.notified, agreement: agreement, in: register) {
            view["noticePeriod"] = PeriodWords.describe(notice)[language]
            view["earliest"] = Vocabulary.format(earliest, in: language)
        }
        return view
    }
}

/// The deadlines of a register, soonest first, each with its status at `now`.
public enum DeadlinesTextReport {
    /// The text of `deadlines` in `language`, with their status at `now`, naming the register file read (`source`).
    public static func render(_ deadlines: [ScheduledDeadline], now: Date, source: String, language: Language) -> String {
        let view: [String: Any] = [
            "source": source,
            "now": Instant.wallClock(now, in: OrganisationTimeZone.default),
            "deadlines": deadlines.map { deadline -> [String: Any] in
                let status: LocalizedText =
                    switch deadline.status(at: now) {
                    case .overdue: LocalizedText(fr: "DÉPASSÉE", en: "OVERDUE")
                    case .upcoming: LocalizedText(fr: "à venir", en: "upcoming")
                    case .outcomeToRecord: LocalizedText(
                        fr: "CLOS, issue à consigner (pas d'opposition, opposition maintenue, changement retiré)",
                        en: "CLOSED, outcome to record (no objection, objection upheld, change withdrawn)")
                    }
                return [
                    "day": deadline.dueDay.iso,
                    "status": status[language],
                    "subject": deadline.subject.description,
                    "what": deadline.what[language],
                    "source": deadline.source,
                ]
            },
        ]
        return Templates.render("deadlines", language.rawValue, view)
    }
}

/// "2026-03-30 16:30 (Europe/Paris)": RegistreCore's `Instant.wallClock(_:in:)`, which new code calls;
/// kept for the callers that still name it.
public enum LocalTime {
    /// The instant as a wall clock of `zone` shows it, with the zone's name: `Instant.wallClock(_:in:)`.
    public static func describe(_ instant: Date, in zone: TimeZone) -> String {
        Instant.wallClock(instant, in: zone)
    }
}
