public import RegistreCore
import Foundation
import RegistreXML
import ZIPFoundation

/// The zip container of an OpenDocument file (ODF 1.2, part 3): `mimetype` first and stored, then the XML
/// parts, deflated.
///
/// Every entry carries the same fixed date and permissions, so that the same document gives the same
/// bytes on any machine, on any day: an export can be compared, hashed or kept under version control.
enum OpenDocumentPackage {
    /// 1 January 2000, 00:00 UTC: ZIPFoundation writes dates in UTC (`gmtime`), so this does not depend on
    /// the machine's time zone.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    static func bytes(mediaType: String, parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        try add("mimetype", Array(mediaType.utf8), to: archive, compressed: false)
        for part in parts { try add(part.path, part.bytes, to: archive, compressed: true) }
        guard let data = archive.data else { throw OpenDocumentError.unwritable }
        return Array(data)
    }

    static func add(_ path: String, _ bytes: [UInt8], to archive: Archive, compressed: Bool) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
            permissions: 0o644, compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    static func text(_ document: TextDocument) throws -> [UInt8] {
        try bytes(
            mediaType: OpenDocumentWriter.textMediaType,
            parts: [
                ("content.xml", try OpenDocumentWriter.content(of: document)),
                ("styles.xml", try OpenDocumentWriter.styles()),
                ("meta.xml", try OpenDocumentWriter.meta(title: document.title, language: document.language)),
                ("META-INF/manifest.xml", try OpenDocumentWriter.manifest(mediaType: OpenDocumentWriter.textMediaType)),
            ]
        )
    }

    static func spreadsheet(_ spreadsheet: Spreadsheet, title: String, language: String) throws -> [UInt8] {
        try bytes(
            mediaType: OpenDocumentWriter.spreadsheetMediaType,
            parts: [
                ("content.xml", try OpenDocumentWriter.content(of: spreadsheet)),
                ("styles.xml", try OpenDocumentWriter.styles()),
                ("meta.xml", try OpenDocumentWriter.meta(title: title, language: language)),
                ("META-INF/manifest.xml", try OpenDocumentWriter.manifest(mediaType: OpenDocumentWriter.spreadsheetMediaType)),
            ]
        )
    }
}

/// Why an OpenDocument file could not be written or read.
public enum OpenDocumentError: Error, CustomStringConvertible {
    /// The zip container could not be made, in memory or in its temporary file.
    case unwritable
    /// The register needs more sheets than a spreadsheet holds (`Spreadsheet/sheetLimit`).
    case tooManySheets(Int)

    /// The error in words (English): ``message`` in English.
    public var description: String { message.en }

    /// The error in words, in French and English.
    public var message: LocalizedText {
        switch self {
        case .unwritable:
            LocalizedText(fr: "le paquet OpenDocument n'a pu être assemblé (en mémoire ou dans un fichier temporaire)",
                          en: "the OpenDocument package could not be assembled (in memory or in a temporary file)")
        case .tooManySheets(let count):
            LocalizedText(
                fr: "le classeur demanderait \(count) feuilles (une par activité) et un tableur en ouvre au plus \(Spreadsheet.sheetLimit) : exportez en XML, ou un responsable du traitement à la fois (--controller)",
                en: "the spreadsheet would need \(count) sheets (one per activity) and spreadsheets open at most \(Spreadsheet.sheetLimit): export as XML, or one controller at a time (--controller)")
        }
    }
}

extension OpenDocumentPackage {
    /// The most `content.xml` may hold once inflated. The CNIL's model is 0.5 MB; a register of a thousand
    /// processings a few MB. A zip bomb stops here, before it fills memory.
    static let contentLimit: UInt64 = 64 << 20

    /// The `content.xml` of the OpenDocument spreadsheet at `path`, after checking that it is one.
    static func spreadsheetContent(of path: String) throws(RegisterReadError) -> [UInt8] {
        func refuse(_ message: String) -> RegisterReadError {
            RegisterReadError([XMLDiagnostic(file: path, message: message)])
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw refuse("is not an OpenDocument spreadsheet (not a readable zip file)")
        }
        guard let mimetype = archive["mimetype"], mimetype.uncompressedSize < 200,
            let type = try? read(mimetype, from: archive, limit: 200),
            String(decoding: type, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == OpenDocumentWriter.spreadsheetMediaType
        else {
            throw refuse("is not an OpenDocument spreadsheet (its mimetype is not \(OpenDocumentWriter.spreadsheetMediaType))")
        }
        guard let content = archive["content.xml"] else { throw refuse("holds no content.xml") }
        guard content.uncompressedSize <= contentLimit else {
            throw refuse("content.xml would inflate to \(content.uncompressedSize) bytes; registre reads at most \(contentLimit) (a zip bomb?)")
        }
        do {
            return try read(content, from: archive, limit: contentLimit)
        } catch let error as InflationLimit {
            throw refuse("content.xml inflates past \(error.limit) bytes although its header says \(content.uncompressedSize): refused (a zip bomb?)")
        } catch {
            throw refuse("content.xml cannot be inflated: \(error)")
        }
    }

    private struct InflationLimit: Error {
        let limit: UInt64
    }

    /// Inflates one entry, counting the bytes as they come: the sizes in a zip's headers are claims,
    /// not facts.
    private static func read(_ entry: Entry, from archive: Archive, limit: UInt64) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, limit)))
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
            guard UInt64(bytes.count + chunk.count) <= limit else { throw InflationLimit(limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
