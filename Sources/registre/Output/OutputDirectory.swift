import Foundation
import RegistreCore

/// A directory of results written all or nothing (`export --each-member -o DIR`): every file is written
/// through `OutputFile` into a fresh hidden directory beside DIR, and only once all are complete are they
/// moved into place — the hidden directory itself becomes DIR when DIR does not exist yet, else each
/// file is renamed into DIR (replacing a regular file of the same name, after checking that nothing
/// else stands in the way of any). A failure before that removes the hidden directory, so DIR is left
/// as it was.
final class OutputDirectory {
    /// The directory the user gave, for messages.
    let path: String
    private let staging: String
    private var names: [String] = []
    private var finished = false

    /// Prepares the hidden directory beside `path`, which must be a directory or not exist.
    init(path: String) throws(OutputFile.Failure) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw OutputFile.Failure(path: path, reason: LocalizedText(fr: "ce n'est pas un répertoire", en: "it is not a directory"))
        }
        let url = URL(fileURLWithPath: path)
        staging = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).part-\(UUID().uuidString)").path()
        guard mkdir(staging, 0o700) == 0 else { throw OutputFile.Failure(path: path, errno: errno) }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Writes one file of the directory, whole, into the hidden directory.
    func write(_ bytes: [UInt8], named name: String) throws(OutputFile.Failure) {
        try OutputFile.write(bytes, to: "\(staging)/\(name)")
        names.append(name)
    }

    /// Moves every file into `path`.
    func commit() throws(OutputFile.Failure) {
        var status = stat()
        if stat(path, &status) != 0 {
            guard rename(staging, path) == 0 else {
                let code = errno
                abandon()
                throw OutputFile.Failure(path: path, errno: code)
            }
            finished = true
            return
        }
        // Whatever would stop a rename half-way (a directory where a file goes) stops it before the first.
        for name in names {
            var target = stat()
            if lstat("\(path)/\(name)", &target) == 0, target.st_mode & S_IFMT != S_IFREG {
                abandon()
                throw OutputFile.Failure(path: "\(path)/\(name)", reason: LocalizedText(fr: "ce n'est pas un fichier ordinaire", en: "it is not a regular file"))
            }
        }
        finished = true
        for name in names where rename("\(staging)/\(name)", "\(path)/\(name)") != 0 {
            let code = errno
            abandon()
            throw OutputFile.Failure(path: "\(path)/\(name)", errno: code)
        }
        rmdir(staging)
    }

    /// Removes the hidden directory and what it holds.
    func abandon() {
        finished = true
        for name in names { unlink("\(staging)/\(name)") }
        rmdir(staging)
    }
}
