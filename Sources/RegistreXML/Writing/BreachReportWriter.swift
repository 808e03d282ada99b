public import Foundation
public import RegistreCore

/// Writes a breach's notification report, and the breach register, as documents of the register schema.
public enum BreachReportWriter {
    /// The notification report of `breach`: its facts and the decision on them at `now`.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func report(_ breach: Breach, in register: Register, now: Date) throws -> [UInt8] {
        let decision = BreachDecision(breach, in: register, now: now)
        let missing = breach.missingNotificationItems
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("breach-report")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("status", missing.isEmpty ? "complete" : "to-be-completed")
        try xml.element("controller", register.organisation(breach.controller)?.name ?? breach.controller)
        try xml.element("deadline", Instant.iso(decision.deadline, in: .gmt))
        try xml.element("clock", decision.clock.rawValue)
        if let score = decision.score {
            try xml.element("severity", attributes: [
                "dpc": String(score.dataProcessingContext), "ei": String(score.easeOfIdentification),
                "cb": String(score.circumstances), "se": String(score.value), "band": score.band.rawValue,
            ], text: nil)
        }
        try xml.element("level", decision.level?.rawValue)
        try xml.element("notify-authority", decision.notifyAuthority.map { $0 ? "true" : "false" })
        try xml.element("communicate-to-subjects", decision.communicateToSubjects.map { $0 ? "true" : "false" })
        for item in missing { try xml.element("missing", item.article) }
        for reason in decision.reasons {
            for language in Language.allCases {
                try xml.element("reason", attributes: ["lang": language.rawValue], text: reason[language])
            }
        }
        try BreachWriter.write(breach, in: register, to: xml)
        try xml.end()
        return try xml.finish()
    }

    /// The breach register (Art. 33(5)): every breach of `register`, notified or not.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func breachRegister(_ register: Register) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("breach-register")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        for breach in register.breaches { try BreachWriter.write(breach, in: register, to: xml) }
        try xml.end()
        return try xml.finish()
    }
}
