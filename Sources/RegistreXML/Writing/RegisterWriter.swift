public import RegistreCore

/// Writes registers in the registre XML format.
///
/// The output is canonical: elements in the schema's order, attributes in a fixed order, two-space
/// indents, UTF-8, a final newline. Reading a canonical file and writing it again gives the same bytes,
/// and reading what was written gives the same register.
public enum RegisterWriter {
    /// The canonical XML of `register`.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func bytes(of register: Register) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try RegisterStreamWriter { bytes += $0 }
        for entry in register.entries { try writer.write(entry) }
        try writer.finish()
        return bytes
    }

    static func write(_ entry: RegisterEntry, context: Register, to xml: XMLStreamWriter) throws {
        switch entry {
        case .title(let title, let period):
            try xml.element("title", title)
            if let period {
                try xml.element("review-period", attributes: ["value": String(period.value), "unit": period.unit.rawValue], text: nil)
            }
        case .organisation(let organisation): try write(organisation, to: xml)
        case .activity(let activity): try write(activity, to: xml)
        case .processorRecord(let record): try write(record, to: xml)
        case .agreement(let agreement): try ContractWriter.write(agreement, to: xml)
        case .matrix(let matrix): try ContractWriter.write(matrix, to: xml)
        case .audit(let audit): try ContractWriter.write(audit, to: xml)
        case .breach(let breach): try BreachWriter.write(breach, in: context, to: xml)
        case .campaign(let campaign): try CampaignWriter.write(campaign, to: xml)
        case .request(let request): try RequestWriter.write(request, to: xml)
        }
    }

    private static func write(_ organisation: Organisation, to xml: XMLStreamWriter) throws {
        try xml.start("organisation")
        try xml.attribute("id", organisation.id)
        try xml.attribute("public-body", organisation.isPublicBody ? "true" : nil)
        try xml.attribute("targets-union", organisation.targetsUnion.map { $0 ? "true" : "false" })
        try xml.attribute("regime", organisation.regime?.rawValue)
        try xml.element("name", organisation.name)
        for identifier in organisation.identifiers {
            try xml.element("identifier", attributes: ["scheme": identifier.scheme], text: identifier.value)
        }
        try xml.element("address", organisation.address)
        try xml.element("country", organisation.country)
        try xml.element("region", organisation.region)
        for establishment in organisation.establishments ?? [] { try xml.element("establishment", establishment) }
        try xml.element("email", organisation.email)
        try xml.element("phone", organisation.phone)
        try xml.element("time-zone", organisation.timeZone)
        try write(organisation.legalRepresentative, as: "legal-representative", to: xml)
        try write(organisation.euRepresentative, as: "eu-representative", to: xml)
        try write(organisation.dpo, as: "dpo", to: xml)
        for member in organisation.members { try reference("member", member, to: xml) }
        try xml.end()
    }

    static func write(_ contact: Contact?, as name: String, to xml: XMLStreamWriter) throws {
        guard let contact else { return }
        try xml.start(name)
        try xml.element("name", contact.name)
        try xml.element("role", contact.role)
        try xml.element("email", contact.email)
        try xml.element("phone", contact.phone)
        try xml.element("address", contact.address)
        try xml.end()
    }

    static func reference(_ name: String, _ id: EntityID, to xml: XMLStreamWriter) throws {
        try xml.element(name, attributes: ["ref": id], text: nil)
    }

    private static func write(_ activity: ProcessingActivity, to xml: XMLStreamWriter) throws {
        try xml.start("activity")
        try xml.attribute("id", activity.id)
        try xml.attribute("status", activity.status.rawValue)
        try xml.attribute("model", activity.isModel ? "true" : nil)
        try xml.element("name", activity.name)
        try xml.element("created", activity.created?.iso)
        try xml.element("last-reviewed", activity.lastReviewed?.iso)
        try reference("controller", activity.controller, to: xml)
        for joint in activity.jointControllers {
            try xml.start("joint-controller")
            try xml.attribute("ref", joint.organisation)
            try xml.element("arrangement", joint.arrangement)
            try xml.end()
        }
        try xml.element("application", activity.application)
        for purpose in activity.purposes { try xml.element("purpose", purpose) }
        for basis in activity.legalBases {
            try xml.element("legal-basis", attributes: ["article": basis.basis.rawValue], text: basis.reference)
        }
        for data in activity.specialCategories {
            try xml.element(
                "special-category",
                attributes: ["category": data.category.rawValue, "condition": data.condition?.rawValue],
                text: data.detail
            )
        }
        if let data = activity.criminalOffenceData {
            try xml.start("criminal-offence-data")
            try xml.element("description", data.description)
            try xml.element("legal-ground", data.legalGround)
            try xml.end()
        }
        for category in activity.dataSubjects { try write(category, as: "data-subject", to: xml) }
        for category in activity.dataCategories { try write(category, as: "data-category", to: xml) }
        for recipient in activity.recipients {
            try xml.element("recipient", attributes: ["kind": recipient.kind.rawValue, "agreement": recipient.agreement], text: recipient.label)
        }
        for transfer in activity.transfers { try write(transfer, to: xml) }
        for period in activity.retention { try write(period, to: xml) }
        for measure in activity.securityMeasures { try write(measure, to: xml) }
        for engagement in activity.processors { try write(engagement, as: "processor", to: xml) }
        if let assessment = activity.impactAssessment {
            try xml.start("impact-assessment")
            try xml.attribute("status", assessment.status?.rawValue)
            for criterion in assessment.criteria { try xml.element("criterion", criterion.rawValue) }
            try xml.element("completed", assessment.completed?.iso)
            try xml.element("reference", assessment.reference)
            try xml.end()
        }
        if let link = activity.modelRole?.link {
            try xml.start("follows")
            try xml.attribute("ref", link.model)
            for item in link.ownItems { try xml.element("own", item.rawValue) }
            try xml.end()
        }
        try xml.end()
    }

    private static func write(_ record: ProcessorRecord, to xml: XMLStreamWriter) throws {
        try xml.start("processor-record")
        try xml.attribute("id", record.id)
        try reference("processor", record.processor, to: xml)
        try reference("controller", record.controller, to: xml)
        try xml.element("created", record.created?.iso)
        try xml.element("last-reviewed", record.lastReviewed?.iso)
        for category in record.processingCategories { try xml.element("processing-category", category) }
        for transfer in record.transfers { try write(transfer, to: xml) }
        for measure in record.securityMeasures { try write(measure, to: xml) }
        for engagement in record.subProcessors { try write(engagement, as: "sub-processor", to: xml) }
        try xml.end()
    }

    private static func write(_ category: Category, as name: String, to xml: XMLStreamWriter) throws {
        try xml.element(name, attributes: ["code": category.code], text: category.label)
    }

    private static func write(_ transfer: Transfer, to xml: XMLStreamWriter) throws {
        try xml.start("transfer")
        try xml.attribute("safeguard", transfer.safeguard?.rawValue)
        try xml.element("recipient", transfer.recipient)
        switch transfer.destination {
        case .country(let code): try xml.element("country", code)
        case .internationalOrganisation(let name): try xml.element("international-organisation", name)
        }
        try xml.element("documentation", transfer.documentation)
        try xml.element("stated-safeguard", transfer.statedSafeguard)
        try xml.end()
    }

    private static func write(_ period: RetentionPeriod, to xml: XMLStreamWriter) throws {
        try xml.start("retention")
        try xml.element("data", period.data)
        switch period.rule {
        case .duration(let length, let from):
            try xml.element(
                "duration", attributes: ["value": String(length.value), "unit": length.unit.rawValue], text: nil)
            try xml.element("from", from)
        case .criterion(let criterion):
            try xml.element("criterion", criterion)
        }
        try xml.element("then", period.then)
        try xml.end()
    }

    private static func write(_ measure: SecurityMeasure, to xml: XMLStreamWriter) throws {
        try xml.element("security-measure", attributes: ["kind": measure.kind.rawValue], text: measure.description)
    }

    private static func write(_ engagement: ProcessorEngagement, as name: String, to xml: XMLStreamWriter) throws {
        try xml.start(name)
        try xml.attribute("ref", engagement.processor)
        try xml.element("service", engagement.service)
        try xml.element("agreement", engagement.agreement)
        try xml.end()
    }
}
