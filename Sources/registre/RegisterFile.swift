import Foundation
import RegistreCore
import RegistreDocuments
import RegistreXML

/// A register file, read by what it is: an OpenDocument spreadsheet (a zip) is a register kept in the
/// CNIL's model; anything else is registre's XML, unless `--from madis` says it is Madis's CSV export.
/// The content decides, not the name: a renamed file is read all the same.
enum RegisterFile {
    /// The entries of a register file as a cursor: read as the caller asks for registre's XML, read whole
    /// first for a spreadsheet or a Madis export.
    static func cursor(file: String, from source: SourceOption) throws(RegisterReadError) -> any RegisterCursor {
        guard source.from == .madis || isZip(file) else { return try RegisterReader.cursor(file: file) }
        return RegisterEntriesCursor(try readImported(file, from: source))
    }

    static func read(file: String, from source: SourceOption) throws(RegisterReadError) -> Register {
        guard source.from == .madis || isZip(file) else { return try RegisterReader.read(file: file) }
        return try readImported(file, from: source)
    }

    /// Read whole before anything is handed on: a document with an error imports nothing. The notes are
    /// printed in the language of `--lang`.
    private static func readImported(_ file: String, from source: SourceOption) throws(RegisterReadError) -> Register {
        let imported = source.from == .madis
            ? try MadisReader.read(file: file) : try CNILModelReader.read(file: file, keepExample: source.keepExample)
        for line in ImportNote.lines(imported.notes, file: file, language: Console.language) { Console.note(line) }
        return imported.register
    }

    /// Whether the file starts as a zip does (`PK\3\4`). Only a regular file is looked at: a named pipe
    /// cannot be read twice (its writer would be gone by the second open, which would then wait for ever),
    /// and a zip needs random access anyway, so whatever comes through a pipe is read as registre's XML.
    private static func isZip(_ file: String) -> Bool {
        var status = stat()
        guard stat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return Array(magic) == [0x50, 0x4B, 0x03, 0x04]
    }
}
