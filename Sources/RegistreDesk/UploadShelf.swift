import Foundation
import RegistreCore
import RegistreService
import Synchronization

/// The files uploaded for an import, kept on the server between their preview and the confirmation,
/// each under a random token and for the account that sent it only: the confirmation imports exactly
/// the file previewed, not one sent again. A file is kept at most an hour; the register's revision at the
/// preview goes with it, so that a confirmation after the register moved is refused.
final class UploadShelf: Sendable {
    struct Pending: Sendable {
        var login: String
        var path: String
        var name: String
        var origin: RegisterFiles.Origin
        /// The register's revision the preview was computed at.
        var revision: Int
        var kept: Date
    }

    static let lifetime: TimeInterval = 3600
    private let pending = Mutex<[String: Pending]>([:])

    /// Keeps `bytes` for `login`; the token the confirmation names.
    func keep(_ bytes: [UInt8], name: String, origin: RegisterFiles.Origin, revision: Int, login: String, now: Date) throws -> String {
        let token = Desk.randomToken()
        let path = FileManager.default.temporaryDirectory.appending(path: "registre-upload-\(token)").path()
        try Self.writePrivately(bytes, to: path)
        let expired = pending.withLock { shelf -> [Pending] in
            let old = shelf.filter { now.timeIntervalSince($0.value.kept) > Self.lifetime }
            for key in old.keys { shelf[key] = nil }
            shelf[token] = Pending(login: login, path: path, name: name, origin: origin, revision: revision, kept: now)
            return Array(old.values)
        }
        for file in expired { try? FileManager.default.removeItem(atPath: file.path) }
        return token
    }

    /// Writes `bytes` to a new file readable by the server's user only (0600, whatever the umask), as the
    /// store creates its database: an uploaded register holds personal data, and the temporary directory
    /// is shared with every user of the machine.
    private static func writePrivately(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        fchmod(descriptor, 0o600)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    /// The file kept under `token` for `login`, still within its lifetime.
    func find(_ token: String, login: String, now: Date) -> Pending? {
        pending.withLock { shelf in
            guard let found = shelf[token], found.login == login, now.timeIntervalSince(found.kept) <= Self.lifetime else { return nil }
            return found
        }
    }

    /// Forgets the file under `token` and removes it.
    func remove(_ token: String) {
        guard let found = pending.withLock({ $0.removeValue(forKey: token) }) else { return }
        try? FileManager.default.removeItem(atPath: found.path)
    }
}
