public import RegistreCore

/// Writes a review campaign: as an entry of the register (`<campaign>`), and as the report of where its
/// members stand (`<campaign-report>`, what `campaign status` and `campaign close` print as XML).
public enum CampaignWriter {
    static func write(_ campaign: ReviewCampaign, to xml: XMLStreamWriter) throws {
        try xml.start("campaign")
        try xml.attribute("id", campaign.id)
        try xml.attribute("structure", campaign.structure)
        try xml.element("title", campaign.title)
        for member in campaign.members { try RegisterWriter.reference("member", member, to: xml) }
        try xml.element("opened", campaign.opened.iso)
        try xml.element("due", campaign.due.iso)
        try xml.element("closed", campaign.closed?.iso)
        for confirmation in campaign.confirmations {
            try xml.start("confirmation")
            try xml.attribute("activity", confirmation.activity)
            try xml.attribute("member", confirmation.member)
            try xml.attribute("outcome", confirmation.outcome.rawValue)
            try xml.element("by", confirmation.confirmedBy)
            try xml.element("on", confirmation.confirmedOn.iso)
            try xml.end()
        }
        try xml.end()
    }

    /// The campaign and, per member, each activity under review with its confirmation (who, when, what)
    /// or none yet.
    /// - Throws: ``XMLWriteError`` when libxml2's writer fails.
    public static func report(of campaign: ReviewCampaign, progress: [CampaignReview.MemberProgress], source: String?) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("campaign-report")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("source", source)
        try xml.attribute("campaign", campaign.id)
        try xml.attribute("structure", campaign.structure)
        try xml.attribute("opened", campaign.opened.iso)
        try xml.attribute("due", campaign.due.iso)
        try xml.attribute("closed", campaign.closed?.iso)
        try xml.element("title", campaign.title)
        for member in progress {
            try xml.start("member")
            try xml.attribute("ref", member.member)
            try xml.attribute("activities", String(member.activities.count))
            try xml.attribute("confirmed", String(member.confirmed))
            try xml.attribute("changed", String(member.changed))
            try xml.element("name", member.name)
            for review in member.activities {
                try xml.start("activity")
                try xml.attribute("ref", review.activity)
                try xml.attribute("outcome", review.confirmation?.outcome.rawValue)
                try xml.attribute("by", review.confirmation?.confirmedBy)
                try xml.attribute("on", review.confirmation?.confirmedOn.iso)
                try xml.element("name", review.name)
                try xml.end()
            }
            try xml.end()
        }
        try xml.end()
        return try xml.finish()
    }
}
