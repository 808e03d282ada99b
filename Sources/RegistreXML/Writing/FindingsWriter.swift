public import RegistreCore

/// Writes what `registre check` found as a `<findings>` document of the register schema, both languages
/// side by side so that one file serves every reader.
public enum FindingsWriter {
    /// The document of `findings`, naming the register file checked (`source`).
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func bytes(of findings: [Finding], source: String?) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("findings")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("source", source)
        try xml.attribute("errors", String(findings.filter { $0.severity == .error }.count))
        try xml.attribute("warnings", String(findings.filter { $0.severity == .warning }.count))
        for finding in findings {
            try xml.start("finding")
            try xml.attribute("code", finding.code.rawValue)
            try xml.attribute("severity", finding.severity.rawValue)
            try xml.attribute("subject", finding.subject.kind.rawValue)
            try xml.attribute("id", finding.subject.id)
            try xml.element("article", finding.article)
            for language in Language.allCases {
                try xml.element("message", attributes: ["lang": language.rawValue], text: finding.message[language])
            }
            try xml.end()
        }
        try xml.end()
        return try xml.finish()
    }
}
