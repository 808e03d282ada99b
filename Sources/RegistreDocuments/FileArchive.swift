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
        for file in files { try add(file.name, file.bytes, to: archive) }
        guard let data = archive.data else { throw OpenDocumentError.unwritable }
        return Array(data)
    }

    /// The same archive written to a file, one document at a time as `produce` hands them over: memory
    /// holds one document, not the archive. The file is made in a new directory of the system's temporary
    /// one that only the process's user may enter (registers hold personal data), opened, and removed from
    /// the disk at once: the caller reads it through the open file (``ArchiveFile/forEachChunk(_:)``), and
    /// the bytes are gone when it is released (``ArchiveFile/remove()`` closes it sooner), even when the
    /// caller never reads it (a client gone before the download started). Nothing is left when `produce`
    /// throws.
    /// - Parameter produce: hands each document, in order, to the function it is given.
    /// - Throws: ``OpenDocumentError/unwritable`` when the file cannot be made; what `produce` throws;
    ///   ZIPFoundation's error for an entry.
    public static func zipFile(_ produce: (_ add: (_ name: String, _ bytes: [UInt8]) throws -> Void) throws -> Void) throws -> ArchiveFile {
        try madePrivately { directory in
            let path = directory + "/archive.zip"
            try write(to: path, produce)
            return path
        }
    }

    /// The file `make` writes in a new directory of the system's temporary one that only the process's
    /// user may enter (registers hold personal data), opened, and removed from the disk at once with the
    /// directory and whatever else `make` left there: the open file is all that holds its bytes.
    /// - Parameter make: writes the file in the directory it is given, and returns its path.
    static func madePrivately(_ make: (_ directory: String) throws -> String) throws -> ArchiveFile {
        var template = Array((FileManager.default.temporaryDirectory.path + "/registre-archive-XXXXXX").utf8CString)
        guard let directory = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap(mkdtemp) })
            .map({ String(cString: $0) })
        else { throw OpenDocumentError.unwritable }
        // Removed whatever happens: once opened, the open file is all that holds the bytes.
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try make(directory)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OpenDocumentError.unwritable }
        return ArchiveFile(handle: handle)
    }

    /// Writes the archive at `path`, closed (flushed) when this returns.
    private static func write(to path: String, _ produce: (_ add: (_ name: String, _ bytes: [UInt8]) throws -> Void) throws -> Void) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try produce { name, bytes in try add(name, bytes, to: archive) }
    }

    private static func add(_ name: String, _ bytes: [UInt8], to archive: Archive) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: OpenDocumentPackage.fixedDate,
            permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
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

/// A zip archive made on disk by ``FileArchive/zipFile(_:)``, held by its open file only (its name is
/// already removed): released, nothing of it remains.
public final class ArchiveFile: Sendable {
    let handle: FileHandle

    init(handle: FileHandle) { self.handle = handle }

    /// Hands the archive's bytes over in chunks of at most 64 KiB, in order, from its start.
    /// - Parameter body: takes each chunk.
    /// - Throws: the file's read error; what `body` throws.
    public func forEachChunk(_ body: ([UInt8]) throws -> Void) throws {
        try handle.seek(toOffset: 0)
        while let data = try handle.read(upToCount: 64 * 1024), !data.isEmpty {
            try body(Array(data))
        }
    }

    /// Closes the archive's file, which frees its bytes on the disk (releasing it does too).
    public func remove() {
        try? handle.close()
    }
}
