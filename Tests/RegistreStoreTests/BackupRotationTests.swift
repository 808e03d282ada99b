import Foundation
import GRDB
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

@Suite("Backups the operator runs: dated copies verified then rotated, a restore that verifies before it replaces anything")
struct BackupRotationTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String
    let folder: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
        folder = scratch.path("copies")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func store() throws -> RegisterStore {
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        if try store.revision() == 0 { _ = try clock.at(monday) { try store.replace(with: CompleteRegister.register, actor: "dpo") } }
        return store
    }

    /// A change after the copy: the controller renamed.
    func rename(_ store: RegisterStore) throws {
        var renamed = CompleteRegister.controller
        renamed.name = "Commune renommée après la copie"
        _ = try clock.at(monday.addingTimeInterval(60)) { try store.change(actor: "dpo") { edit in try edit.save(.organisation(renamed)) } }
    }

    func copies() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("a copy is named by its UTC time; --keep 2 removes the oldest copies, and nothing else in the folder")
    func rotation() throws {
        let store = try store()
        _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("à garder".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/registre-manual.sqlite", contents: Data())
        var made: [RegisterBackups.Made] = []
        for hours in 0..<3 {
            made.append(try RegisterBackups.backup(store, into: folder, keep: 2, at: monday.addingTimeInterval(Double(hours) * 3_600)))
        }
        #expect(RegisterBackups.fileName(at: monday) == "registre-20260921T141320Z.sqlite")
        #expect(made.map(\.removed.count) == [0, 0, 1])
        #expect(made[2].removed == [folder + "/registre-20260921T141320Z.sqlite"])
        #expect(try copies() == ["notes.txt", "registre-20260921T151320Z.sqlite", "registre-20260921T161320Z.sqlite", "registre-manual.sqlite"])
        let copy = try RegisterOfRecord.open(path: made[2].path, mode: .readOnly)
        #expect(try copy.register() == store.register())
        #expect(try copy.journal.verify().isIntact)
    }

    @Test("the new copy is kept even when a copy in the folder is dated later (a clock stepped back)")
    func clockBack() throws {
        let store = try store()
        let later = try RegisterBackups.backup(store, into: folder, keep: 1, at: monday.addingTimeInterval(86_400))
        let made = try RegisterBackups.backup(store, into: folder, keep: 1, at: monday)
        #expect(made.removed == [later.path])
        #expect(try copies() == [RegisterBackups.fileName(at: monday)])
    }

    @Test("a copy that does not pass verify is set aside as .rejected, removes nothing, and is no copy of the rotation")
    func rejected() throws {
        let store = try store()
        let good = try RegisterBackups.backup(store, into: folder, keep: 1, at: monday)
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: #"UPDATE field SET value = '"Forgé"' WHERE kind = 'organisation' AND name = 'name'"#)
        }
        #expect(throws: RegisterBackups.Refusal.self) {
            try RegisterBackups.backup(store, into: folder, keep: 1, at: monday.addingTimeInterval(3_600))
        }
        let name = (good.path as NSString).lastPathComponent
        #expect(try copies() == [name, RegisterBackups.fileName(at: monday.addingTimeInterval(3_600)) + ".rejected"])
    }

    @Test("a second copy within the same second is refused, and the first is kept")
    func sameSecond() throws {
        let store = try store()
        let first = try RegisterBackups.backup(store, into: folder, keep: 1, at: monday)
        #expect(throws: RegisterBackups.Refusal.exists(path: first.path)) { try RegisterBackups.backup(store, into: folder, keep: 1, at: monday) }
        #expect(try copies() == [RegisterBackups.fileName(at: monday)])
    }

    @Test("a restore writes the copy over the database, which then passes verify with the copy's register")
    func restore() throws {
        let store = try store()
        let saved = try store.register()
        let copy = try RegisterBackups.backup(store, into: folder, keep: 3, at: monday).path
        try rename(store)
        #expect(try store.register() != saved)
        let entries = try RegisterBackups.restore(copy, into: path)
        #expect(try store.register() == saved)
        let reopened = try RegisterOfRecord.open(path: path, mode: .existing)
        #expect(try reopened.register() == saved)
        #expect(try reopened.journal.verify().isIntact && reopened.revision() == entries)
    }

    @Test("a restore of a tampered copy is refused and changes nothing", arguments: [
        #"UPDATE field SET value = '"Forgé"' WHERE kind = 'organisation' AND name = 'name'"#,
        "DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'quelqu''un' WHERE sequence = 1",
    ])
    func tampered(statement: String) throws {
        let store = try store()
        let copy = try RegisterBackups.backup(store, into: folder, keep: 3, at: monday).path
        try DatabaseQueue(path: copy).writeWithoutTransaction { db in try db.execute(sql: statement) }
        try rename(store)
        let before = (try store.register(), try store.revision(), try store.journal.entries().map(\.hash))
        #expect {
            _ = try RegisterBackups.restore(copy, into: path)
        } throws: { error in
            guard case .tampered(let refused, _, let count) = error as? RegisterBackups.Refusal else { return false }
            return refused == copy && count >= 1
        }
        #expect(try store.register() == before.0 && store.revision() == before.1 && store.journal.entries().map(\.hash) == before.2)
        #expect(try RegisterOfRecord.open(path: path, mode: .existing).journal.verify().isIntact)
        // The copy taken aside is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("")).filter { $0.hasPrefix(".registre-restore") }.isEmpty)
    }

    @Test("a file that is not a registre database is refused and changes nothing")
    func notARegister() throws {
        let store = try store()
        let before = try store.revision()
        let text = scratch.path("notes.sqlite")
        _ = FileManager.default.createFile(atPath: text, contents: Data("not a database".utf8))
        #expect(throws: StoreError.self) { try RegisterBackups.restore(text, into: path) }
        #expect(try store.revision() == before)
    }

    @Test("health: ready on a current schema, not current once a newer registre migrated it, unreachable once the file is gone")
    func health() throws {
        let store = try store()
        #expect(store.health() == .ready)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: newer')") }
        #expect(store.health() == .schemaNotCurrent)
        try FileManager.default.removeItem(atPath: path)
        guard case .unreachable = store.health() else { Issue.record("a database whose file is gone is reachable"); return }
    }
}
