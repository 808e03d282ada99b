import RegistreCore

/// Writes the contract side of a register: agreements, responsibility matrices, audits.
enum ContractWriter {
    /// An agreement in the schema's order: its parties and the Art. 28(3) particulars, then its clauses and
    /// terms, sub-processors, change notices and dated obligations.
    static func write(_ agreement: DataProcessingAgreement, to xml: XMLStreamWriter) throws {
        try xml.start("agreement")
        try xml.attribute("id", agreement.id)
        try xml.element("title", agreement.title)
        for controller in agreement.controllers { try RegisterWriter.reference("controller", controller, to: xml) }
        try RegisterWriter.reference("processor", agreement.processor, to: xml)
        try xml.element("signed", agreement.signed?.iso)
        try xml.element("term", agreement.term?.iso)
        try xml.element("duration", agreement.duration)
        try xml.element("subject-matter", agreement.subjectMatter)
        try xml.element("nature", agreement.nature)
        for purpose in agreement.purposes { try xml.element("purpose", purpose) }
        for type in agreement.dataTypes { try xml.element("data-type", type) }
        for subject in agreement.dataSubjects { try xml.element("data-subject", subject) }
        for clause in agreement.clauses {
            try xml.element("clause", attributes: ["article": clause.kind.rawValue, "reference": clause.reference], text: clause.summary)
        }
        if let authorisation = agreement.subProcessorAuthorisation { try write(authorisation, to: xml) }
        if let terms = agreement.auditTerms { try write(terms, to: xml) }
        if let terms = agreement.breachTerms { try write(terms, to: xml) }
        if let terms = agreement.transferTerms { try write(terms, to: xml) }
        try xml.element("calendar", agreement.calendar)
        for term in agreement.terms { try write(term, to: xml) }
        try xml.element("reversibility-requested", agreement.reversibilityRequested?.iso)
        for sub in agreement.subProcessors { try write(sub, to: xml) }
        for change in agreement.changeNotices { try write(change, to: xml) }
        for obligation in agreement.obligations { try write(obligation, to: xml) }
        try xml.end()
    }

    private static func write(_ authorisation: SubProcessorAuthorisation, to xml: XMLStreamWriter) throws {
        try xml.start("sub-processor-authorisation")
        try xml.attribute("kind", authorisation.kind.rawValue)
        try write(authorisation.noticePeriod, as: "notice-period", to: xml)
        try write(authorisation.objectionPeriod, as: "objection-period", to: xml)
        try xml.end()
    }

    private static func write(_ terms: AuditTerms, to xml: XMLStreamWriter) throws {
        try xml.start("audit-terms")
        try xml.attribute("processor-invited-to-meetings", terms.processorInvitedToMeetings ? "true" : nil)
        try xml.attribute("reports-shared", terms.reportsShared ? "true" : nil)
        try xml.attribute("access", terms.access?.rawValue)
        try write(terms.noticePeriod, as: "notice-period", to: xml)
        try xml.end()
    }

    private static func write(_ terms: BreachNotificationTerms, to xml: XMLStreamWriter) throws {
        try xml.start("breach-terms")
        switch terms.timeLimit {
        case .withoutUndueDelay: try xml.element("without-undue-delay", attributes: [:], text: nil)
        case .within(let period): try write(period, as: "time-limit", to: xml)
        case nil: break
        }
        for content in terms.contents { try xml.element("content", content.rawValue) }
        try xml.end()
    }

    private static func write(_ terms: TransferTerms, to xml: XMLStreamWriter) throws {
        try xml.start("transfer-terms")
        try xml.attribute("documented-instructions-only", terms.onDocumentedInstructionsOnly ? "true" : nil)
        for mechanism in terms.mechanisms { try xml.element("mechanism", mechanism.rawValue) }
        try xml.end()
    }

    private static func write(_ term: ContractTerm, to xml: XMLStreamWriter) throws {
        try xml.start("contract-term")
        try xml.attribute("kind", term.kind.rawValue)
        try xml.attribute("value", String(term.period.length.value))
        try xml.attribute("unit", term.period.length.unit.rawValue)
        try xml.attribute("counting", term.countingIsDefault == true ? nil : term.counting.rawValue)
        try xml.attribute("clause", term.clause)
        for exception in term.exceptions { try xml.element("exception", exception.rawValue) }
        try xml.end()
    }

