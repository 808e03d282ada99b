import Foundation
public import RegistreCore

/// Writes `registre members` as a `<members>` document of the register schema, most urgent first.
public enum MembersWriter {
    /// The document of the members of `structure`, naming the register file read (`source`).
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func bytes(of overview: [MemberOverview], structure: EntityID, source: String?) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("members")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("structure", structure)
        try xml.attribute("source", source)
        for member in overview {
            try xml.start("member")
            try xml.attribute("ref", member.member)
            try xml.attribute("activities", String(member.activities))
            try xml.attribute("never-reviewed", String(member.unreviewedActivities))
            try xml.attribute("last-review", member.lastReview?.iso)
            try xml.attribute("errors", String(member.errors))
            try xml.attribute("warnings", String(member.warnings))
            try xml.element("name", member.name)
            for breach in member.openBreaches {
                try xml.element("open-breach", attributes: [
                    "ref": breach.id, "clock": breach.clock.rawValue, "deadline": Instant.utc(breach.deadline),
                ], text: breach.title)
            }
            for deadline in member.overdueDeadlines {
                try write(deadline, as: "overdue-deadline", to: xml)
            }
            for window in member.openObjectionWindows {
                try write(window, as: "objection-window", to: xml)
            }
            try xml.end()
        }
        try xml.end()
        return try xml.finish()
    }

    private static func write(_ deadline: ScheduledDeadline, as name: String, to xml: XMLStreamWriter) throws {
        try xml.start(name)
        try xml.attribute("subject", deadline.subject.id)
        try xml.attribute("due", deadline.dueDay.iso)
        try xml.attribute("source", deadline.source)
        for language in Language.allCases {
            try xml.element("message", attributes: ["lang": language.rawValue], text: deadline.what[language])
        }
        try xml.end()
    }
}
