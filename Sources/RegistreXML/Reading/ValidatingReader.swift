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
        _ = LibXML.ready
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "cannot open: \(String(cString: strerror(errno)))")])
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "is a directory, not a register file")])
        }
        if (status.st_mode & S_IFMT) == S_IFREG, status.st_size == 0 {
            throw RegisterReadError([XMLDiagnostic(file: path, message: "is empty")])
        }
        // From a descriptor, not a path: a path would go through libxml2's I/O layer and its entity
        // loader, which registre keeps shut.
        let reader = xmlReaderForFd(descriptor, path, "UTF-8", LibXML.parseOptions)
        return try walk(reader, file: path)
    }

    func read(bytes: [UInt8], name: String) throws(RegisterReadError) -> XMLNode {
        _ = LibXML.ready
        if bytes.isEmpty { throw RegisterReadError([XMLDiagnostic(file: name, message: "is empty")]) }
        return try bytes.withUnsafeBufferPointer { buffer throws(RegisterReadError) in
            let reader = buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReaderForMemory(chars.baseAddress, Int32(clamping: chars.count), name, "UTF-8", LibXML.parseOptions)
            }
            return try walk(reader, file: name)
        }
    }

    private func walk(_ reader: xmlTextReaderPtr?, file: String) throws(RegisterReadError) -> XMLNode {
        guard let reader else {
            throw RegisterReadError([XMLDiagnostic(file: file, message: "cannot start reading (out of memory?)")])
        }
        defer { xmlFreeTextReader(reader) }
        let collector = DiagnosticCollector(file: file, limit: diagnosticLimit)
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        guard xmlTextReaderSetSchema(reader, schema.pointer) == 0 else {
            throw RegisterReadError([XMLDiagnostic(file: file, message: "cannot attach the register schema")])
        }
        // The reader's own structured-error hook is not used: once the schema is plugged into the
        // parser, libxml2 2.9 hands that hook the wrong context and crashes on the first parser error.
        // The thread's structured handler receives parser and validity errors alike; it is set for
        // this read only, on this thread (libxml2 keeps it per thread), and cleared after.
        xmlSetStructuredErrorFunc(context.toOpaque(), { userData, error in
            guard let userData, let error else { return }
            Unmanaged<DiagnosticCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        registre_silenceGenericErrors()

        var stack: [XMLNode] = []
        var root: XMLNode?
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
                    attach(node, into: &stack, root: &root)
                } else {
                    stack.append(node)
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if let node = stack.popLast() {
                    check(textOf: node, path: stack, into: collector)
                    attach(node, into: &stack, root: &root)
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                if !stack.isEmpty, let value = LibXML.string(xmlTextReaderConstValue(reader)) {
                    stack[stack.count - 1].text += value
                }
            default:
                break  // comments and processing instructions carry nothing of the register
            }
        }
        if !collector.diagnostics.isEmpty { throw RegisterReadError(collector.diagnostics) }
        guard xmlTextReaderIsValid(reader) == 1 else {
            throw RegisterReadError([XMLDiagnostic(file: file, message: "is not valid against the register schema")])
        }
        guard let root else { throw RegisterReadError([XMLDiagnostic(file: file, message: "holds no document")]) }
        return root
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

    private func attach(_ node: XMLNode, into stack: inout [XMLNode], root: inout XMLNode?) {
        if stack.isEmpty {
            root = node
        } else if stack.count == 1, let onTopLevel {
            onTopLevel(node)
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
