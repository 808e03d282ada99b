public import Foundation
public import RegistreCore

/// Writes the documents of the contract commands: the audit notice and the list of deadlines, both in the
/// register schema, both languages side by side.
public enum ScheduleWriter {
    /// The notice of an audit to its processor, as a document of the register schema.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func auditNotice(_ audit: AuditRequest, in register: Register) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("audit-notice")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("id", audit.id)
        let agreement = register.agreement(audit.agreement)
        try xml.element("requester", register.organisation(audit.requester)?.name ?? audit.requester)
        try xml.element("auditee", register.organisation(audit.auditee)?.name ?? audit.auditee)
        try xml.element("agreement", agreement?.title ?? audit.agreement)
        try xml.element("clause", agreement?.clause(.audits)?.reference)
        try xml.element("scope", audit.scope)
        try xml.element("auditor", audit.auditor)
        try xml.element("notified", audit.notified.iso)
        try xml.element("planned-start", audit.plannedStart.iso)
        if let agreement {
            try xml.element("earliest-start", AuditScheduling.earliestStart(notified: audit.notified, agreement: agreement, in: register)?.iso)
        }
        try xml.element("kickoff-meeting", audit.kickoffMeeting?.iso)
        try xml.element("closing-meeting", audit.closingMeeting?.iso)
        try xml.element("processor-invited-to-meetings", agreement?.auditTerms?.processorInvitedToMeetings == true ? "true" : "false")
        try xml.element("reports-shared", agreement?.auditTerms?.reportsShared == true ? "true" : "false")
        try xml.end()
        return try xml.finish()
    }

    /// The deadlines of the register as a `<deadlines>` document, the moment of the list (`now`) included.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func deadlines(_ deadlines: [ScheduledDeadline], now: Date) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("deadlines")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("now", Instant.utcMilliseconds(now))
        for deadline in deadlines {
            try xml.start("deadline")
            try xml.attribute("day", deadline.dueDay.iso)
            try xml.attribute("due", Instant.utcMilliseconds(deadline.due))
            try xml.attribute("time-zone", deadline.timeZone.identifier)
            try xml.attribute("status", deadline.status(at: now).rawValue)
            try xml.attribute("subject", deadline.subject.kind.rawValue)
            try xml.attribute("id", deadline.subject.id)
            try xml.attribute("organisation", deadline.organisation)
            try xml.element("source", deadline.source)
            for language in Language.allCases {
                try xml.element("what", attributes: ["lang": language.rawValue], text: deadline.what[language])
            }
            try xml.end()
        }
        try xml.end()
        return try xml.finish()
    }
}
