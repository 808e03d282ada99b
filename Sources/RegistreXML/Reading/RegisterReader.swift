public import RegistreCore

/// Reads registers in the registre XML format.
///
/// A register is read whole or not at all: the document must be well formed, carry no DTD, be valid
/// against `Docs/registre.xsd`, and hold only French identifiers with a right key and dates that exist.
/// Otherwise every problem found is thrown, located as `FILE:LINE:COLUMN: message`.
public enum RegisterReader {
    /// Reads the register at `path`.
    public static func read(file path: String) throws(RegisterReadError) -> Register {
        let root = try ValidatingReader().read(file: path)
        return try RegisterDecoder.decode(root, file: path)
    }

    /// Reads a register held in memory; `name` is what diagnostics call it.
    public static func read(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) -> Register {
        let root = try ValidatingReader().read(bytes: bytes, name: name)
        return try RegisterDecoder.decode(root, file: name)
    }

    /// Checks that a document is a valid registre document (a register or a findings report) without
    /// decoding it.
    public static func validate(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) {
        _ = try ValidatingReader().read(bytes: bytes, name: name)
    }
}
