import Foundation
@testable import RegistreDesk
import Testing

/// The files an upload keeps until its confirmation hold personal data: readable by the server's user only.
@Suite("Desk: an uploaded file kept for its confirmation")
struct UploadShelfTests {
    @Test("kept readable by its owner only, whatever the umask, for the account that sent it")
    func privateFile() throws {
        let shelf = UploadShelf()
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
