import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// The findings kept beside the entries (`finding`, migration v8): written in the transaction of every
/// change that moves them, equal to what `check` finds on the whole register, compared by `verify`.
@Suite("Kept findings: follow every change, equal check, verified")
struct KeptFindingTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory()
    }

    /// `check`'s findings on the whole register without a moment (no rule of the clock fires), one line
    /// per finding and organisation whose register holds its entry: what the table must hold, due aside.
    static func expected(_ register: Register) -> [String] {
        var entries: [EntityKey: RegisterEntry] = [:]
        for entry in register.entries { entries[entry.key] = entry }
        return RegisterCheck.findings(in: register).flatMap { finding -> [String] in
            let owners = entries[finding.subject].map(KeptFinding.owners(of:)) ?? []
            return (owners.isEmpty ? [""] : owners).map { "\(finding.subject) \(finding.code.rawValue) \(finding.severity.rawValue) \($0)" }
        }.sorted()
    }

    static func stored(_ path: String) throws -> (timeless: [String], due: [EntityID: Date]) {
        try DatabaseQueue(path: path).read { db in
            let timeless = try Row.fetchAll(db, sql: "SELECT kind, id, code, severity, organisation FROM finding WHERE due IS NULL").map {
                "\($0["kind"] as String):\($0["id"] as String) \($0["code"] as String) \($0["severity"] as String) \($0["organisation"] as String)"
            }.sorted()
            var due: [EntityID: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, due FROM finding WHERE due IS NOT NULL") {
                due[row["id"]] = Instant.fromISO(row["due"] as String)
            }
            return (timeless, due)
        }
    }

    /// The table equals `check` for the rules without a clock, and each activity's review row falls due
    /// exactly when `check` starts to find the review overdue (not a millisecond before).
    static func expectTableFollows(_ store: RegisterStore, at path: String, _ comment: Comment = "") throws {
        let register = try store.register()
        let (timeless, due) = try stored(path)
        #expect(timeless == expected(register), comment)
        let farFuture = Date(timeIntervalSince1970: 7_000_000_000)
        let overdue = RegisterCheck.findings(in: register, now: farFuture).filter { $0.code == .art24_1_review_overdue }
        #expect(Set(due.keys) == Set(overdue.map(\.subject.id)), comment)
        for (id, moment) in due {
            let at = RegisterCheck.findings(in: register, now: moment).filter { $0.code == .art24_1_review_overdue }.map(\.subject.id)
            let before = RegisterCheck.findings(in: register, now: moment.addingTimeInterval(-0.001))
                .filter { $0.code == .art24_1_review_overdue }.map(\.subject.id)
            #expect(at.contains(id) && !before.contains(id), "\(id) \(comment)")
        }
        #expect(try store.journal.verify().isIntact, comment)
    }

    @Test("an import of each sample fills the table as check finds", arguments: Repository.sampleRegisters)
    func importedSample(file: String) throws {
        let path = scratch.path("sample.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: file), actor: "dpo") }
        try Self.expectTableFollows(store, at: path)
    }

    /// Every kind of point change, each in its own transaction, on generated registers: an activity's
    /// processors, an organisation's country and DPO, a structure's members, an agreement deleted, then
    /// another register imported over it.
    @Test("point writes and imports of generated registers", .tags(.slow), .skippedInQuickRuns, arguments: 0..<20)
    func generated(seed: Int) throws {
        var generator = RegisterGenerator(seed: UInt64(seed))
        let register = generator.register()
        let path = scratch.path("generated-\(seed).sqlite")
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        try Self.expectTableFollows(store, at: path, "imported")
        try clock.at(tuesday) {
            if var activity = register.activities.first {
                activity.processors = []
                _ = try store.change(actor: "test") { try $0.save(.activity(activity)) }
                try Self.expectTableFollows(store, at: path, "activity without processors")
            }
            if var organisation = register.organisations.last {
                organisation.country = organisation.country == "US" ? "FR" : "US"
                organisation.dpo = nil
                _ = try store.change(actor: "test") { try $0.save(.organisation(organisation)) }
                try Self.expectTableFollows(store, at: path, "organisation moved abroad")
            }
            if var structure = register.organisations.first {
                structure.members = structure.members.isEmpty ? register.organisations.dropFirst().map(\.id) : []
                _ = try store.change(actor: "test") { try $0.save(.organisation(structure)) }
                try Self.expectTableFollows(store, at: path, "structure's members")
            }
            for agreement in register.agreements {
                // An agreement named by an audit, a breach or an activity cannot be deleted: the first that can.
                guard (try? store.change(actor: "test") { try $0.delete(EntityKey(.agreement, agreement.id)) }) != nil else { continue }
                try Self.expectTableFollows(store, at: path, "agreement \(agreement.id) deleted")
                break
            }
            var nextGenerator = RegisterGenerator(seed: UInt64(seed + 10_000))
            _ = try store.replace(with: nextGenerator.register(), actor: "test")
            try Self.expectTableFollows(store, at: path, "another register imported")
        }
    }

    /// As with the sqlite3 shell, which does not enforce foreign keys unless asked: a row of no entry.
    @Test("verify names a kept finding deleted, changed or added behind registre's back")
    func tampered() throws {
        let path = scratch.path("tampered.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
        #expect(try store.journal.verify().isIntact)
        let (kind, id) = try DatabaseQueue(path: path).read { db -> (String, String) in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT kind, id FROM finding WHERE due IS NULL ORDER BY kind, id LIMIT 1"))
            return (row["kind"], row["id"])
        }
        func problems(after statement: String) throws -> [String] {
            let copy = scratch.path("copy-\(UUID().uuidString).sqlite")
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
            }
            try DatabaseQueue(path: copy).writeWithoutTransaction { try $0.execute(sql: statement) }
            return try RegisterStore(path: copy, mode: .readOnly).journal.verify().problems.map(\.en)
        }
        let deleted = try problems(after: "DELETE FROM finding WHERE rowid = (SELECT min(rowid) FROM finding WHERE kind = '\(kind)' AND id = '\(id)' AND due IS NULL)")
        #expect(deleted.count == 1 && deleted[0].contains("kept findings of \(kind):\(id)"), "\(deleted)")
        let changed = try problems(after: "UPDATE finding SET severity = 'info' WHERE kind = '\(kind)' AND id = '\(id)'")
        #expect(changed.count == 1 && changed[0].contains("kept findings of \(kind):\(id)"), "\(changed)")
        let orphan = try problems(after: "PRAGMA foreign_keys = OFF; INSERT INTO finding (kind, id, code, severity, organisation) VALUES ('activity', 'nobody', 'X', 'error', '')")
        #expect(orphan.count == 1 && orphan[0].contains("activity:nobody is not in the register"), "\(orphan)")
    }

    @Test("a database of the schema before v8 is filled on upgrade, as check finds")
    func upgrade() throws {
        let path = scratch.path("v7.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
        // Back to the schema of v7, as registre before v8 left it.
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: OlderSchema.beforeRequests + """
                ALTER TABLE entity ADD COLUMN fragment BLOB;
                ALTER TABLE entity ADD COLUMN fragment_version INTEGER;
                DROP TRIGGER activity_text_added; DROP TRIGGER activity_text_renamed; DROP TRIGGER activity_text_removed; DROP TABLE activity_text; DROP TABLE activity_text_row;
                DROP TABLE finding; DROP TABLE finding_rules; DROP INDEX activity_processors;
                DROP TRIGGER activity_name_key_added; DROP TRIGGER activity_name_key_renamed; DROP TRIGGER activity_name_key_removed; DROP TABLE activity_name_key;
                DROP INDEX organisation_members; DROP INDEX agreement_processor; DROP INDEX agreement_controllers; DROP INDEX agreement_subprocessors; DROP INDEX record_parties;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v8:%' OR identifier LIKE 'v9:%' OR identifier LIKE 'v10%' OR identifier LIKE 'v11%';
                """)
        }
        let older = try RegisterStore(path: path, mode: .readOnly)
        let verdict = try older.journal.verify()
        #expect(verdict.isIntact, "read as it is, with the schema of its day: \(verdict.problems.map(\.en))")
        let upgraded = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        try Self.expectTableFollows(upgraded, at: path)
    }

    @Test("counts per organisation and severity, those of the clock from their moment on")
    func counts() throws {
        let path = scratch.path("counts.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        for organisation in register.organisations {
            var expected: [Finding.Severity: Int] = [:]
            var entries: [EntityKey: RegisterEntry] = [:]
            for entry in register.entries { entries[entry.key] = entry }
            for finding in RegisterCheck.findings(in: register, now: monday)
            where !RegisterCheck.breachClockRules.contains(where: { $0.code == finding.code })
                && entries[finding.subject].map(KeptFinding.owners(of:))?.contains(organisation.id) == true {
                expected[finding.severity, default: 0] += 1
            }
            let counts = try store.read { try $0.findingCounts(of: [organisation.id], at: monday) }
            #expect(counts[organisation.id, default: [:]] == expected, "\(organisation.id)")
        }
        let all = try store.read { try $0.findingCounts(of: nil, at: monday) }
        #expect(all.keys.count > 1)
    }
}
