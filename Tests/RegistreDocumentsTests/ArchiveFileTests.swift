import Foundation
@testable import RegistreDocuments
import Testing

/// The members' archive is written to disk a document at a time and held by its open file only: its name
/// is removed at once, so that a download abandoned before it starts leaves no register on the disk.
@Suite("An archive on disk, held by its open file")
struct ArchiveFileTests {
    @Test("made: its name already removed from the disk; read whole, twice, as the documents given")
    func unlinked() throws {
        let archive = try FileArchive.zipFile { add in
            try add("mende.txt", Array("Mende".utf8))
            try add("florac.txt", Array("Florac".utf8))
        }
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(archive.handle.fileDescriptor)")
        #expect(target.contains("registre-archive-") && target.hasSuffix("(deleted)"), "\(target)")
        for _ in 0..<2 {
            var bytes: [UInt8] = []
            try archive.forEachChunk { bytes += $0 }
            #expect(try FileArchive.files(in: bytes).map(\.name) == ["mende.txt", "florac.txt"])
        }
        archive.remove()
        #expect(throws: (any Error).self) { try archive.forEachChunk { _ in } }
    }

    @Test("a document that cannot be made: nothing kept, the error comes out")
    func failed() {
        struct Refused: Error {}
        #expect(throws: Refused.self) { try FileArchive.zipFile { _ in throw Refused() } }
    }
}
