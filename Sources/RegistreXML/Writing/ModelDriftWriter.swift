public import RegistreCore

/// Writes what `registre model drift` found as a `<model-drift>` document of the register schema, each
/// item's message in both languages.
public enum ModelDriftWriter {
    /// The document of `items`, naming the register file read (`source`) and the model looked at.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func bytes(of items: [ModelDrift.Item], source: String?, model: EntityID?) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("model-drift")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("source", source)
        try xml.attribute("model", model)
        for item in items {
            try xml.start("item")
            try xml.attribute("member", item.member)
            try xml.attribute("activity", item.activity)
            try xml.attribute("model", item.model)
            try xml.attribute("item", item.item.rawValue)
            try xml.attribute("kind", item.kind.rawValue)
            for language in Language.allCases {
                try xml.element("message", attributes: ["lang": language.rawValue], text: item.message[language])
            }
            try xml.end()
        }
        try xml.end()
        return try xml.finish()
    }
}
