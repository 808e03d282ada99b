import Foundation
import RegistreCore

/// Where a command's result goes when it is given a path (`-o`, `backup`), handled as a careful tool
/// does:
///
/// - a regular file (or a link to one) is replaced whole or not at all: the result is written into a
///   temporary file beside it, given the mode and owner of the file it replaces, then renamed over it;
///   a link stays a link, and the file it points to is the one replaced;
/// - a path that does not exist becomes a new file readable by its owner only (0600): exports, reports
///   and backups hold personal data, as the database does;
/// - a FIFO or a character device (`/dev/null`, `/dev/stdout`, a terminal, a link to `/proc/self/fd/1`)
///   is written into, as a shell redirection would, and never replaced by a regular file;
/// - anything else (a directory, a block device, a socket, a link to nothing) is refused.
///
/// Nothing that can fail here traps: every failure is a `Failure` with the path and the reason.
final class OutputFile {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        /// Why, in registre's words, or the system's (`strerror`, which speaks the C locale's English).
        let reason: LocalizedText
        /// The system's error number, when the system refused.
        var code: Int32?
        var description: String { message(in: .en) }

        /// The reader at the other end of a pipe went away.
        var isClosedPipe: Bool { code == EPIPE }

        init(path: String, reason: LocalizedText) {
            self.path = path
            self.reason = reason
        }

        init(path: String, errno code: Int32) {
            let reason = String(cString: strerror(code))
            self.init(path: path, reason: LocalizedText(fr: reason, en: reason))
            self.code = code
        }
    }

    /// The path the user gave, for messages.
    let path: String
    /// Where the bytes go now: the temporary file, or the device or FIFO itself.
    private(set) var writingPath: String
    /// The file renamed over at the end, or nil when the output is written in place.
    private let replacing: String?
    private var descriptor: Int32

    /// Opens `path` for a result, following the rules above. `devices: false` refuses FIFOs and devices
    /// too, for a result that must be a regular file (a database backup).
    init(path: String, devices: Bool = true) throws(Failure) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                let target = Self.resolved(path)
                let temporary = Self.temporaryPath(beside: target)
                descriptor = try Self.create(temporary, reportedAs: path)
                // Keep what the owner chose: mode, owner and group of the file being replaced. Only root
                // may give a file away; anyone else keeps the mode and becomes the owner, as `cp` does.
                fchmod(descriptor, status.st_mode & 0o7777)
                _ = fchown(descriptor, status.st_uid, status.st_gid)
                writingPath = temporary
                replacing = target
            case S_IFIFO, S_IFCHR:
                guard devices else { throw Failure(path: path, reason: LocalizedText(fr: "ce n'est pas un fichier ordinaire", en: "it is not a regular file")) }
                descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw Failure(path: path, errno: errno) }
                writingPath = path
                replacing = nil
            case S_IFDIR:
                throw Failure(path: path, reason: LocalizedText(fr: "c'est un répertoire", en: "it is a directory"))
            default:
                throw Failure(path: path, reason: LocalizedText(
                    fr: "ce n'est ni un fichier ordinaire, ni un FIFO, ni un périphérique caractère",
                    en: "it is neither a regular file, a FIFO nor a character device"))
            }
        } else if errno == ENOENT {
            var link = stat()
            if lstat(path, &link) == 0 {
                throw Failure(path: path, reason: LocalizedText(
                    fr: "c'est un lien vers rien (\(Self.linkText(path)))", en: "it is a link to nothing (\(Self.linkText(path)))"))
            }
            let temporary = Self.temporaryPath(beside: path)
            descriptor = try Self.create(temporary, reportedAs: path)
            writingPath = temporary
            replacing = path
        } else {
            throw Failure(path: path, errno: errno)
        }
    }

    deinit {
        abandon()
    }

    /// Appends bytes, however many calls `write(2)` takes.
    func write(_ bytes: [UInt8]) throws(Failure) {
        try Self.writeAll(bytes, to: descriptor, reportedAs: path)
    }

    /// Makes the result final: flushed to disk and renamed over the target.
    func commit() throws(Failure) {
        guard descriptor >= 0 else { throw Failure(path: path, reason: LocalizedText(fr: "déjà fermé", en: "already closed")) }
        if replacing != nil, fsync(descriptor) != 0 {
            let code = errno
            abandon()
            throw Failure(path: path, errno: code)
        }
        let closed = close(descriptor)
        let code = errno
        descriptor = -1
        guard closed == 0 else {
            abandon()
            throw Failure(path: path, errno: code)
        }
        if let replacing, rename(writingPath, replacing) != 0 {
            let code = errno
            unlink(writingPath)
            throw Failure(path: path, errno: code)
        }
    }

    /// Gives up: the temporary file is removed and the target is left as it was.
    func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
            if replacing != nil { unlink(writingPath) }
        }
    }

    /// Writes a whole result to `path` at once.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// `write(2)` until every byte is written, retrying when interrupted.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, reportedAs name: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Failure(path: name, errno: errno)
            }
            written += result
        }
    }

    private static func create(_ temporary: String, reportedAs name: String) throws(Failure) -> Int32 {
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: name, errno: errno) }
        fchmod(descriptor, 0o600)  // whatever the umask
        return descriptor
    }

    private static func temporaryPath(beside target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).part-\(UUID().uuidString)").path()
    }

    /// The file a chain of links ends at.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func linkText(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }
}
