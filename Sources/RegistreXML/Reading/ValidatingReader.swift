import CLibXML2
import Foundation

/// Reads a document with libxml2's streaming reader, validating it against the schema as it goes, and
/// gives back its element tree only if the document is well formed, carries no DTD and is valid.
///
/// Refused before anything else is looked at: a DOCTYPE (and so every entity declaration, internal or
/// external), an entity reference, anything that would make the parser reach outside the document.
struct ValidatingReader {
    var schema: Schema = .register
    /// After this many diagnostics the rest are not worth reading.
    var diagnosticLimit = 50
    /// When set, each child of the root is handed over as soon as it closes and is not kept: memory stays
    /// flat whatever the size of the document. The root then comes back without children.
    var onTopLevel: ((XMLNode) -> Void)?

    func read(file path: String) throws(RegisterReadError) -> XMLNode {
        try read(DocumentWalk(file: path, schema: schema, diagnosticLimit: diagnosticLimit, handsOverTopLevel: onTopLevel != nil))
    }

    func read(bytes: [UInt8], name: String) throws(RegisterReadError) -> XMLNode {
        try read(DocumentWalk(bytes: bytes, name: name, schema: schema, diagnosticLimit: diagnosticLimit, handsOverTopLevel: onTopLevel != nil))
    }

    private func read(_ walk: DocumentWalk) throws(RegisterReadError) -> XMLNode {
        while let node = try walk.next() { onTopLevel?(node) }
        guard let root = walk.root else { throw RegisterReadError([XMLDiagnostic(file: walk.file, message: "holds no document")]) }
        return root
    }
}

/// One document read by libxml2's streaming reader, a step at a time as the caller asks: what lets a
/// register file be a cursor (``RegisterDocumentCursor``) rather than a callback. Owns the reader, the
/// open file or a copy of the bytes, and the diagnostics, until it is released.
final class DocumentWalk {
    let file: String
    /// The document's root, once its end has been read and found valid.
    private(set) var root: XMLNode?
    private let reader: xmlTextReaderPtr
    private let handsOverTopLevel: Bool
    private let collector: DiagnosticCollector
    private let context: Unmanaged<DiagnosticCollector>
    private let descriptor: Int32?
    private let buffer: UnsafeMutableBufferPointer<CChar>?
    private var stack: [XMLNode] = []
    private var closedTopLevel: XMLNode?
    private var ended = false

