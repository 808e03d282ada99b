import RegistreCore

/// Writes a request of a person as an entry of the register (`<request>`), in the schema's order.
enum RequestWriter {
    static func write(_ request: DataSubjectRequest, to xml: XMLStreamWriter) throws {
        try xml.start("request")
        try xml.attribute("id", request.id)
        try xml.attribute("controller", request.controller)
        try xml.element("person", request.person)
        try xml.element("received", attributes: ["channel": request.receipt.channel.rawValue, "service": request.receipt.service],
                        text: request.receipt.day.iso)
        for right in request.rights { try xml.element("right", right.rawValue) }
        for activity in request.activities { try RegisterWriter.reference("activity", activity, to: xml) }
        for processing in request.unregisteredProcessing { try xml.element("unregistered-processing", processing) }
        if let identity = request.identity {
            try xml.start("identity-verification")
            try xml.element("asked", identity.asked.iso)
            try xml.element("received", identity.received?.iso)
            try xml.element("doubt", identity.doubt)
            try xml.end()
        }
        if let extended = request.extended {
            try xml.start("extension")
            try xml.element("decided", extended.decided.iso)
            try xml.element("reason", extended.reason)
            try xml.element("person-told", extended.personTold?.iso)
            try xml.end()
        }
        if let abuse = request.manifestAbuse {
            try xml.start("manifest-abuse")
            try xml.attribute("ground", abuse.ground.rawValue)
            try xml.element("reasoning", abuse.reasoning)
            try xml.end()
        }
        if let answer = request.answer {
            try xml.start("answer")
            try xml.attribute("outcome", answer.outcome.rawValue)
            try xml.attribute("remedies-given", answer.remediesGiven ? "true" : nil)
            try xml.element("sent", answer.sent.iso)
            try xml.element("reason", answer.reason)
            try xml.element("exception", answer.exception)
            try xml.end()
        }
        if let recipients = request.recipients {
            try xml.element("recipients", attributes: ["kind": recipients.kind.rawValue], text: recipients.day.iso)
        }
        if let retention = request.retention {
            try xml.element("retention", attributes: ["value": String(retention.value), "unit": retention.unit.rawValue], text: nil)
        }
        try xml.end()
    }
}
