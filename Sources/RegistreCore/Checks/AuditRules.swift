/// Art. 28(3)(h): audits happen under the agreement's terms: once the processor is told, after the
/// notice it sets, no more often than its cap allows; and the dates recorded of an audit tell a story
/// that can have happened (``timelineRules``), so that the record shows the audit as it was.
enum AuditRules {
    static let all: [Rule] = [agreementKnown, beforeNotified, noticeRespected, capRespected] + timelineRules

    /// The rules an audit's own dates must pass before a command records them: kickoff, closing and
    /// report in their order, none before the audit starts.
    static let timelineRules: [Rule] = [kickoffBeforeStart, closingBeforeKickoff, reportBeforeStart]

    static let kickoffBeforeStart = Rule.audit(.audit_kickoff_before_start, "Art. 28(3)(h)") { audit, _ in
        guard let kickoff = audit.kickoffMeeting else { return [] }
        return .error(
            if: kickoff < audit.plannedStart,
            fr: "La réunion de lancement (\(kickoff.iso)) précède le début prévu de l'audit (\(audit.plannedStart.iso)) : elle en ouvre le déroulement, après le préavis.",
            en: "The kickoff meeting (\(kickoff.iso)) is before the audit's planned start (\(audit.plannedStart.iso)): it opens the audit, once the notice has run.")
    }

    static let closingBeforeKickoff = Rule.audit(.audit_closing_before_kickoff, "Art. 28(3)(h)") { audit, _ in
        guard let closing = audit.closingMeeting else { return [] }
        if let kickoff = audit.kickoffMeeting {
            return .error(
                if: closing < kickoff,
                fr: "La réunion de clôture (\(closing.iso)) précède la réunion de lancement (\(kickoff.iso)) : l'audit finirait avant d'avoir commencé.",
                en: "The closing meeting (\(closing.iso)) is before the kickoff meeting (\(kickoff.iso)): the audit would end before it began.")
        }
        return .error(
            if: closing < audit.plannedStart,
            fr: "La réunion de clôture (\(closing.iso)) précède le début prévu de l'audit (\(audit.plannedStart.iso)) : l'audit finirait avant d'avoir commencé.",
            en: "The closing meeting (\(closing.iso)) is before the audit's planned start (\(audit.plannedStart.iso)): the audit would end before it began.")
    }

    static let reportBeforeStart = Rule.audit(.audit_report_before_start, "Art. 28(3)(h)") { audit, _ in
        guard let report = audit.reportShared else { return [] }
        if report < audit.notified {
            return [.error(
                fr: "Le rapport aurait été communiqué au sous-traitant le \(report.iso), avant même qu'il soit informé de l'audit (le \(audit.notified.iso)).",
                en: "The report would have been sent to the processor on \(report.iso), before it was even told of the audit (on \(audit.notified.iso)).")]
        }
        return .error(
            if: report < audit.plannedStart,
            fr: "Le rapport aurait été communiqué au sous-traitant le \(report.iso), avant le début prévu de l'audit (\(audit.plannedStart.iso)).",
            en: "The report would have been sent to the processor on \(report.iso), before the audit's planned start (\(audit.plannedStart.iso)).")
    }

    static let agreementKnown = Rule.audit(.audit_agreement_unknown, "Art. 28(3)(h)") { audit, register in
        .error(
            if: register.agreement(audit.agreement) == nil,
            fr: "L'audit s'appuie sur l'accord « \(audit.agreement) », qui n'est pas dans le registre.",
            en: "The audit relies on the agreement '\(audit.agreement)', which is not in the register.")
    }

    static let beforeNotified = Rule.audit(.audit_before_notified, "Art. 28(3)(h)") { audit, register in
        obstacles(of: audit, in: register).compactMap { obstacle in
            guard case .beforeNotified(let earliest, let notice) = obstacle else { return nil }
            let clause = notice.map { LocalizedText(fr: " (préavis : \($0.source.fr))", en: " (notice: \($0.source.en))") }
            return .error(
                fr: "L'audit commence le \(audit.plannedStart.iso), avant que le sous-traitant en soit informé (le \(audit.notified.iso)) : il ne peut commencer qu'à partir du \(earliest.iso)\(clause?.fr ?? "").",
                en: "The audit starts on \(audit.plannedStart.iso), before the processor is told of it (on \(audit.notified.iso)): it cannot start before \(earliest.iso)\(clause?.en ?? "").")
        }
    }

    static let noticeRespected = Rule.audit(.audit_notice_too_short, "Art. 28(3)(h)") { audit, register in
        obstacles(of: audit, in: register).compactMap { obstacle in
            guard case .noticeTooShort(let notice) = obstacle else { return nil }
            return .error(
                fr: "L'audit commence le \(audit.plannedStart.iso), avant la fin du préavis de l'accord (\(notice.explanation.fr)) : il ne peut commencer qu'à partir du \(notice.day.iso).",
                en: "The audit starts on \(audit.plannedStart.iso), before the agreement's notice period ends (\(notice.explanation.en)): it cannot start before \(notice.day.iso).")
        }
    }

    /// Judged once every audit is known: an audit later in the file may have started earlier.
    static let capRespected = Rule.auditAcrossEntries(.audit_cap_exceeded, "Art. 28(3)(h)") { audit, register in
        obstacles(of: audit, in: register).compactMap { obstacle in
            guard case .beyondCap(let previous, let cap) = obstacle else { return nil }
            return .error(
                fr: "L'audit commence le \(audit.plannedStart.iso), moins de \(PeriodWords.describe(cap.term.period).fr) après l'audit « \(previous.id) » (commencé le \(previous.plannedStart.iso)) : l'accord limite la fréquence des audits (\(cap.explanation.fr)) ; premier jour possible : \(cap.day.iso).",
                en: "The audit starts on \(audit.plannedStart.iso), less than \(PeriodWords.describe(cap.term.period).en) after the audit '\(previous.id)' (started on \(previous.plannedStart.iso)): the agreement caps how often audits happen (\(cap.explanation.en)); first day allowed: \(cap.day.iso).")
        }
    }

    private static func obstacles(of audit: AuditRequest, in register: Register) -> [AuditScheduling.Obstacle] {
        guard let agreement = register.agreement(audit.agreement) else { return [] }
        return AuditScheduling.obstacles(to: audit, agreement: agreement, in: register)
    }
}
