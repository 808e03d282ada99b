import Foundation
import RegistreXML
import ZIPFoundation

/// An OpenDocument spreadsheet written to the disk as its rows come, for registers too large to hold
/// whole (issue 26: every command within 150 MiB): `content.xml` is written to a file a row at a time,
/// then zipped from that file into the package, so that memory holds a row and a zip buffer, not the
/// sheet nor the zip. The parts, their order, dates and compression are those of the package made in
/// memory (`OpenDocumentPackage.spreadsheet`): the same spreadsheet gives the same bytes either way.
extension OpenDocumentPackage {
    /// The spreadsheet `content` writes, as a package held by its open file only (``ArchiveFile``).
    /// - Parameters:
    ///   - title: the document's title (`meta.xml`).
    ///   - language: its language code.
    ///   - content: writes the sheets and their rows; the writer is finished after it returns.
    static func spreadsheetFile(title: String, language: String, content: (SpreadsheetContentWriter) throws -> Void) throws -> ArchiveFile {
        try FileArchive.madePrivately { directory in
            let contentPath = directory + "/content.xml"
            try writeContent(to: contentPath, content)
            let path = directory + "/spreadsheet.ods"
            try package(at: path, content: contentPath, parts: [
                ("styles.xml", try OpenDocumentWriter.styles()),
                ("meta.xml", try OpenDocumentWriter.meta(title: title, language: language)),
                ("META-INF/manifest.xml", try OpenDocumentWriter.manifest(mediaType: OpenDocumentWriter.spreadsheetMediaType)),
            ])
            return path
        }
    }

    /// Writes `content.xml` at `path`, closed when this returns.
    private static func writeContent(to path: String, _ content: (SpreadsheetContentWriter) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let file = FileHandle(forWritingAtPath: path)
        else { throw OpenDocumentError.unwritable }
        defer { try? file.close() }
        let writer = try SpreadsheetContentWriter { try file.write(contentsOf: $0) }
        try content(writer)
        try writer.finish()
        try file.synchronize()
    }

    /// Writes the package at `path`: the mimetype stored, `content.xml` deflated from its file, then the
    /// other parts. The archive is closed (flushed) when this returns.
    private static func package(at path: String, content: String, parts: [(path: String, bytes: [UInt8])]) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try add("mimetype", Array(OpenDocumentWriter.spreadsheetMediaType.utf8), to: archive, compressed: false)
        guard let source = FileHandle(forReadingAtPath: content) else { throw OpenDocumentError.unwritable }
        defer { try? source.close() }
        let size = try source.seekToEnd()
        try archive.addEntry(
            with: "content.xml", type: .file, uncompressedSize: Int64(size), modificationDate: fixedDate,
            permissions: 0o644, compressionMethod: .deflate
        ) { position, length in
            try source.seek(toOffset: UInt64(position))
            return try source.read(upToCount: length) ?? Data()
        }
        for part in parts { try add(part.path, part.bytes, to: archive, compressed: true) }
    }
}
