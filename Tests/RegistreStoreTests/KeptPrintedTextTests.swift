import Foundation
import GRDB
import RegistreCore
import RegistreReports
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// Each activity's section of the printed register, kept beside its fields in both languages: written in
/// the transaction that writes the activity, copied by `export --format text` while its parties keep their
/// names, checked by verify against the fields.
@Suite("Kept printed sections: written with the activity, copied by the printed register, checked by verify")
struct KeptPrintedTextTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
    }

    /// The register of record as the programs open it, or (`printing: false`) the same store without a
    /// rendering, as another program linking the store alone would open it.
    func store(printing: Bool = true) throws -> RegisterStore {
        printing
            ? try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
            : try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal, validator: RegisterOfRecord.validator)
    }

    /// The printed register as `registre export --db --format text` writes it.
    func printed(_ store: RegisterStore, _ language: Language) throws -> String {
        var bytes: [UInt8] = []
        try RegisterExports.text(of: store, language: language) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    func sql(_ statement: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: statement) }
    }

    func sections(of id: EntityID? = nil) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM printed_fr WHERE id = coalesce(?1, id)) + (SELECT count(*) FROM printed_en WHERE id = coalesce(?1, id))
                """, arguments: [id]) ?? 0
        }
    }

    func sample() throws -> Register { try RegisterReader.read(file: Repository.suiteTerritoriale) }

    @Test("an import keeps every activity's section in both languages, and the printed register is the file's, byte for byte",
          arguments: Repository.sampleRegisters)
    func importedSample(file: String) throws {
        let store = try store()
        let register = try RegisterReader.read(file: file)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        #expect(try sections() == register.activities.count * Language.allCases.count)
        for language in Language.allCases {
            #expect(try printed(store, language) == RegisterTextReport.render(register, language: language))
        }
        #expect(try store.journal.verify().isIntact)
    }

    @Test("a renamed processor is printed under its new name: the sections that name it are laid out again")
    func renamedParty() throws {
        let store = try store()
        var register = try sample()
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        let index = try #require(register.organisations.firstIndex { $0.id == "hebergeur-secnumcloud" })
        register.organisations[index].name = "Hébergeur renommé"
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { edit in try edit.save(.organisation(register.organisations[index])) } }
        for language in Language.allCases {
            let text = try printed(store, language)
            #expect(text == RegisterTextReport.render(register, language: language))
            #expect(text.contains("Hébergeur renommé"))
        }
        #expect(try store.journal.verify().isIntact)
        // An activity written after the rename keeps its section with the new name, in the same transaction.
        var activity = try #require(register.activities.first { $0.id == "anct-comptes" })
        activity.purposes.append("Tenir les comptes à jour")
        register.activities = register.activities.map { $0.id == activity.id ? activity : $0 }
        _ = try clock.at(tuesday) { try store.change(actor: "dpo") { edit in try edit.save(.activity(activity)) } }
        let kept = try DatabaseQueue(path: path).read { db in
            try Data.fetchOne(db, sql: "SELECT text FROM printed_fr WHERE id = 'anct-comptes'")
        }
        #expect(kept.map { String(decoding: $0, as: UTF8.self) }?.contains("Hébergeur renommé") == true)
        #expect(try printed(store, .fr) == RegisterTextReport.render(register, language: .fr))
        #expect(try store.journal.verify().isIntact)
    }

    @Test("verify names the activity whose kept section no longer matches its fields, in both languages, and export would print it")
    func forgedSection() throws {
        let store = try store()
        _ = try clock.at(monday) { try store.replace(with: try sample(), actor: "dpo") }
        try sql("""
            UPDATE printed_fr SET text = CAST(replace(CAST(text AS TEXT), 'Prise de rendez-vous', 'Falsification') AS BLOB)
            WHERE id = 'mende-rdv'
            """)
        // Fields, journal and kept XML untouched: the chain verifies, and the printed register shows the forgery.
        #expect(try printed(store, .fr).contains("Falsification"))
        let verification = try store.journal.verify()
        #expect(verification.problems.map(\.en) == [
            "table printed_fr, row activity:mende-rdv: the printed section kept for export does not match its fields (an export would print it as it is)",
        ])
        #expect(verification.problems.map(\.fr) == [
            "table printed_fr, ligne activity:mende-rdv : la section imprimée conservée pour l'export ne correspond pas à ses champs (un export l'imprimerait telle quelle)",
        ])
    }

    @Test("a section of another version, or with a party's name forged, or none, is never copied: printed from the fields",
          arguments: ["another version", "forged name", "removed"])
    func notCopied(how: String) throws {
        let store = try store()
        let register = try sample()
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        switch how {
        case "another version":
            for table in ["printed_fr", "printed_en"] {
                try sql("UPDATE \(table) SET text = CAST('forged' AS BLOB), version = \(RegisterTextWriter.activityLayoutVersion + 1)")
            }
        case "forged name":
            // The parties' names say another name than the organisation's: the section is stale, not copied.
            for table in ["printed_fr", "printed_en"] {
                try sql("UPDATE \(table) SET text = CAST('forged' AS BLOB), parties = X'04000000' || CAST('anct' AS BLOB) || X'04000000' || CAST('XNCT' AS BLOB)")
            }
        default:
            try sql("DELETE FROM printed_fr; DELETE FROM printed_en")
        }
        for language in Language.allCases {
            #expect(try printed(store, language) == RegisterTextReport.render(register, language: language))
        }
        // What is never printed is not checked either.
        #expect(try store.journal.verify().isIntact)
        if how == "removed" {
            // Importing the same file changes nothing in the register, and keeps the sections again.
            let journal = try store.journal.count()
            #expect(try store.replace(with: register, actor: "dpo").isUnchanged)
            #expect(try store.journal.count() == journal)
            #expect(try sections() == register.activities.count * Language.allCases.count)
        }
    }

    @Test("a store opened without a printing keeps no section for what it writes, and a deleted activity takes its sections")
    func withoutPrintingAndDeleted() throws {
        var register = try sample()
        _ = try store().replace(with: register, actor: "dpo")
        var activity = try #require(register.activities.first { $0.id == "mende-rdv" })
        activity.name = "Prise de rendez-vous en ligne (modifiée sans impression)"
        register.activities = register.activities.map { $0.id == activity.id ? activity : $0 }
        _ = try store(printing: false).change(actor: "dpo") { edit in try edit.save(.activity(activity)) }
        #expect(try sections(of: "mende-rdv") == 0)
        #expect(try printed(store(), .fr) == RegisterTextReport.render(register, language: .fr))
        #expect(try sections(of: "marvejols-visio") == 2)
        _ = try store().change(actor: "dpo") { edit in try edit.delete(EntityKey(.activity, "marvejols-visio")) }
        #expect(try sections(of: "marvejols-visio") == 0)
        #expect(try store().journal.verify().isIntact)
    }
}
