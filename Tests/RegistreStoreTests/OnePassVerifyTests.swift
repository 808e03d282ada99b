import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// `verify` decodes each entry's fields once, in the pass that compares the tables with the journal, and
/// judges an activity's or a request's kept findings from that one decode (before, every activity and
/// request was decoded again in a pass of its own): a tamper of their kept findings is still named, and
/// an entry whose fields cannot be read no longer hides the findings of the entries after it.
@Suite("Verify: the findings judged in the tables pass")
struct OnePassVerifyTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory()
    }

    /// A database holding `register`, verified intact.
    func imported(_ register: Register, _ name: String) throws -> String {
        let path = scratch.path("\(name).sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        let verdict = try store.journal.verify()
        #expect(verdict.isIntact, "\(verdict.problems.map(\.en))")
        return path
    }

    /// What `verify` names in a copy of `path` changed by `statements`, as the sqlite3 shell would.
    func problems(_ path: String, after statements: String) throws -> [String] {
        let copy = scratch.path("copy-\(UUID().uuidString).sqlite")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        try DatabaseQueue(path: copy).writeWithoutTransaction { try $0.execute(sql: statements) }
        return try RegisterStore(path: copy, mode: .readOnly).journal.verify().problems.map(\.en)
    }

    func first(_ sql: String, _ path: String) throws -> String {
        try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: sql) })
    }

    @Test("an activity's review kept with the wrong moment is named, once")
    func activityDue() throws {
        let path = try imported(try RegisterReader.read(file: Repository.suiteTerritoriale), "activities")
        let id = try first("SELECT id FROM finding WHERE kind = 'activity' AND due IS NOT NULL ORDER BY id LIMIT 1", path)
        let found = try problems(path, after: "UPDATE finding SET due = '2000-01-01T00:00:00.000Z' WHERE kind = 'activity' AND id = '\(id)' AND due IS NOT NULL")
        #expect(found.count == 1 && found[0].hasPrefix("kept findings of activity:\(id):"), "\(found)")
    }

    @Test("a request's kept finding deleted or added is named, once")
    func request() throws {
        let path = try imported(RequestPartiesTests.register(), "requests")
        let id = try first("SELECT id FROM finding WHERE kind = 'request' ORDER BY id LIMIT 1", path)
        let deleted = try problems(path, after: "DELETE FROM finding WHERE kind = 'request' AND id = '\(id)'")
        #expect(deleted.count == 1 && deleted[0].hasPrefix("kept findings of request:\(id):"), "\(deleted)")
        let quiet = try first("SELECT id FROM entity WHERE kind = 'request' AND id NOT IN (SELECT id FROM finding WHERE kind = 'request') ORDER BY id LIMIT 1", path)
        let added = try problems(path, after: "INSERT INTO finding (kind, id, code, severity, organisation) VALUES ('request', '\(quiet)', 'X', 'error', 'mende')")
        #expect(added.count == 1 && added[0].hasPrefix("kept findings of request:\(quiet):"), "\(added)")
    }

    @Test("an activity whose fields cannot be read leaves the findings of the activities after it judged")
    func unreadableActivity() throws {
        let path = try imported(try RegisterReader.read(file: Repository.suiteTerritoriale), "unreadable")
        let unreadable = try first("SELECT id FROM entity WHERE kind = 'activity' ORDER BY position LIMIT 1", path)
        let later = try first("""
            SELECT f.id FROM finding f JOIN entity e ON e.kind = f.kind AND e.id = f.id
            WHERE f.kind = 'activity' AND f.id != '\(unreadable)' ORDER BY e.position DESC LIMIT 1
            """, path)
        let found = try problems(path, after: """
            UPDATE field SET value = '{' WHERE kind = 'activity' AND id = '\(unreadable)' AND name = 'purposes';
            DELETE FROM finding WHERE kind = 'activity' AND id = '\(later)';
            """)
        #expect(found.contains { $0.hasPrefix("table field, row activity:\(unreadable) purposes") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("kept findings of activity:\(later):") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("kept findings of activity:\(unreadable):") }, "\(found)")
    }
}
