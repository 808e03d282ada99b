import Foundation
import ZIPFoundation

/// Several documents handed over as one zip archive (a structure's members' registers), every entry
/// with the fixed date and permissions of OpenDocument files, so that the same documents give the same
/// bytes on any day.
public enum FileArchive {
    /// The zip archive of `files`, in their order, each deflated.
    /// - Throws: ``OpenDocumentError/unwritable`` when the archive cannot be made; ZIPFoundation's error for an entry.
    public static func zip(_ files: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for file in files {
            let data = Data(file.bytes)
            try archive.addEntry(
                with: file.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: OpenDocumentPackage.fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw OpenDocumentError.unwritable }
        return Array(data)
    }

    /// The files of a zip archive made by ``zip(_:)``, in its order: for tests and for reading back.
    /// - Throws: ZIPFoundation's error when `bytes` is not a zip archive.
    public static func files(in bytes: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (name: entry.path, bytes: Array(data))
        }
    }
}
