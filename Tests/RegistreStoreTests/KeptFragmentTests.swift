import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// The XML the register of record keeps beside each entry's fields: what export copies, and what verify
/// checks against the fields.
@Suite("Kept XML: written with the fields, copied by export, checked by verify")
struct KeptFragmentTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
    }

    /// The register of record as the programs open it, or (`keepingXML: false`) the same store without a
    /// rendering, as another program linking the store alone would open it.
    func store(_ mode: RegisterStore.OpenMode = .createIfNeeded, keepingXML: Bool = true) throws -> RegisterStore {
        keepingXML
            ? try RegisterOfRecord.open(path: path, mode: mode, clock: clock.journal)
            : try RegisterStore(path: path, mode: mode, clock: clock.journal, validator: RegisterOfRecord.validator)
    }

    /// The export as `registre export --db` writes it, and how many entries were copied from kept XML.
    func export(_ store: RegisterStore) throws -> (text: String, copied: Int) {
        var bytes: [UInt8] = []
        var copied = 0
        let writer = try RegisterStreamWriter { bytes += $0 }
        try store.streamForExport(values: [.organisation]) { entry in
            switch entry {
            case .fragment(let fragment):
                copied += 1
                try writer.write(fragment: fragment)
            case .entry(let value):
                try writer.write(value)
            }
        }
        try writer.finish()
        return (String(decoding: bytes, as: UTF8.self), copied)
    }

    func sql(_ statement: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: statement) }
    }

    func keptCount() throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity WHERE fragment IS NOT NULL") ?? 0 }
    }

    @Test("after an import, export copies the kept XML and gives the sample byte for byte", arguments: Repository.sampleRegisters)
    func importedSample(file: String) throws {
        let store = try store()
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: file), actor: "dpo") }
        let exported = try export(store)
        #expect(exported.copied > 0)
        // The organisations come as values (for the breaches' time zones); everything else was kept.
        #expect(exported.copied == (try store.register().entries.count) - (try store.register().organisations.count))
        #expect(exported.text == (try String(contentsOfFile: file, encoding: .utf8)))
        #expect(try store.journal.verify().isIntact)
    }

    @Test("without kept XML (removed, or of another version) export renders from the fields, byte for byte",
          arguments: ["removed", "another version"])
    func withoutKeptXML(how: String) throws {
        let file = Repository.suiteTerritoriale
        let store = try store()
        _ = try store.replace(with: try RegisterReader.read(file: file), actor: "dpo")
        try sql(how == "removed"
                ? "UPDATE entity SET fragment = NULL, fragment_version = NULL"
                : "UPDATE entity SET fragment = CAST('<forged/>' AS BLOB), fragment_version = \(RegisterFragment.version + 1)")
        let exported = try export(store)
        #expect(exported.copied == 0)
        #expect(exported.text == (try String(contentsOfFile: file, encoding: .utf8)))
        // XML of another version is never exported, so it is not checked either.
        #expect(try store.journal.verify().isIntact)
    }

    @Test("a database made before kept XML exports the same bytes, read as it is and once brought up to date")
    func olderDatabase() throws {
        let file = Repository.suiteTerritoriale
        _ = try store().replace(with: try RegisterReader.read(file: file), actor: "dpo")
        // What migrations v5 to v11 added, taken away: the schema and rows of the registre before them.
        try sql(OlderSchema.beforeRequests + """
            DROP TRIGGER activity_text_added; DROP TRIGGER activity_text_renamed; DROP TRIGGER activity_text_removed; DROP TABLE activity_text; DROP TABLE activity_text_row;
            DROP TABLE finding; DROP TABLE finding_rules; DROP INDEX activity_processors;
            DROP TRIGGER activity_name_key_added; DROP TRIGGER activity_name_key_renamed; DROP TRIGGER activity_name_key_removed; DROP TABLE activity_name_key;
            DROP INDEX organisation_members; DROP INDEX agreement_processor; DROP INDEX agreement_controllers; DROP INDEX agreement_subprocessors; DROP INDEX record_parties;
            DROP INDEX activity_name; DROP INDEX activity_status; DROP INDEX activity_joint; DROP INDEX breach_controller;
            DROP TABLE calendar_feed;
            DELETE FROM grdb_migrations WHERE identifier LIKE 'v5%' OR identifier LIKE 'v6%' OR identifier LIKE 'v7%' OR identifier LIKE 'v8%' OR identifier LIKE 'v9%' OR identifier LIKE 'v10%' OR identifier LIKE 'v11%';
            """)
        let sample = try String(contentsOfFile: file, encoding: .utf8)
        let readOnly = try store(.readOnly)
        #expect(try export(readOnly) == (sample, 0))
        #expect(try readOnly.journal.verify().isIntact)
        let upgraded = try store(.existing)
        #expect(try keptCount() == 0)
        #expect(try export(upgraded) == (sample, 0))
        #expect(try upgraded.journal.verify().isIntact)
        // Importing the same file again changes nothing in the register, and keeps each entry's XML.
        let journal = try upgraded.journal.count()
        #expect(try upgraded.replace(with: try RegisterReader.read(file: file), actor: "dpo").isUnchanged)
        #expect(try upgraded.journal.count() == journal)
        #expect(try keptCount() > 0)
        let exported = try export(upgraded)
        #expect(exported.text == sample)
        #expect(exported.copied > 0)
        #expect(try upgraded.journal.verify().isIntact)
    }

    @Test("a point update rewrites the entry's kept XML in the same transaction, and export shows the change")
    func pointUpdate() throws {
        let store = try store()
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: sample, actor: "dpo") }
        var activity = try #require(sample.activities.first { $0.id == "mende-rdv" })
        activity.name = "Prise de rendez-vous en ligne (nouveau prestataire)"
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { edit in try edit.save(.activity(activity)) } }
        let kept = try DatabaseQueue(path: path).read { db in
            try Data.fetchOne(db, sql: "SELECT fragment FROM entity WHERE kind = 'activity' AND id = 'mende-rdv'")
        }
        #expect(kept.map { [UInt8]($0) } == (try RegisterFragment.bytes(of: .activity(activity))))
        var expected = sample
        expected.activities = expected.activities.map { $0.id == activity.id ? activity : $0 }
        let exported = try export(store)
        #expect(exported.copied > 0)
        #expect(exported.text == String(decoding: try RegisterWriter.bytes(of: expected), as: UTF8.self))
        #expect(exported.text.contains("nouveau prestataire"))
        #expect(try store.journal.verify().isIntact)
    }

    @Test("a store opened without a rendering keeps no XML for what it writes: no stale XML is left to export")
    func withoutRendering() throws {
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try store().replace(with: sample, actor: "dpo")
        var activity = try #require(sample.activities.first { $0.id == "mende-rdv" })
        activity.name = "Prise de rendez-vous en ligne (modifiée sans XML)"
        _ = try store(keepingXML: false).change(actor: "dpo") { edit in try edit.save(.activity(activity)) }
        let kept = try DatabaseQueue(path: path).read { db in
            try Row.fetchOne(db, sql: "SELECT fragment, fragment_version FROM entity WHERE kind = 'activity' AND id = 'mende-rdv'")
        }
        #expect(kept?["fragment"] as Data? == nil)
        #expect(kept?["fragment_version"] as Int? == nil)
        var expected = sample
        expected.activities = expected.activities.map { $0.id == activity.id ? activity : $0 }
        #expect(try export(store()).text == String(decoding: try RegisterWriter.bytes(of: expected), as: UTF8.self))
    }

    @Test("a breach keeps no XML (its instants are written on its controller's time zone), and exports all the same")
    func breach() throws {
        let store = try store()
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try store.replace(with: sample, actor: "dpo")
        let breach = Breach(id: "b-1", title: "Courriel mal adressé", controller: "mende", aware: monday, nature: [.confidentiality])
        _ = try store.change(actor: "rssi") { edit in try edit.save(.breach(breach)) }
        let kept = try DatabaseQueue(path: path).read { db in
            try Bool.fetchOne(db, sql: "SELECT fragment IS NOT NULL FROM entity WHERE kind = 'breach' AND id = 'b-1'")
        }
        #expect(kept == false)
        var expected = sample
        expected.breaches.append(breach)
        #expect(try export(store).text == String(decoding: try RegisterWriter.bytes(of: expected), as: UTF8.self))
        #expect(try store.journal.verify().isIntact)
    }

    @Test("verify names the entry whose kept XML no longer matches its fields, and stays quiet otherwise",
          arguments: ["activity", "breach", "empty breach"])
    func forgedFragment(kind: String) throws {
        let store = try store()
        _ = try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo")
        let breach = Breach(id: "b-1", title: "Courriel mal adressé", controller: "mende", aware: monday, nature: [.confidentiality])
        _ = try store.change(actor: "rssi") { edit in try edit.save(.breach(breach)) }
        #expect(try store.journal.verify().isIntact)
        let version = RegisterFragment.version
        if kind == "activity" {
            // Fields and journal untouched: the chain verifies, and export would print the forged name.
            try sql("""
                UPDATE entity SET fragment = CAST(replace(CAST(fragment AS TEXT), 'Prise de rendez-vous', 'Falsification') AS BLOB)
                WHERE kind = 'activity' AND id = 'mende-rdv'
                """)
            #expect(try export(store).text.contains("Falsification"))
        } else if kind == "breach" {
            try sql("UPDATE entity SET fragment = CAST('  <breach id=\"b-1\"/>' || char(10) AS BLOB), fragment_version = \(version) WHERE kind = 'breach'")
        } else {
            // An empty fragment is no entry's XML: export reads the breach's fields instead of dropping it.
            try sql("UPDATE entity SET fragment = zeroblob(0), fragment_version = \(version) WHERE kind = 'breach'")
            #expect(try export(store).text.contains("<breach id=\"b-1\""))
        }
        let verification = try store.journal.verify()
        #expect(!verification.isIntact)
        let key = kind == "activity" ? "activity:mende-rdv" : "breach:b-1"
        #expect(verification.problems.map(\.en) == ["table entity, row \(key): the XML kept for export does not match its fields (an export would copy it as it is)"])
        #expect(verification.problems.map(\.fr) == ["table entity, ligne \(key) : le XML conservé pour l'export ne correspond pas à ses champs (un export le recopierait tel quel)"])
        // A seal never vouches for it either.
        let (sealing, seal) = try store.journal.seal(with: SealKey.generate())
        #expect(!sealing.isIntact)
        #expect(seal == nil)
    }
}
