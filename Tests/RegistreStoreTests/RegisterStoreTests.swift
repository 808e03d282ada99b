import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// A fixed clock: no test depends on the time it runs at.
let monday = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z
let tuesday = monday.addingTimeInterval(86_400)

/// The journal's clock in a test: set to the moment each change should be written at.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = monday

    var journal: JournalClock { JournalClock { [self] in lock.withLock { moment } } }

    /// Runs `body` with the clock showing `date`.
    func at<T>(_ date: Date, _ body: () throws -> T) rethrows -> T {
        lock.withLock { moment = date }
        return try body()
    }
}

@Suite("The register of record")
struct RegisterStoreTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
    }

    func sample() throws -> Register { try RegisterReader.read(file: Repository.suiteTerritoriale) }

    /// Every row of every table, to compare a database before and after.
    func dump() throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try ["entity", "field", "journal"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table): \($0)" }
            }
        }
    }

    @Test("a new database is readable by its owner only")
    func privateFile() throws {
        _ = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("a reading command does not create a database")
    func noDatabase() throws {
        #expect(throws: StoreError.noDatabase(path: path)) { try RegisterStore(path: path, mode: .existing) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an import stores the register exactly, and journals one creation per entry")
    func firstImport() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        let register = try sample()
        let outcome = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        #expect(try store.register() == register)
        #expect(outcome.entries.count == 1 + register.organisations.count + register.activities.count
            + register.processorRecords.count + register.agreements.count + register.matrices.count + register.audits.count)
        #expect(outcome.entries.allSatisfy { $0.change == .created && $0.actor == "dpo" && $0.recordedAt == monday })
        #expect(outcome.entries.map(\.sequence) == Array(1...Int64(outcome.entries.count)))
        #expect(try store.journal.verify().isIntact)
    }

    @Test("importing the same register twice changes nothing at all")
    func idempotent() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try sample(), actor: "dpo") }
        let before = try dump()
        let outcome = try clock.at(tuesday) { try store.replace(with: try sample(), actor: "dpo") }
        #expect(outcome.isUnchanged)
        #expect(try dump() == before)
    }

    @Test("a changed register records exactly its differences")
    func differences() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = try sample()
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        let index = try #require(register.activities.firstIndex { $0.id == "mende-rdv" })
        let removed = register.activities[index].purposes.removeLast()
        var added = register.activities[index]
        added.id = "mende-cantine"
        added.name = "Inscriptions à la cantine"
        register.activities.append(added)
        register.processorRecords.removeAll { $0.id == "anct-pour-mende" }
        let outcome = try clock.at(tuesday) { try store.replace(with: register, actor: "secretaire") }
        #expect(outcome.entries.map { "\($0.change.rawValue) \($0.entity)" } == [
            "updated activity:mende-rdv", "created activity:mende-cantine", "deleted processor-record:anct-pour-mende",
        ])
        let update = outcome.entries[0]
        #expect(update.fields.map(\.name) == ["purposes"])
        #expect(update.fields[0].before?.contains(removed) == true)
        #expect(update.fields[0].after?.contains(removed) == false)
        #expect(try store.register() == register)
        #expect(try store.journal.verify().isIntact)
    }

    @Test("moving an activity is journaled as a change of position")
    func reorder() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = try sample()
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        register.activities.swapAt(0, 1)
        let outcome = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
        #expect(outcome.entries.count == 2)
        #expect(outcome.entries.allSatisfy { $0.fields.map(\.name) == ["@position"] })
        #expect(try store.register() == register)
    }

    @Test("the register as it stood at a past moment comes back exactly")
    func asOf() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        let first = try sample()
        _ = try clock.at(monday) { try store.replace(with: first, actor: "dpo") }
        var second = first
        second.activities.removeFirst()
        second.organisations[0].email = "accueil@cdg48.fr"
        _ = try clock.at(tuesday) { try store.replace(with: second, actor: "dpo") }
        #expect(try store.register(asOf: monday.addingTimeInterval(3600)) == first)
        #expect(try RegisterWriter.bytes(of: store.register(asOf: monday)) == RegisterWriter.bytes(of: first))
        #expect(try store.register(asOf: tuesday) == second)
        #expect(try store.register(asOf: monday.addingTimeInterval(-1)) == Register())
    }

    @Test("the journal's time never goes back, whatever the clock or the effective time says")
    func timeGoesForward() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = try sample()
        _ = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
        register.title = "Autre titre"
        // The machine's clock steps back a day; the person says the change took effect last week.
        let lastWeek = monday.addingTimeInterval(-7 * 86_400)
        let outcome = try clock.at(monday) { try store.replace(with: register, actor: "dpo", effective: lastWeek) }
        let entry = try #require(outcome.entries.first)
        #expect(entry.recordedAt == tuesday)
        #expect(entry.effectiveAt == lastWeek)
        #expect(entry.systemUser != nil)
        #expect(try store.journal.verify().isIntact)
        #expect(try store.journal.entries(entity: "register").last?.effectiveAt == lastWeek)
    }

    @Test("generated registers go through the store unchanged", .tags(.slow), .skippedInQuickRuns, arguments: 0..<30)
    func property(seed: Int) throws {
        var generator = RegisterGenerator(seed: UInt64(seed))
        let register = generator.register()
        let store = try RegisterStore(path: scratch.path("generated-\(seed).sqlite"), mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        #expect(try store.register() == register)
        var nextGenerator = RegisterGenerator(seed: UInt64(seed + 10_000))
        var next = nextGenerator.register()
        next.title = register.title
        _ = try clock.at(tuesday) { try store.replace(with: next, actor: "test") }
        #expect(try store.register() == next)
        #expect(try store.register(asOf: monday) == register)
        #expect(try store.journal.verify().isIntact)
    }

    @Test("a backup is a whole, private copy that passes verify")
    func backup() throws {
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try sample(), actor: "dpo") }
        let copyPath = scratch.path("copy.sqlite")
        try store.backup(to: copyPath)
        let copy = try RegisterStore(path: copyPath, mode: .existing)
        #expect(try copy.journal.verify().isIntact)
        #expect(try copy.register() == store.register())
        #expect((try FileManager.default.attributesOfItem(atPath: copyPath)[.posixPermissions] as? Int) == 0o600)
    }
}

