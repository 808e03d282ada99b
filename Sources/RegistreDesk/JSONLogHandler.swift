public import Foundation
public import Logging

/// A swift-log handler that writes each message as one JSON object on one line, for a log collector
/// (journald, Vector, Fluent Bit): `time` (ISO 8601, UTC, milliseconds), `level`, `label`, `message`, and
/// the metadata's keys beside them. Numbers given as numbers (`status`, `latency_ms`) stay numbers.
///
/// The handler writes what it is given: what must never reach a log (passwords, session tokens, the text
/// of the register) is kept out by whoever logs (`RequestObservation` logs no path, header or body).
public struct JSONLogHandler: LogHandler {
    /// Where the lines go: each call is given one whole line, its newline included.
    public typealias Sink = @Sendable (String) -> Void

    private let label: String
    private let sink: Sink
    private let clock: @Sendable () -> Date

    /// The handler's own metadata, added to every line.
    public var metadata: Logger.Metadata = [:]
    /// The least level written.
    public var logLevel: Logger.Level
    /// Metadata added at each message (swift-log's providers, for task-local context).
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler for the logger `label` writing lines of `logLevel` and above to `sink`, stamped by `clock`.
    public init(label: String, logLevel: Logger.Level = .info, clock: @escaping @Sendable () -> Date = { Date() }, sink: @escaping Sink) {
        self.label = label
        self.logLevel = logLevel
        self.clock = clock
        self.sink = sink
    }

    /// A sink that writes each line to the standard error whole (one `write` a line, so that lines from
    /// several threads never interleave).
    public static let standardError: Sink = { line in
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// The handler's metadata for `key`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line.
    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let given = event.metadata { fields.merge(given) { _, new in new } }
        var line = "{\"time\":\(Self.quoted(Self.timestamp(clock())))"
        line += ",\"level\":\(Self.quoted(event.level.rawValue)),\"label\":\(Self.quoted(label))"
        line += ",\"message\":\(Self.quoted(event.message.description))"
        for key in fields.keys.sorted() where !["time", "level", "label", "message"].contains(key) {
            line += ",\(Self.quoted(key)):\(Self.json(fields[key]!))"
        }
        sink(line + "}\n")
    }

    static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .stringConvertible(let number as Int): String(number)
        case .stringConvertible(let number as Double) where number.isFinite: String(format: "%.3f", number)
        case .stringConvertible(let other): quoted(other.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let fields): "{" + fields.keys.sorted().map { quoted($0) + ":" + json(fields[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string: quotes, backslashes and every control character escaped, so that no value
    /// can end its line or forge another.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || (0x7f...0x9f).contains(scalar.value):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
