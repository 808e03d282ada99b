import CLibXML2

/// The compiled XSD of the register format (`Docs/registre.xsd`, embedded at build time).
///
/// A compiled libxml2 schema is read-only once built and may be shared by validations on any thread.
public final class Schema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// The schema registre reads with: `Docs/registre.xsd` as it was when registre was built, less its
    /// identity constraints (unique ids, references). libxml2 keeps every key and every reference of a
    /// document until its end to check those, so memory would grow with the register; registre checks the
    /// same rules itself as it reads (`IdentityCheck`), in memory that holds only the ids.
    static let register: Schema = {
        guard let source = EmbeddedResources.files["registre.xsd"], let schema = Schema(xsd: source, identityConstraints: false) else {
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

    init?(xsd: String, identityConstraints: Bool = true) {
        _ = LibXML.ready
        let bytes = Array(xsd.utf8)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "registre.xsd", "UTF-8", LibXML.parseOptions)
            }
        }
        guard let document else { return nil }
        if !identityConstraints { Self.removeIdentityConstraints(xmlDocGetRootElement(document)) }
        // The parser context owns the document from here and frees it with itself.
        guard let context = xmlSchemaNewDocParserCtxt(document) else {
            xmlFreeDoc(document)
            return nil
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        guard let parsed = xmlSchemaParse(context) else { return nil }
        pointer = parsed
    }

    /// Unlinks every xs:unique, xs:key and xs:keyref below `node`.
    private static func removeIdentityConstraints(_ node: xmlNodePtr?) {
        var child = node?.pointee.children
        while let current = child {
            child = current.pointee.next
            let name = current.pointee.name.map { String(cString: $0) }
            if current.pointee.type == XML_ELEMENT_NODE, ["unique", "key", "keyref"].contains(name) {
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            } else {
                removeIdentityConstraints(current)
            }
        }
    }

    deinit { xmlSchemaFree(pointer) }
}