    private static func write(_ sub: SubProcessor, to xml: XMLStreamWriter) throws {
        try xml.start("sub-processor")
        try xml.attribute("ref", sub.organisation)
        try xml.attribute("engaged-by", sub.engagedBy)
        try xml.attribute("safeguard", sub.safeguard?.rawValue)
        try xml.attribute("change-notice", sub.changeNotice)
        try xml.element("service", sub.service)
        for country in sub.countries { try xml.element("country", country) }
        for certification in sub.certifications { try xml.element("certification", certification) }
        try xml.element("authorised-since", sub.authorisedSince?.iso)
        try xml.end()
    }

    private static func write(_ change: SubProcessorChange, to xml: XMLStreamWriter) throws {
        try xml.start("change-notice")
        try xml.attribute("id", change.id)
        try xml.attribute("kind", change.kind.rawValue)
        try xml.attribute("sub-processor", change.subProcessor)
        try xml.attribute("replaces", change.replaces)
        try xml.attribute("outcome", change.outcome == .pending ? nil : change.outcome.rawValue)
        try xml.element("notice-date", change.noticeDate.iso)
        try xml.element("applied", change.applied?.iso)
        try xml.element("decided", change.decided?.iso)
        for answer in change.memberAnswers {
            try xml.start("member-answer")
            try xml.attribute("member", answer.member)
            try xml.attribute("outcome", answer.outcome.rawValue)
            try xml.attribute("by", answer.by)
            try xml.element("on", answer.on.iso)
            try xml.end()
        }
        try xml.end()
    }

    private static func write(_ obligation: DatedObligation, to xml: XMLStreamWriter) throws {
        try xml.start("obligation")
        try xml.attribute("id", obligation.id)
        try xml.attribute("direction", obligation.direction.rawValue)
        try xml.element("description", obligation.description)
        try write(obligation.period, as: "period", to: xml)
        try xml.element("event", obligation.event)
        try xml.element("event-date", obligation.eventDate?.iso)
        try xml.element("reference", obligation.reference)
        try xml.element("fulfilled", obligation.fulfilled?.iso)
        try xml.end()
    }

    static func write(_ matrix: ResponsibilityMatrix, to xml: XMLStreamWriter) throws {
        try xml.start("responsibility-matrix")
        try xml.attribute("id", matrix.id)
        try xml.attribute("agreement", matrix.agreement)
        try xml.element("title", matrix.title)
        for party in matrix.parties {
            try xml.element("party", attributes: ["ref": party.organisation, "role": party.role.rawValue], text: nil)
        }
        for row in matrix.rows {
            try xml.start("domain")
            try xml.attribute("name", row.domain.rawValue)
            try xml.element("label", row.label)
            for cell in row.cells {
                for obligation in cell.obligations {
                    try xml.element("obligation", attributes: ["party": cell.party], text: obligation)
                }
            }
            try xml.end()
        }
        try xml.end()
    }

    static func write(_ audit: AuditRequest, to xml: XMLStreamWriter) throws {
        try xml.start("audit")
        try xml.attribute("id", audit.id)
        try xml.attribute("agreement", audit.agreement)
        try xml.attribute("requester", audit.requester)
        try xml.attribute("auditee", audit.auditee)
        try xml.attribute("ground", audit.ground?.rawValue)
        try xml.element("scope", audit.scope)
        try xml.element("auditor", audit.auditor)
        try xml.element("notified", audit.notified.iso)
        try xml.element("planned-start", audit.plannedStart.iso)
        try xml.element("kickoff-meeting", audit.kickoffMeeting?.iso)
        try xml.element("closing-meeting", audit.closingMeeting?.iso)
        try xml.element("report-shared", audit.reportShared?.iso)
        try xml.end()
    }

    private static func write(_ period: DeadlinePeriod?, as name: String, to xml: XMLStreamWriter) throws {
        guard let period else { return }
        try xml.element(name, attributes: [
            "value": String(period.length.value), "unit": period.length.unit.rawValue,
            "working-days": period.workingDays ? "true" : nil,
        ], text: nil)
    }
}
