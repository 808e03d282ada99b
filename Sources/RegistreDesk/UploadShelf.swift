import Foundation
import RegistreCore
import RegistreService
import Synchronization

/// The files uploaded for an import, kept on the server between their preview and the confirmation,
/// each under a random token and for the account that sent it only: the confirmation imports exactly
/// the file previewed, not one sent again. A file is kept at most an hour, and an account has one pending
/// file at most (a new upload replaces its earlier one); the register's revision at the preview goes with
/// it, so that a confirmation after the register moved is refused.
///
/// The files are in a directory beside the database (`<database>.uploads`), that only the server's user
/// may enter: not in the shared temporary directory, where another user could make a directory of that
/// name first and refuse every upload. The shelf lives in the server's memory: when a server starts, the
/// files an earlier run left there past their hour can no longer be confirmed, and are removed. A younger
/// file may be another desk's, serving the same database beside this one (a second process started, or
/// the one that replaces it), whose DPO is between preview and confirmation: it is left for that desk
/// (which removes it when it is replaced or expires) or for the next start after its hour.
final class UploadShelf: Sendable {
    struct Pending: Sendable {
        var login: String
        var path: String
        var name: String
        var origin: RegisterFiles.Origin
        /// Whether a CNIL model's own example sheet is read as an activity (`--keep-example`).
        var keepExample = false
        /// The register's revision the preview was computed at.
        var revision: Int
        var kept: Date
    }

    static let lifetime: TimeInterval = 3600
    private let pending = Mutex<[String: Pending]>([:])
    /// Where the files are kept.
    let directory: String

    /// A shelf keeping its files in `directory`, emptied of the files left there more than an hour before
    /// `now` (by their time of writing, which the file system keeps: the desk's clock is not theirs).
    init(directory: String, now: Date = Date()) {
        self.directory = directory
        // Made at the first upload only: a desk that never takes one leaves nothing in the temporary directory.
        guard Self.isPrivateDirectory(directory), let left = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for file in left where file.hasPrefix(Self.filePrefix) {
            let path = directory + "/" + file
            let written = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
            if written.map({ now.timeIntervalSince($0) > Self.lifetime }) ?? true { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// The shelf of the desk on the database at `databasePath`: a directory beside it, which the server's
    /// user can write since SQLite writes its journal there; a database in memory keeps its uploads in a
    /// new directory of the temporary one, made for this run (`mkdtemp`: a name no one can take first).
    convenience init(databasePath: String) {
        guard !databasePath.isEmpty, databasePath != ":memory:" else {
            var template = Array((FileManager.default.temporaryDirectory.path(percentEncoded: false) + "/registre-uploads-XXXXXX").utf8CString)
            let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) } }
            self.init(directory: made ?? databasePath + ".uploads")
            return
        }
        self.init(directory: URL(fileURLWithPath: databasePath).standardizedFileURL.path(percentEncoded: false) + ".uploads")
    }

    static let filePrefix = "upload-"

    /// Keeps `bytes` for `login`, in place of the file it kept before if any; the token the confirmation names.
    func keep(
        _ bytes: [UInt8], name: String, origin: RegisterFiles.Origin, keepExample: Bool = false, revision: Int, login: String, now: Date
    ) throws -> String {
        try Self.privateDirectory(directory)
        let token = Desk.randomToken()
        let path = directory + "/" + Self.filePrefix + token
        try Self.writePrivately(bytes, to: path)
        let gone = pending.withLock { shelf -> [Pending] in
            let old = shelf.filter { now.timeIntervalSince($0.value.kept) > Self.lifetime || $0.value.login == login }
            for key in old.keys { shelf[key] = nil }
            shelf[token] = Pending(
                login: login, path: path, name: name, origin: origin, keepExample: keepExample, revision: revision, kept: now)
            return Array(old.values)
        }
        for file in gone { try? FileManager.default.removeItem(atPath: file.path) }
        return token
    }

    /// How many files the shelf keeps (expired ones included until the next upload sweeps them).
    var count: Int { pending.withLock { $0.count } }

    /// Makes `path` a directory only its owner may enter, or makes sure it is one: a directory of the
    /// shared temporary one that someone else made, or a link, is refused.
    private static func privateDirectory(_ path: String) throws {
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard isPrivateDirectory(path) else { throw POSIXError(.EACCES) }
    }

    /// Whether `path` is a directory (not a link) of the process's user, which only it may enter (made so
    /// when it is its own).
    private static func isPrivateDirectory(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else { return false }
        return status.st_mode & 0o777 == 0o700 || chmod(path, 0o700) == 0
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