    convenience init(file path: String, schema: Schema, diagnosticLimit: Int, handsOverTopLevel: Bool) throws(RegisterReadError) {
        _ = LibXML.ready
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "cannot open: \(String(cString: strerror(errno)))")])
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw RegisterReadError([XMLDiagnostic(file: path, message: "is a directory, not a register file")])
        }
        if (status.st_mode & S_IFMT) == S_IFREG, status.st_size == 0 {
            close(descriptor)
            throw RegisterReadError([XMLDiagnostic(file: path, message: "is empty")])
        }
        // From a descriptor, not a path: a path would go through libxml2's I/O layer and its entity
        // loader, which registre keeps shut. No encoding is imposed: libxml2 finds it as xmllint does,
        // from the byte-order mark or the XML declaration (UTF-8 without either), so that a register
        // saved as UTF-16 is read, not refused at its first NUL byte.
        let reader = xmlReaderForFd(descriptor, path, nil, LibXML.parseOptions)
        try self.init(reader, file: path, descriptor: descriptor, buffer: nil, schema: schema, diagnosticLimit: diagnosticLimit, handsOverTopLevel: handsOverTopLevel)
    }

    convenience init(bytes: [UInt8], name: String, schema: Schema, diagnosticLimit: Int, handsOverTopLevel: Bool) throws(RegisterReadError) {
        _ = LibXML.ready
        if bytes.isEmpty { throw RegisterReadError([XMLDiagnostic(file: name, message: "is empty")]) }
        // libxml2 reads the bytes where they are, as long as the walk lasts: a copy of its own.
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes.lazy.map { CChar(bitPattern: $0) })
        let reader = xmlReaderForMemory(buffer.baseAddress, Int32(clamping: buffer.count), name, nil, LibXML.parseOptions)
        try self.init(reader, file: name, descriptor: nil, buffer: buffer, schema: schema, diagnosticLimit: diagnosticLimit, handsOverTopLevel: handsOverTopLevel)
    }

    private init(
        _ reader: xmlTextReaderPtr?, file: String, descriptor: Int32?, buffer: UnsafeMutableBufferPointer<CChar>?,
        schema: Schema, diagnosticLimit: Int, handsOverTopLevel: Bool
    ) throws(RegisterReadError) {
        guard let reader else {
            if let descriptor { close(descriptor) }
            buffer?.deallocate()
            throw RegisterReadError([XMLDiagnostic(file: file, message: "cannot start reading (out of memory?)")])
        }
        guard xmlTextReaderSetSchema(reader, schema.pointer) == 0 else {
            xmlFreeTextReader(reader)
            if let descriptor { close(descriptor) }
            buffer?.deallocate()
            throw RegisterReadError([XMLDiagnostic(file: file, message: "cannot attach the register schema")])
        }
        self.reader = reader
        self.file = file
        self.descriptor = descriptor
        self.buffer = buffer
        self.handsOverTopLevel = handsOverTopLevel
        collector = DiagnosticCollector(file: file, limit: diagnosticLimit)
        context = Unmanaged.passRetained(collector)
    }

    deinit {
        xmlFreeTextReader(reader)
        if let descriptor { close(descriptor) }
        buffer?.deallocate()
        context.release()
    }

    /// Reads on to the next child of the root that closes, when the walk hands them over, and gives it;
    /// nil once the whole document has been read and found well formed and valid (``root`` is then set),
    /// and after an error.
    /// - Throws: ``RegisterReadError`` with the diagnostics, once the document is found wrong: at once for
    ///   what registre refuses outright (a DOCTYPE, an entity reference), at its end for the rest.
    func next() throws(RegisterReadError) -> XMLNode? {
        guard !ended else { return nil }
        // The reader's own structured-error hook is not used: once the schema is plugged into the
        // parser, libxml2 2.9 hands that hook the wrong context and crashes on the first parser error.
        // The thread's structured handler receives parser and validity errors alike; it is set for
        // this step only, on this thread (libxml2 keeps it per thread), and cleared after, so that walks
        // read in turns on one thread each get their own.
        xmlSetStructuredErrorFunc(context.toOpaque(), { userData, error in
            guard let userData, let error else { return }
            Unmanaged<DiagnosticCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        registre_silenceGenericErrors()
        do throws(RegisterReadError) {
            if let node = try step() { return node }
            ended = true
            try finish()
            return nil
        } catch {
            ended = true
            throw error
        }
    }

    /// Reads until a child of the root closes (when handed over) or the document ends (nil).
    private func step() throws(RegisterReadError) -> XMLNode? {
        func refuse(_ message: String) -> RegisterReadError {
            let line = Int(xmlTextReaderGetParserLineNumber(reader))
            let column = Int(xmlTextReaderGetParserColumnNumber(reader))
            return RegisterReadError([XMLDiagnostic(file: file, line: line, column: column, message: message)])
        }

        while !collector.isFull {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 {
                if collector.diagnostics.isEmpty { collector.diagnostics.append(XMLDiagnostic(file: file, message: "cannot be read as XML")) }
                break
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw refuse("a DOCTYPE is not allowed: registre files carry no DTD and no entity declarations")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw refuse("entity references are not allowed")
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                var node = XMLNode(
                    name: LibXML.string(xmlTextReaderConstLocalName(reader)) ?? "",
                    attributes: [:], children: [], text: "",
                    line: Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                )
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                    if let name = LibXML.string(xmlTextReaderConstLocalName(reader)) {
                        node.attributes[name] = LibXML.string(xmlTextReaderConstValue(reader)) ?? ""
                    }
                }
                xmlTextReaderMoveToElement(reader)
                if !stack.isEmpty { stack[stack.count - 1].hasElements = true }
                check(attributesOf: node, path: stack, into: collector)
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    attach(node)
                } else {
                    stack.append(node)
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if let node = stack.popLast() {
                    check(textOf: node, path: stack, into: collector)
                    attach(node)
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                if !stack.isEmpty, let value = LibXML.string(xmlTextReaderConstValue(reader)) {
                    stack[stack.count - 1].text += value
                }
            default:
                break  // comments and processing instructions carry nothing of the register
            }
            if let node = closedTopLevel {
                closedTopLevel = nil
                return node
            }
        }
        return nil
    }

    /// What the end of the document must show: no diagnostic, a valid document, a root.
    private func finish() throws(RegisterReadError) {
        if !collector.diagnostics.isEmpty { throw RegisterReadError(collector.diagnostics) }
        guard xmlTextReaderIsValid(reader) == 1 else {
            throw RegisterReadError([XMLDiagnostic(file: file, message: "is not valid against the register schema")])
        }
        guard root != nil else { throw RegisterReadError([XMLDiagnostic(file: file, message: "holds no document")]) }
    }

    /// Refuses what `CharacterRules` refuses in an element's own text, located at the line of the
    /// character and its column when it is not on the line of the start tag.
    private func check(textOf node: XMLNode, path: [XMLNode], into collector: DiagnosticCollector) {
        guard !node.hasElements else { return }
        let singleLine = CharacterRules.singleLineElements.contains(node.name)
        guard let (offset, scalar) = CharacterRules.firstRefused(in: node.text, singleLine: singleLine) else { return }
        var line = node.line
        var column: Int?
        for character in node.text.unicodeScalars.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column = column.map { $0 + 1 } }
        }
        let field = (path.dropFirst().map(\.name) + [node.name]).joined(separator: "/")
        collector.add(XMLDiagnostic(
            file: collector.file, line: line, column: column, CharacterRules.message(scalar, field: field, singleLine: singleLine)))
    }

    /// Every attribute is a single line.
    private func check(attributesOf node: XMLNode, path: [XMLNode], into collector: DiagnosticCollector) {
        for (name, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
            guard let (_, scalar) = CharacterRules.firstRefused(in: value, singleLine: true) else { continue }
            let field = (path.dropFirst().map(\.name) + [node.name]).joined(separator: "/") + "@" + name
            collector.add(XMLDiagnostic(
                file: collector.file, line: node.line, CharacterRules.message(scalar, field: field, singleLine: true)))
        }
    }

    private func attach(_ node: XMLNode) {
        if stack.isEmpty {
            root = node
        } else if stack.count == 1, handsOverTopLevel {
            closedTopLevel = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }
}

/// Gathers libxml2's errors for one document. Passed to the C callback through `userData`, since a C
/// function pointer cannot capture.
final class DiagnosticCollector {
    let file: String
    let limit: Int
    var diagnostics: [XMLDiagnostic] = []

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    /// Set by a fatal parser error: what libxml2 says after one is noise.
    private(set) var fatal = false

    var isFull: Bool { fatal || diagnostics.count >= limit }

    /// A diagnostic registre finds itself.
    func add(_ diagnostic: XMLDiagnostic) {
        guard !isFull else { return }
        diagnostics.append(diagnostic)
    }

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !isFull else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        // "Element '{urn:registre:1}purpose': …" reads better as "Element 'purpose': …".
        message = message.replacingOccurrences(of: "{\(Schema.namespace)}", with: "")
        let column = Int(error.int2)
        diagnostics.append(XMLDiagnostic(file: file, line: Int(error.line), column: column > 0 ? column : nil, message: message))
        if error.level == XML_ERR_FATAL { fatal = true }
    }
}
