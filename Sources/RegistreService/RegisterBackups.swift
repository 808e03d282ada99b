public import Foundation
public import RegistreCore
public import RegistreStore

/// The operator's backups (`registre backup --to DIR --keep N`, run by the package's timer) and their
/// restore (`registre restore FILE`), written once for the command line and any other caller.
///
/// A backup is SQLite's online backup (safe while the desk writes) into `DIR/registre-<UTC time>.sqlite`,
/// checked by `verify` before any older copy is removed: a copy that does not pass never rotates out one
/// that did. A restore copies the file aside, verifies that copy, and only then writes it over the
/// database, through SQLite's backup API again: a tampered or damaged copy changes nothing.
public enum RegisterBackups {
    /// A backup made, and the older copies rotation removed.
    public struct Made: Sendable, Equatable {
        /// The new copy.
        public var path: String
        /// The copies removed, oldest first.
        public var removed: [String]
    }

    /// Why a backup or a restore refused to go on: nothing was replaced or removed.
    public enum Refusal: Error, Equatable {
        /// The copy does not pass `verify`: its first problem and how many in all.
        case tampered(path: String, first: LocalizedText, count: Int)
        /// A copy of that name exists already (two backups within the same second).
        case exists(path: String)
    }

    /// The name of the copy made at `moment`: `registre-20261207T230500Z.sqlite`, which sorts by time.
    public static func fileName(at moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        let stamp = String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0,
            parts.second ?? 0)
        return "registre-\(stamp).sqlite"
    }

    /// Whether `name` is a copy this rotation made (and may remove): nothing else in the folder is touched.
    static func isCopy(_ name: String) -> Bool {
        let pattern = /registre-\d{8}T\d{6}Z\.sqlite/
        return name.wholeMatch(of: pattern) != nil
    }

    /// Copies `store` into `directory` as ``fileName(at:)`` of `moment`, verifies the copy, then removes
    /// the oldest other copies so that `keep` remain with the new one (kept whatever its name sorts after).
    /// A copy that does not pass is renamed `….sqlite.rejected`, out of the rotation, and nothing is removed.
    /// - Throws: ``Refusal`` (nothing removed), `StoreError` when a database cannot be read or written,
    ///   or the error of listing or removing a file.
    public static func backup(_ store: RegisterStore, into directory: String, keep: Int, at moment: Date) throws -> Made {
        precondition(keep >= 1, "a rotation keeps at least the new copy")
        let path = (directory as NSString).appendingPathComponent(fileName(at: moment))
        guard !FileManager.default.fileExists(atPath: path) else { throw Refusal.exists(path: path) }
        try store.backup(to: path)
        do {
            try verify(path)
        } catch {
            // Out of the rotation's names: a copy that does not pass never counts as one of the N kept.
            _ = rename(path, path + ".rejected")
            throw error
        }
        // The new copy is kept whatever its name sorts after (a clock stepped back, a copy from elsewhere
        // dated later): the oldest of the others go, so that `keep` remain with it. Regular files only.
        let others = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { isCopy($0) && $0 != (path as NSString).lastPathComponent }
            .map { (directory as NSString).appendingPathComponent($0) }
            .filter { (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeRegular }
            .sorted()
        let removed = Array(others.dropLast(keep - 1))
        for old in removed { try FileManager.default.removeItem(atPath: old) }
        return Made(path: path, removed: removed)
    }

    /// Writes the copy at `file` over the database at `databasePath` (created when missing), once a copy
    /// of it, taken aside in the database's folder, passes `verify`; returns the restored journal's length.
    /// - Throws: ``Refusal/tampered(path:first:count:)`` (nothing replaced), `StoreError` when a database
    ///   cannot be opened, read or written.
    public static func restore(_ file: String, into databasePath: String, busyTimeout: TimeInterval = RegisterStore.busyTimeout) throws -> Int {
        // The copy verified is the one written: the file given could change between a check and the copy.
        let folder = (RegisterStoreLiteral.absolute(databasePath) as NSString).deletingLastPathComponent
        let aside = (folder as NSString).appendingPathComponent(".registre-restore-\(UUID().uuidString).sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { unlink(aside + suffix) } }
        try RegisterOfRecord.open(path: file, mode: .readOnly, busyTimeout: busyTimeout).backup(to: aside)
        let copy = try RegisterOfRecord.open(path: aside, mode: .readOnly, busyTimeout: busyTimeout)
        let entries = try verify(copy, named: file)
        let live = try RegisterOfRecord.open(path: databasePath, mode: .createIfNeeded, busyTimeout: busyTimeout)
        try live.restore(from: copy)
        return entries
    }

    /// Verifies the copy at `path`; returns its journal's length.
    @discardableResult
    static func verify(_ path: String) throws -> Int {
        try verify(try RegisterOfRecord.open(path: path, mode: .readOnly), named: path)
    }

    private static func verify(_ copy: RegisterStore, named path: String) throws -> Int {
        let verification = try copy.journal.verify()
        if let first = verification.problems.first {
            throw Refusal.tampered(path: path, first: first, count: verification.problemCount)
        }
        return verification.entries
    }
}

/// Paths as the store opens them.
enum RegisterStoreLiteral {
    /// `path` made absolute from the working directory.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
