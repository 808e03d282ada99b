import CLibXML2

/// The process-wide settings of libxml2 that registre relies on, applied once before any document is
/// read or written.
enum LibXML {
    /// Touch this before using libxml2.
    static let ready: Void = {
        xmlInitParser()
        // Nothing registre reads may pull in anything from outside the document: no DTD, no external
        // entity, no XInclude, no network. Parse options already say so (no DTDLOAD, no NOENT, NONET);
        // this loader makes it hold even if a future option slips, by refusing every load request.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Parse options for documents from outside: line numbers past 65535 stay right, the network is never
    /// used, and entities are never substituted (a DOCTYPE is refused before any could be). CDATA
    /// sections stay nodes of their own, which the reader joins to the text around them: with
    /// XML_PARSE_NOCDATA, libxml2's streaming reader hands over a text that a CDATA section merged into
    /// after it was read, and the section's characters were lost.
    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// A libxml2 string as Swift text.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
