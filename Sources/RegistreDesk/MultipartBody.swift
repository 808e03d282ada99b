/// A `multipart/form-data` body (RFC 7578), the only way an HTML form sends a file: its parts by name,
/// each part's bytes as sent. None of the desk's dependencies reads it, so it is read here, on bytes,
/// bounded by what the caller collected: a part without its headers' end, a body without its closing
/// delimiter, a boundary that is not one are refusals (nil), never a trap.
struct MultipartBody {
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part]

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of the first part named `name`, as UTF-8.
    func text(_ name: String) -> String? { part(name).map { String(decoding: $0.bytes, as: UTF8.self) } }

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names, or nil.
    static func boundary(of contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            var value = String(parameter.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046 §5.1.1: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    /// The parts of `body`, delimited by `boundary`; nil when the body is not such a body.
    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8), separator = Array("\r\n--\(boundary)".utf8)
        guard body.starts(with: delimiter) else { return nil }
        var parts: [Part] = []
        var index = delimiter.count
        while true {
            // After a delimiter: "--" closes the body, CRLF opens a part.
            if body[index...].starts(with: Array("--".utf8)) { break }
            guard body[index...].starts(with: Array("\r\n".utf8)) else { return nil }
            index += 2
            guard let headersEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: index) else { return nil }
            let headers = String(decoding: body[index..<headersEnd], as: UTF8.self)
            let start = headersEnd + 4
            guard let end = Self.find(separator, in: body, from: start) else { return nil }
            guard let part = Self.part(headers: headers, bytes: Array(body[start..<end])) else { return nil }
            parts.append(part)
            index = end + separator.count
        }
        self.parts = parts
    }

    /// A part from its headers: its `Content-Disposition` must say `form-data` and name it.
    private static func part(headers: String, bytes: [UInt8]) -> Part? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            let fields = pair[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first?.lowercased() == "form-data" else { return nil }
            var name: String?, filename: String?
            for field in fields.dropFirst() {
                let parts = field.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                var value = String(parts[1])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch parts[0].lowercased() {
                case "name": name = value
                case "filename": filename = value
                default: break
                }
            }
            guard let name else { return nil }
            return Part(name: name, filename: filename, bytes: bytes)
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` from `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
