public import RegistreCore
import RegistreXML

/// A register read from another tool's document (the CNIL's model, Madis), with what the reading
/// noticed on the way.
public struct ImportedRegister: Sendable {
    /// The register read.
    public var register: Register
    /// What was noticed on the way, in the order of the file.
    public var notes: [ImportNote]

    /// Refuses the register if the reading found an error, then holds it to the same rules as registre's
    /// XML: written as XML and read back through the validating reader (schema, identity checks, SIREN
    /// keys, dates), so that a value from a spreadsheet or a CSV passes the checks one from XML passes.
    static func checked(_ register: Register, notes: [ImportNote], name: String) throws(RegisterReadError) -> ImportedRegister {
        let errors = notes.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw RegisterReadError(errors.map { XMLDiagnostic(file: name, message: "\($0.reference): \($0.message.en)") })
        }
        do {
            let bytes = try RegisterWriter.bytes(of: register)
            return ImportedRegister(register: try RegisterReader.read(bytes: bytes, name: "\(name) (as registre XML)"), notes: notes)
        } catch let error as RegisterReadError {
            throw error
        } catch {
            throw RegisterReadError([XMLDiagnostic(file: name, message: "cannot be checked as a register: \(error)")])
        }
    }
}
