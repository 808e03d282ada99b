import RegistreCore
import RegistreDocuments
import RegistreService
import RegistreXML

/// A register file, read by the same function as the desk's upload (`RegisterFiles`): an OpenDocument
/// spreadsheet (a zip) is a register kept in the CNIL's model; anything else is registre's XML, unless
/// `--from madis` says it is Madis's CSV export. The reader's notes go to standard error.
enum RegisterFile {
    /// The entries of a register file as a cursor: read as the caller asks for registre's XML, read whole
    /// first for a spreadsheet or a Madis export.
    static func cursor(file: String, from source: SourceOption) throws(RegisterReadError) -> any RegisterCursor {
        let opened = try RegisterFiles.open(file: file, from: source.from.origin, keepExample: source.keepExample)
        note(opened.notes, file: file)
        return opened.entries
    }

    static func read(file: String, from source: SourceOption) throws(RegisterReadError) -> Register {
        let read = try RegisterFiles.read(file: file, from: source.from.origin, keepExample: source.keepExample)
        note(read.notes, file: file)
        return read.register
    }

    /// The notes are printed in the language of `--lang`.
    private static func note(_ notes: [ImportNote], file: String) {
        for line in ImportNote.lines(notes, file: file, language: Console.language) { Console.note(line) }
    }
}

extension RegisterSource {
    /// The origin as the library's readers take it.
    var origin: RegisterFiles.Origin {
        switch self {
        case .registre: .registre
        case .madis: .madis
        }
    }
}
