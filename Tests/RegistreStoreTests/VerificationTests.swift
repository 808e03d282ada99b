import Foundation
import GRDB
import RegistreCore
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("verify: the file, the time order, the schema, the head, and seals")
struct VerificationTests {
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

    func problems(_ verification: JournalVerification? = nil) throws -> [String] {
        try (verification ?? store.journal.verify()).problems.map(\.en)
    }

    /// Rewrites entry `sequence` (a new actor) and recomputes every hash after it, as anyone with write
    /// access to the file and this source code can: the chain alone cannot tell.
    func forge(sequence: Int64) throws {
        let entries = try store.journal.entries()
        let trigger = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'journal_no_update'")!
        }
        var previous = JournalEntry.genesis
        var statements = ["DROP TRIGGER journal_no_update;"]
        for entry in entries {
            let actor = entry.sequence == sequence ? "faussaire" : entry.actor
            let forged = JournalEntry(sequence: entry.sequence, recordedAt: entry.recordedAt, effectiveAt: entry.effectiveAt, actor: actor,
                                      systemUser: entry.systemUser, entity: entry.entity,
                                      change: entry.change, fields: entry.fields, previousHash: previous)
            if entry.sequence >= sequence {
                statements.append("UPDATE journal SET actor = '\(actor)', previous_hash = '\(previous)', hash = '\(forged.hash)' WHERE sequence = \(entry.sequence);")
            }
            previous = forged.hash
        }
        // The trigger put back exactly as registre made it, so that the schema pass is quiet too.
        statements.append(trigger + ";")
        try tamper(statements.joined(separator: "\n"))
    }

    /// The first journal entry that creates an entry of the register never changed since.
    func onlyCreation() throws -> StoreTables.StoredEntry {
        let stored = try DatabaseQueue(path: path).read { try StoreTables.journal($0) }
        return try #require(stored.first { entry in
            entry.change == "created" && stored.filter { $0.id == entry.id && $0.kind == entry.kind }.count == 1
        })
    }

    /// Rewrites the stored fields of entry `sequence` and recomputes every hash from it on, as whoever
    /// can write the file can: the chain stays whole, only what the fields say (or their form) changes.
    func rewriteFields(sequence: Int64, _ rewrite: (String) -> String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            let trigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'journal_no_update'")!
            try db.execute(sql: "DROP TRIGGER journal_no_update")
            var previous = JournalEntry.genesis
            for var entry in try StoreTables.journal(db) {
                if entry.sequence >= sequence {
                    if entry.sequence == sequence { entry.fields = rewrite(entry.fields) }
                    entry.previousHash = previous
                    entry.hash = entry.computedHash()
                    try db.execute(sql: "UPDATE journal SET fields = ?, previous_hash = ?, hash = ? WHERE sequence = ?",
                                   arguments: [entry.fields, entry.previousHash, entry.hash, entry.sequence])
                }
                previous = entry.hash
            }
            try db.execute(sql: trigger)
        }
    }

    @Test("a journal entry whose fields cannot be read is named once, and its entry is not replayed")
    func unreadableFields() throws {
        let creation = try onlyCreation()
        try tamper("DROP TRIGGER journal_no_update; UPDATE journal SET fields = 'pas du JSON' WHERE sequence = \(creation.sequence)")
        #expect(try problems() == [
            "journal entry \(creation.sequence) has been altered: its columns cannot be read",
            "schema: trigger journal_no_update is missing (registre made it)",
        ])
    }

    @Test("a creation stored in another form than the journal writes is read and replayed: quiet when it says what the rows hold")
    func creationInAnotherForm() throws {
        let creation = try onlyCreation()
        try rewriteFields(sequence: creation.sequence) { "[ " + $0.dropFirst() }
        #expect(try problems() == [])
    }

    @Test("a creation whose fields no longer say what the rows hold, in the form the journal writes and its hashes recomputed, is caught by the replay")
    func creationRewritten() throws {
        let creation = try onlyCreation()
        // The position comes first (`@` sorts before letters): [{"after":"3","name":"@position"},…
        let prefix = #"[{"after":""#
        #expect(creation.fields.hasPrefix(prefix))
        let position = creation.fields.dropFirst(prefix.count).prefix { $0.isNumber }
        try rewriteFields(sequence: creation.sequence) { prefix + "999999" + $0.dropFirst(prefix.count + position.count) }
        #expect(try problems() == [
            "table entity, row \(creation.kind):\(creation.id): position \(position), the journal says 999999",
        ])
    }

    @Test("a field whose entry has no row in the tables is named")
    func orphanField() throws {
        try tamper(#"PRAGMA foreign_keys = OFF; INSERT INTO field (kind, id, name, value) VALUES ('activity', 'fantome', 'name', '"Fantôme"')"#)
        #expect(try problems() == ["table field, row activity:fantome name: no row of table entity owns it"])
    }

    @Test("the journal's fields are written as JSON that reads back to them, whatever their characters")
    func fieldsJSONReadsBack() throws {
        var generator = SeededRandom(seed: 26)
        let alphabet: [Character] = ["a", "é", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "/", "€", "😀", "{", "]"]
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let fields = [FieldChange(name: "a", before: nil, after: text), FieldChange(name: "b", before: text, after: "x\(text)")]
            #expect(try JournalEntry.fields(fromJSON: JournalEntry.json(of: fields)) == fields)
        }
        #expect(JournalEntry.json(of: [FieldChange(name: "n", before: nil, after: "\"\u{1}\n")]) == #"[{"after":"\"\u0001\n","name":"n"}]"#)
    }

    @Test("an intact database has a head: the sequence and hash of its last entry")
    func head() throws {
        let verification = try store.journal.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        let last = try #require(try store.journal.entries().last)
        #expect(verification.head == JournalVerification.Head(sequence: last.sequence, hash: last.hash))
    }

    @Test("one byte changed in the journal_entity index is caught by the integrity check")
    func damagedIndex() throws {
        let queue = try DatabaseQueue(path: path)
        let (page, pageSize) = try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'journal_entity'")!,
                    try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        try queue.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        // The last bytes of an index page hold its cells' keys: change one letter of an id.
        let offset = UInt64(page * pageSize - 3)
        try handle.seek(toOffset: offset)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: [byte ^ 0x01])
        try handle.close()
        let found = try problems(try RegisterStore(path: path, mode: .readOnly).journal.verify())
        #expect(found.first?.hasPrefix("the file is damaged (PRAGMA integrity_check)") == true, "\(found)")
    }

    @Test("a journal whose time goes backwards is named")
    func timeBackwards() throws {
        try tamper("DROP TRIGGER journal_no_update; UPDATE journal SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE sequence = 19")
        #expect(try problems().contains(
            "journal entry 19 is dated 2020-01-01T00:00:00.000Z, before entry 18 (2026-09-21T14:13:20.000Z): the journal's time goes backwards"))
    }

    @Test("a dropped append-only trigger is named")
    func droppedTrigger() throws {
        try tamper("DROP TRIGGER journal_no_update")
        #expect(try problems() == ["schema: trigger journal_no_update is missing (registre made it)"])
    }

    @Test("a trigger or table added or changed behind registre's back is named")
    func changedSchema() throws {
        try tamper("""
            DROP TRIGGER journal_no_delete;
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal WHEN 0 BEGIN SELECT 1; END;
            CREATE TABLE notes (text TEXT);
            """)
        #expect(try problems() == [
            "schema: trigger journal_no_delete is not the one registre made",
            "schema: table notes was added (registre did not make it)",
        ])
    }

    @Test("problems are capped in the list and all counted")
    func capped() throws {
        try tamper("UPDATE field SET value = '\"x\"'")
        let verification = try store.journal.verify()
        #expect(verification.problems.count == JournalVerification.problemLimit)
        #expect(verification.problemCount > JournalVerification.problemLimit)
    }

    @Test("without a seal, a journal rewritten with its hashes recomputed verifies: the chain proves consistency only")
    func forgeableWithoutSeal() throws {
        try forge(sequence: 5)
        #expect(try store.journal.entries()[4].actor == "faussaire")
        #expect(try problems() == [])
    }

    @Test("a seal proves that the journal still extends it, through later changes")
    func sealHolds() throws {
        let key = SealKey.generate()
        let (verification, made) = try store.journal.seal(with: key, at: tuesday)
        let seal = try #require(made)
        #expect(verification.isIntact)
        #expect(seal.sequence == 24)
        #expect(JournalSeal(text: seal.text) == seal)
        var register = try store.register()
        register.title = "Registre 2027"
        _ = try clock.at(tuesday.addingTimeInterval(3600)) { try store.replace(with: register, actor: "dpo") }
        #expect(try problems(try store.journal.verify(against: seal, publicKey: key.publicKey)) == [])
    }

    @Test("a seal catches a journal rewritten with its hashes recomputed")
    func sealCatchesForgery() throws {
        let key = SealKey.generate()
        let seal = try #require(try store.journal.seal(with: key, at: tuesday).1)
        try forge(sequence: 5)
        #expect(try problems(try store.journal.verify(against: seal, publicKey: key.publicKey)) == [
            "journal entry 24 no longer has the hash sealed at 2026-09-22T14:13:20.000Z: the journal was rewritten since the seal",
        ])
    }

    @Test("a seal altered, or signed by another key than the one given, is refused")
    func sealSignature() throws {
        let key = SealKey.generate()
        let seal = try #require(try store.journal.seal(with: key, at: tuesday).1)
        var altered = seal
        altered.sequence = 3
        #expect(try problems(try store.journal.verify(against: altered, publicKey: nil)) == [
            "the seal has been altered: its signature does not match its content",
        ])
        let other = SealKey.generate()
        #expect(try problems(try store.journal.verify(against: seal, publicKey: other.publicKey)).first?.hasPrefix(
            "the seal was not signed by the given public key") == true)
        // A forger's own seal is well signed, but not by the key the verifier holds.
        let forged = try #require(try store.journal.seal(with: other, at: tuesday).1)
        #expect(try problems(try store.journal.verify(against: forged, publicKey: key.publicKey)).count == 1)
    }

    @Test("a seal of another database is refused")
    func sealOfAnotherJournal() throws {
        let otherPath = scratch.path("autre.sqlite")
        let other = try RegisterStore(path: otherPath, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try other.replace(with: try RegisterReader.read(file: Repository.incubator), actor: "dpo") }
        let key = SealKey.generate()
        let seal = try #require(try other.journal.seal(with: key, at: tuesday).1)
        #expect(try problems(try store.journal.verify(against: seal, publicKey: key.publicKey)) == [
            "the seal belongs to another journal (or its first entry was rewritten): entry 1 differs",
        ])
    }

    @Test("a journal that does not verify is not sealed")
    func noSealOfTampered() throws {
        try tamper(#"UPDATE field SET value = '"Commune de Mande"' WHERE id = 'mende' AND name = 'name'"#)
        let (verification, seal) = try store.journal.seal(with: SealKey.generate(), at: tuesday)
        #expect(seal == nil)
        #expect(!verification.isIntact)
    }

    @Test("a key and a public key read back from their files")
    func keyFiles() throws {
        let key = SealKey.generate()
        #expect(SealKey(text: key.text)?.publicKey == key.publicKey)
        #expect(SealKey.publicKey(fromText: key.publicKeyText) == key.publicKey)
        #expect(SealKey(text: key.publicKeyText) == nil)
        #expect(SealKey.publicKey(fromText: key.text) == nil)
    }
}
