import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Synchronization
import Testing

@Suite("Opening a database: read-only, refusals, busy")
struct OpeningTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
    }

    func makeRegister() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
    }

    func journalMode() throws -> String {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    func tables() throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
    }

    @Test("read-only mode reads without converting the database to WAL or writing anything")
    func readOnlyWritesNothing() throws {
        try makeRegister()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try RegisterStore(path: path, mode: .readOnly)
        #expect(try store.register().activities.count > 0)
        #expect(try store.journal.verify().isIntact)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try journalMode() == "delete")
        // The writing mode does convert it: the test above can tell.
        _ = try RegisterStore(path: path, mode: .existing)
        #expect(try journalMode() == "wal")
    }

    @Test("read-only mode never creates a database")
    func readOnlyNeverCreates() throws {
        #expect(throws: StoreError.noDatabase(path: path)) { try RegisterStore(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a read-only file in a read-only directory can be read", .enabled(if: geteuid() != 0, "root ignores permissions"))
    func readOnlyDirectory() throws {
        try makeRegister()
        let directory = scratch.url.path()
        chmod(path, 0o400)
        chmod(directory, 0o500)
        defer { chmod(directory, 0o700) }
        #expect(try RegisterStore(path: path, mode: .readOnly).register().activities.count > 0)
    }

    @Test("another application's SQLite file is refused, in every mode, and left untouched")
    func foreignDatabase() throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE; CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for mode in [RegisterStore.OpenMode.readOnly, .existing, .createIfNeeded] {
            #expect(throws: StoreError.notARegister(path: path, reason: .foreignSchema)) { try RegisterStore(path: path, mode: mode) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try tables() == ["notes"])
        #expect(try journalMode() == "delete")
    }

    @Test("a text file is refused and left untouched")
    func textFile() throws {
        let text = try scratch.write("not a database at all, but long enough to have a header of sorts...\n", to: "notes.txt")
        for mode in [RegisterStore.OpenMode.readOnly, .existing] {
            #expect(throws: StoreError.notARegister(path: text, reason: .notSQLite)) { try RegisterStore(path: text, mode: mode) }
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("not a database"))
    }

    @Test("a database from a newer registre is refused, in every mode, and left untouched")
    func newerSchema() throws {
        try makeRegister()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        for mode in [RegisterStore.OpenMode.readOnly, .existing, .createIfNeeded] {
            #expect(throws: StoreError.newerSchema(path: path)) { try RegisterStore(path: path, mode: mode) }
        }
    }

    @Test("a database of this registre opens in every mode")
    func ownDatabase() throws {
        try makeRegister()
        for mode in [RegisterStore.OpenMode.readOnly, .existing, .createIfNeeded] {
            #expect(try RegisterStore(path: path, mode: mode).register().activities.count > 0)
        }
    }

    @Test("a write waits the busy timeout for a command holding the database, then says so")
    func busyWrite() throws {
        try makeRegister()
        let holder = try DatabaseQueue(path: path)
        let store = try RegisterStore(path: path, mode: .existing, busyTimeout: 1, clock: clock.journal)
        var register = try store.register()
        register.title = "Autre titre"
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let start = Date()
            do {
                _ = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
                Issue.record("the write went through a held lock")
            } catch {
                #expect(store.describe(error) == "\(path): database busy: another command has held it for 1 s")
            }
            #expect(Date().timeIntervalSince(start) >= 0.9)
        }
        // Once the lock is released, the same write goes through.
        _ = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
    }

    /// Issue 22: with a writer holding the database 45 s, `--busy-timeout 5` waited the 45 s and went
    /// through, each try of the opening waiting the whole timeout again. The opening and the write give up
    /// before the writer lets go: the holder lets go only once they have given up, or after 30 times
    /// their timeout, and what they answer must be `busy`.
    @Test("the busy timeout bounds the whole wait: opening and writing under a held lock answer busy before it is released")
    func busyOpen() throws {
        try makeRegister()
        let holder = try DatabaseQueue(path: path)
        let path = self.path, clock = self.clock
        let outcome = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        var finished = false
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            DispatchQueue.global().async {
                defer { done.signal() }
                do {
                    let store = try RegisterStore(path: path, mode: .existing, busyTimeout: 0.2, clock: clock.journal)
                    var register = try store.register()
                    register.title = "Autre titre"
                    _ = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
                    outcome.withLock { $0 = "written through a held lock" }
                } catch {
                    outcome.withLock { $0 = "\(error)" }
                }
            }
            // The holder lets go once the store has given up, or after 30 times its timeout.
            finished = done.wait(timeout: .now() + 6) == .success
        }
        if !finished { done.wait() }
        #expect(outcome.withLock { $0 } == "\(StoreError.busy(path: path, seconds: 0.2))")
    }

    @Test("a read does not wait for a writer holding a WAL database")
    func readDuringWrite() throws {
        try makeRegister()
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE; UPDATE entity SET position = position")
            defer { try? db.execute(sql: "ROLLBACK") }
            let store = try RegisterStore(path: path, mode: .readOnly, busyTimeout: 1)
            #expect(try store.register().activities.count > 0)
        }
    }

    @Test("a read of a database another program holds exclusively reports busy when the timeout expires")
    func busyRead() throws {
        try makeRegister()
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE; UPDATE entity SET position = position")
            defer { try? db.execute(sql: "ROLLBACK") }
            #expect(throws: StoreError.busy(path: path, seconds: 1)) { try RegisterStore(path: path, mode: .readOnly, busyTimeout: 1) }
        }
    }
}
