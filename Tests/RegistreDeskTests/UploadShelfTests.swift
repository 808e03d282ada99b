import Foundation
@testable import RegistreDesk
import RegistreTestSupport
import Testing

/// The files an upload keeps until its confirmation hold personal data: readable by the server's user only.
@Suite("Desk: an uploaded file kept for its confirmation")
struct UploadShelfTests {
    @Test("kept readable by its owner only, whatever the umask, for the account that sent it")
    func privateFile() throws {
        let scratch = try ScratchDirectory()
        let shelf = UploadShelf(directory: scratch.path("uploads"))
        let now = Date(timeIntervalSince1970: 1_795_165_200)
        let previous = umask(0o022)
        defer { umask(previous) }
        let token = try shelf.keep(Array("<registre/>".utf8), name: "r.xml", origin: .registre, revision: 1, login: "dpo-mende", now: now)
        let pending = try #require(shelf.find(token, login: "dpo-mende", now: now))
        defer { try? FileManager.default.removeItem(atPath: pending.path) }
        let mode = try FileManager.default.attributesOfItem(atPath: pending.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pending.path)) == Data("<registre/>".utf8))
        #expect(shelf.find(token, login: "dpo-florac", now: now) == nil)
    }
}

@Suite("Desk: the upload shelf keeps one file per account, and sweeps what an earlier run left")
struct UploadShelfSweepTests {
    static let now = Date(timeIntervalSince1970: 1_795_165_200)

    @Test("a second file of one account replaces its first (removed from the disk); another account's stays")
    func onePerAccount() throws {
        let scratch = try ScratchDirectory()
        let shelf = UploadShelf(directory: scratch.path("uploads"))
        let first = try shelf.keep([1], name: "a", origin: .registre, revision: 1, login: "dpo-mende", now: Self.now)
        let other = try shelf.keep([2], name: "b", origin: .registre, revision: 1, login: "dpo-florac", now: Self.now)
        let firstPath = try #require(shelf.find(first, login: "dpo-mende", now: Self.now)).path
        let second = try shelf.keep([3], name: "c", origin: .registre, revision: 1, login: "dpo-mende", now: Self.now)
        #expect(shelf.find(first, login: "dpo-mende", now: Self.now) == nil)
        #expect(!FileManager.default.fileExists(atPath: firstPath))
        #expect(shelf.find(second, login: "dpo-mende", now: Self.now) != nil)
        #expect(shelf.find(other, login: "dpo-florac", now: Self.now) != nil)
        #expect(shelf.count == 2)
    }

    @Test("files an earlier run left past their hour are removed when a shelf opens on the directory; the directory is its user's only")
    func sweptAtStart() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path("uploads")
        let earlier = UploadShelf(directory: directory)
        let token = try earlier.keep([1, 2, 3], name: "a", origin: .registre, revision: 1, login: "dpo-mende", now: Self.now)
        let left = try #require(earlier.find(token, login: "dpo-mende", now: Self.now)).path
        #expect(FileManager.default.fileExists(atPath: left))
        let mode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let written = try #require(try FileManager.default.attributesOfItem(atPath: left)[.modificationDate] as? Date)
        _ = UploadShelf(directory: directory, now: written.addingTimeInterval(UploadShelf.lifetime + 1))
        #expect(!FileManager.default.fileExists(atPath: left))
    }

    @Test("a second desk starting on the same database leaves the first desk's pending file, which it confirms")
    func secondDeskLeavesYoungFiles() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path("uploads")
        let first = UploadShelf(directory: directory)
        let token = try first.keep([1, 2, 3], name: "a", origin: .registre, revision: 1, login: "dpo-mende", now: Self.now)
        let path = try #require(first.find(token, login: "dpo-mende", now: Self.now)).path
        let written = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        _ = UploadShelf(directory: directory, now: written.addingTimeInterval(UploadShelf.lifetime - 60))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([1, 2, 3]))
    }

    @Test("a directory someone else's link stands for is refused, nothing written through it")
    func linkRefused() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("uploads"), withDestinationPath: scratch.path("elsewhere"))
        let shelf = UploadShelf(directory: scratch.path("uploads"))
        #expect(throws: (any Error).self) {
            try shelf.keep([1], name: "a", origin: .registre, revision: 1, login: "dpo-mende", now: Self.now)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("elsewhere")).isEmpty)
    }
}
