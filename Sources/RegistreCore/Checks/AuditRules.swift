/// Art. 28(3)(h): audits happen under the agreement's terms, after the notice it sets.
enum AuditRules {
    static let all: [Rule] = [agreementKnown, noticeRespected]

    static let agreementKnown = Rule.audit("AUDIT-AGREEMENT-UNKNOWN", "Art. 28(3)(h)") { audit, register in
        .error(
            if: register.agreement(audit.agreement) == nil,
            fr: "L'audit s'appuie sur l'accord « \(audit.agreement) », qui n'est pas dans le registre.",
            en: "The audit relies on the agreement '\(audit.agreement)', which is not in the register.")
    }

    static let noticeRespected = Rule.audit("AUDIT-NOTICE-TOO-SHORT", "Art. 28(3)(h)") { audit, register in
        guard let agreement = register.agreement(audit.agreement),
              case .refused(let earliest) = AuditScheduling.decide(start: audit.plannedStart, notified: audit.notified, agreement: agreement, in: register)
        else { return [] }
        return [.error(
            fr: "L'audit commence le \(audit.plannedStart.iso), avant la fin du préavis de l'accord : il ne peut commencer qu'à partir du \(earliest.iso).",
            en: "The audit starts on \(audit.plannedStart.iso), before the agreement's notice period ends: it cannot start before \(earliest.iso).")]
    }
}