@Suite("Tampering is detected")
struct TamperingTests {
    let sample: JournaledSample
    var clock: TestClock { sample.clock }
    var scratch: ScratchDirectory { sample.scratch }
    var path: String { sample.path }
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try JournaledSample()
    }

    func tamper(_ sql: String) throws {
        try sample.tamper(sql)
    }

    func firstProblem() throws -> String {
        let verification = try store.journal.verify()
        #expect(!verification.isIntact)
        return verification.problems.first?.en ?? ""
    }

    @Test("an intact database verifies")
    func intact() throws {
        let verification = try store.journal.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.entries == 24)
    }

    @Test("a field edited in place is named")
    func editedField() throws {
        try tamper(#"UPDATE field SET value = '"Commune de Mande"' WHERE id = 'mende' AND name = 'name'"#)
        #expect(try firstProblem() == "table field, row organisation:mende name: does not match the journal")
    }

    @Test("a row added behind the tool's back is named")
    func addedRow() throws {
        try tamper("INSERT INTO entity (kind, id, position) VALUES ('activity', 'fantome', 99)")
        #expect(try firstProblem() == "table entity, row activity:fantome: not recorded in the journal")
    }

    @Test("a row deleted behind the tool's back is named")
    func deletedRow() throws {
        try tamper("DELETE FROM entity WHERE kind = 'activity' AND id = 'marvejols-visio'")
        #expect(try firstProblem() == "table entity, row activity:marvejols-visio: recorded in the journal but missing from the tables")
    }

    @Test("the journal refuses updates and deletions through SQLite")
    func appendOnly() throws {
        #expect(throws: (any Error).self) { try tamper("DELETE FROM journal WHERE sequence = 3") }
        #expect(throws: (any Error).self) { try tamper("UPDATE journal SET actor = 'x' WHERE sequence = 3") }
        #expect(try store.journal.verify().isIntact)
    }

    @Test("a journal entry deleted after dropping the guard is named")
    func deletedEntry() throws {
        try tamper("DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE sequence = 3")
        #expect(try firstProblem() == "journal entry 3 is missing (the journal goes from 2 to 4)")
    }

    @Test("the last journal entry deleted is caught by the replay")
    func deletedLastEntry() throws {
        try tamper("DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE sequence = 24")
        #expect(try firstProblem() == "table field, row register:register title: does not match the journal")
    }

    @Test("a journal entry rewritten after dropping the guard is named")
    func rewrittenEntry() throws {
        try tamper("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'quelqu''un d''autre' WHERE sequence = 5")
        #expect(try firstProblem() == "journal entry 5 has been altered: its hash does not match its content")
    }

    @Test("a journal entry whose hash was recomputed breaks the chain after it")
    func rehashedEntry() throws {
        // Whoever forges an entry cannot recompute the next entry's previous hash without rewriting the
        // whole rest of the journal.
        try tamper("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'faussaire', hash = '\(String(repeating: "a", count: 64))' WHERE sequence = 5")
        let problems = try store.journal.verify().problems.map(\.en)
        #expect(problems.contains("journal entry 6 does not follow the entry before it (the chain of hashes is broken)"))
    }
}
