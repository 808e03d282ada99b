import Foundation
public import RegistreCore
public import RegistreDocuments
public import RegistreXML

/// Register files as `registre import` reads them, written once for the command line and the desk's
/// upload: registre's XML (streamed), an OpenDocument spreadsheet in the CNIL's model, or Madis's CSV export
/// of processings (both read whole first: a document with an error anywhere imports nothing). The content
/// decides, not the name: a renamed file is read all the same.
public enum RegisterFiles {
    /// Where a file comes from when its content alone does not say.
    public enum Origin: Sendable {
        /// registre's own files: its XML, or a spreadsheet in the CNIL's model (a zip).
        case registre
        /// Madis's CSV export of processings.
        case madis
    }

    /// A file opened for reading: its entries, and what the reader noted on the way (a cell it could not
    /// place, a value it read as a default), located by sheet, line and field.
    public struct Opened {
        /// The entries, in the order of the format.
        public let entries: any RegisterCursor
        /// The reader's notes (none for registre's XML, whose reader refuses rather than notes).
        public let notes: [ImportNote]
    }

    /// Opens `file`: its entries as a cursor (registre's XML is read as the caller asks for it), and the
    /// notes; a CNIL model's own example sheet is skipped with a note unless `keepExample` (`--keep-example`).
    /// - Throws: `RegisterReadError` with the reader's diagnostics, located in the file.
    public static func open(file: String, from origin: Origin = .registre, keepExample: Bool = false) throws(RegisterReadError) -> Opened {
        guard origin == .madis || isZip(file) else { return Opened(entries: try RegisterReader.cursor(file: file), notes: []) }
        let imported = try readImported(file, from: origin, keepExample: keepExample)
        return Opened(entries: RegisterEntriesCursor(imported.register), notes: imported.notes)
    }

    /// Reads `file` whole, with the reader's notes; a CNIL model's own example sheet is skipped with a
    /// note unless `keepExample`.
    /// - Throws: `RegisterReadError` with the reader's diagnostics, located in the file.
    public static func read(
        file: String, from origin: Origin = .registre, keepExample: Bool = false
    ) throws(RegisterReadError) -> (register: Register, notes: [ImportNote]) {
        guard origin == .madis || isZip(file) else { return (try RegisterReader.read(file: file), []) }
        let imported = try readImported(file, from: origin, keepExample: keepExample)
        return (imported.register, imported.notes)
    }

    /// The notes as `registre import` prints them (at most `ImportNote.printedLimit`,
    /// then how many more), in each language, `file` naming the file as its sender knows it.
    public static func lines(of notes: [ImportNote], file: String) -> [Language: [String]] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, ImportNote.lines(notes, file: file, language: $0)) })
    }

    private static func readImported(_ file: String, from origin: Origin, keepExample: Bool) throws(RegisterReadError) -> ImportedRegister {
        origin == .madis ? try MadisReader.read(file: file) : try CNILModelReader.read(file: file, keepExample: keepExample)
    }

    /// Whether the file starts as a zip does (`PK\3\4`). Only a regular file is looked at: a named pipe
    /// cannot be read twice (its writer would be gone by the second open, which would then wait for ever),
    /// and a zip needs random access anyway, so whatever comes through a pipe is read as registre's XML.
    static func isZip(_ file: String) -> Bool {
        var status = stat()
        guard stat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return Array(magic) == [0x50, 0x4B, 0x03, 0x04]
    }
}
