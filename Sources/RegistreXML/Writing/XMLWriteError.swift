public import RegistreCore

/// Why libxml2's writer could not write a document (in practice: memory ran out). Whatever was written
/// is incomplete and must not be kept.
public struct XMLWriteError: Error, Sendable, CustomStringConvertible {
    /// The writer's step that failed ("buffer creation", "start of element organisation"…).
    public let operation: String

    /// An error at `operation`.
    public init(operation: String) {
        self.operation = operation
    }

    /// The error in words (English): ``message`` in English.
    public var description: String { message.en }

    /// The error in words, in French and English.
    public var message: LocalizedText {
        LocalizedText(fr: "l'écriture XML a échoué (\(operation))", en: "the XML writer failed during \(operation)")
    }
}
