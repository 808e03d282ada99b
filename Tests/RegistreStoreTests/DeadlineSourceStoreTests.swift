import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import Testing

/// Which agreements and breaches may give a deadline, kept by the register of record beside them: written
/// in the transaction of every write, read by `deadlines`, checked by verify.
@Suite("Deadline sources: kept with the entries, read by deadlines, checked by verify")
struct DeadlineSourceStoreTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
    }

    func listed() throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT kind, id FROM deadline_source ORDER BY kind, id").map { "\($0[0] as String):\($0[1] as String)" }
        }
    }

    func sql(_ statement: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: statement) }
    }

    @Test("an import lists the agreements and breaches that may give a deadline, and each point write moves its own")
    func kept() throws {
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = CompleteRegister.with(agreement: { $0.obligations = [] })
        register.breaches[0].notifications = []
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        #expect(try listed() == ["breach:violation"])
        var breach = register.breaches[0]
        breach.notifications = CompleteRegister.breach.notifications
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { edit in try edit.save(.breach(breach)) } }
        #expect(try listed() == [])
        var agreement = register.agreements[0]
        agreement.obligations = CompleteRegister.agreement.obligations
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { edit in try edit.save(.agreement(agreement)) } }
        #expect(try listed() == ["agreement:dpa"])
        #expect(try store.journal.verify().isIntact)
        // What deadlines reads: the agreement that may give one, not the notified breach.
        let read = try store.read { reading in
            var keys: [EntityKey] = []
            try reading.deadlineSources { keys.append($0.key) }
            return keys
        }
        #expect(read == [EntityKey(.agreement, "dpa")])
    }

    @Test("verify names an agreement the table leaves out and a breach it lists wrongly; quiet otherwise")
    func forged() throws {
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: CompleteRegister.register, actor: "dpo") }
        #expect(try listed() == ["agreement:dpa"])
        #expect(try store.journal.verify().isIntact)
        try sql("DELETE FROM deadline_source; INSERT INTO deadline_source (kind, id) VALUES ('breach', 'violation')")
        let verification = try store.journal.verify()
        #expect(verification.problems.map(\.en) == [
            "table deadline_source, row agreement:dpa: missing, though the entry may give a deadline (deadlines would leave it out)",
            "table deadline_source, row breach:violation: present, though the entry can give no deadline",
        ])
        #expect(verification.problems.map(\.fr) == [
            "table deadline_source, ligne agreement:dpa : absente alors que l'entrée peut donner une échéance (deadlines l'omettrait)",
            "table deadline_source, ligne breach:violation : présente alors que l'entrée ne peut donner aucune échéance",
        ])
    }
}
