import CLibXML2

/// A thin, throwing face of libxml2's `xmlTextWriter`, writing UTF-8 into memory with two-space indents.
///
/// libxml2 does the escaping and the well-formedness bookkeeping; this type only turns its status codes
/// into errors and keeps the calls short.
final class XMLStreamWriter {
    typealias Failure = XMLWriteError

    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() throws(Failure) {
        _ = LibXML.ready
        guard let buffer = xmlBufferCreate() else { throw Failure(operation: "buffer creation") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw Failure(operation: "writer creation")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(Failure) {
        if status < 0 { throw Failure(operation: operation()) }
    }

    /// libxml2 takes C strings: a NUL in a Swift string would end the value there, silently. XML 1.0 has
    /// no way to write one anyway, so a value holding one is refused rather than cut short.
    private func whole(_ value: String, _ what: @autoclosure () -> String) throws(Failure) -> String {
        guard !value.utf8.contains(0) else { throw Failure(operation: "\(what()): a NUL character (U+0000), which XML cannot hold") }
        return value
    }

    func startDocument() throws(Failure) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "document start")
    }

    func start(_ name: String) throws(Failure) {
        try check(xmlTextWriterStartElement(writer, name), "<\(name)>")
    }

    func end() throws(Failure) {
        try check(xmlTextWriterEndElement(writer), "element end")
    }

    func attribute(_ name: String, _ value: String?) throws(Failure) {
        guard let value else { return }
        try check(xmlTextWriterWriteAttribute(writer, name, try whole(value, "attribute \(name)")), "attribute \(name)")
    }

    func text(_ value: String) throws(Failure) {
        try check(xmlTextWriterWriteString(writer, try whole(value, "text")), "text")
    }

    /// `<name>value</name>`, or nothing when the value is absent.
    func element(_ name: String, _ value: String?) throws(Failure) {
        guard let value else { return }
        try check(xmlTextWriterWriteElement(writer, name, try whole(value, "<\(name)>")), "<\(name)>")
    }

    /// An element with attributes and text content, written on one line.
    func element(_ name: String, attributes: KeyValuePairs<String, String?>, text: String?) throws(Failure) {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text, !text.isEmpty { try self.text(text) }
        try end()
    }

    /// Bytes already written as XML (an entry's kept fragment), copied as they are. The first raw write
    /// under an element whose start tag is still open closes that tag (`>`), as a child element would.
    func raw(_ bytes: [UInt8]) throws(Failure) {
        // In pieces libxml2's Int32 length can say: a fragment read from a database may be of any size.
        var start = 0
        while start < bytes.count {
            let length = min(bytes.count - start, Int(Int32.max))
            let status = bytes[start..<start + length].withUnsafeBufferPointer {
                xmlTextWriterWriteRawLen(writer, $0.baseAddress, Int32($0.count))
            }
            try check(status, "raw bytes")
            start += length
        }
    }

    /// How many bytes wait in the buffer.
    var pending: Int { Int(xmlBufferLength(buffer)) }

    /// Takes what has been written so far out of the buffer, so that a long document never sits whole in
    /// memory.
    func drain() throws(Failure) -> [UInt8] {
        try check(xmlTextWriterFlush(writer), "flush")
        guard let content = xmlBufferContent(buffer) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        xmlBufferEmpty(buffer)
        return bytes
    }

    /// Ends the document and gives its bytes.
    func finish() throws(Failure) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "document end")
        try check(xmlTextWriterFlush(writer), "flush")
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
