import CLibXML2

/// The compiled XSD of the register format (`Docs/registre.xsd`, embedded at build time).
///
/// A compiled libxml2 schema is read-only once built and may be shared by validations on any thread.
public final class Schema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// The schema registre reads and writes: `Docs/registre.xsd` as it was when registre was built.
    public static let register: Schema = {
        guard let source = EmbeddedResources.files["registre.xsd"], let schema = Schema(xsd: source) else {
            fatalError("the embedded Docs/registre.xsd does not compile: the build is broken")
        }
        return schema
    }()

    /// The text of the XSD, as shipped in `Docs/`.
    public static var registerSource: String { EmbeddedResources.files["registre.xsd"] ?? "" }

    /// The namespace of every registre document.
    public static let namespace = "urn:registre:1"
    /// The format version this build reads and writes.
    public static let version = "1.0"

    init?(xsd: String) {
        _ = LibXML.ready
        let bytes = Array(xsd.utf8)
        let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                return xmlSchemaParse(context)
            }
        }
        guard let parsed else { return nil }
        pointer = parsed
    }

    deinit { xmlSchemaFree(pointer) }
}
