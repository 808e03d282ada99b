import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// The register of record as a cursor (issue 11), inside one read transaction.
@Suite("The register of record as a cursor")
struct StoredEntryCursorTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String
    let store: RegisterStore
    let sample: Register

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
        store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: sample, actor: "dpo") }
    }

    @Test("a cursor gives the register as it stands, in the order of the format, then nil")
    func whole() throws {
        let read = try store.withEntries { entries in
            let register = try Register(entries)
            #expect(try entries.next() == nil)
            return register
        }
        #expect(read == sample)
    }

    @Test("a cursor of some kinds gives those only")
    func someKinds() throws {
        let kinds = try store.withEntries(only: [.organisation, .agreement]) { entries in
            var kinds: [EntityKind] = []
            try entries.forEach { kinds.append($0.key.kind) }
            return kinds
        }
        #expect(kinds == Array(repeating: .organisation, count: sample.organisations.count)
            + Array(repeating: .agreement, count: sample.agreements.count))
    }

    @Test("a caller may stop early, and its own error comes out of withEntries unchanged")
    func stopEarly() throws {
        let firstTwo = try store.withEntries { entries in [try entries.next(), try entries.next()] }
        #expect(firstTwo.map { $0?.key } == sample.entries.prefix(2).map(\.key))
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try store.withEntries { entries in
                try entries.forEach { _ in
                    seen += 1
                    if seen == 3 { throw Enough() }
                }
            }
        }
        #expect(seen == 3)
    }

    @Test("an entry whose stored fields cannot be read back is an error where the next entry is asked for")
    func corruptEntry() throws {
        let first = try #require(sample.activities.first?.id)
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE field SET value = 'not json' WHERE kind = 'activity' AND id = ? AND name = 'name'", arguments: [first])
        }
        var handed = 0
        let error = #expect(throws: StoreError.self) {
            try store.withEntries { entries in
                while try entries.next() != nil { handed += 1 }
            }
        }
        #expect(handed == 1 + sample.organisations.count)
        #expect(error?.description.contains(first) == true)
    }

    @Test("a cursor of the register at a past moment gives it as it stood")
    func asOf() throws {
        var second = sample
        second.activities.removeFirst()
        _ = try clock.at(tuesday) { try store.replace(with: second, actor: "dpo") }
        let atMonday = try store.withEntries(asOf: monday.addingTimeInterval(3600)) { try Register($0) }
        #expect(atMonday == sample)
        let atTuesday = try store.withEntries(asOf: tuesday) { try Register($0) }
        #expect(atTuesday == second)
    }
}
