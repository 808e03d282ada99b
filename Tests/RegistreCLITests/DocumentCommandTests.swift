import Foundation
import RegistreTestSupport
import Testing

@Suite("registre with documents: ODS, ODT, JSON-LD, iCalendar")
struct DocumentCommandTests {
    @Test("export --format ods, then import it into a database: the activities come back; check reads it too")
    func odsThroughTheDatabase() throws {
        let scratch = try ScratchDirectory()
        let ods = scratch.path("register.ods")
        let export = try CommandRunner.registre("export", Repository.incubator, "--format", "ods", "-o", ods)
        #expect(export.status == 0, "\(export.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ods)).prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        let db = scratch.path("register.sqlite")
        let imported = try CommandRunner.registre("import", ods, "--db", db, "--now", "2026-11-26T10:00")
        #expect(imported.status == 0, "\(imported.standardError)")
        let text = try CommandRunner.registre("export", "--db", db, "--format", "text")
        #expect(text.standardOutput.contains("Sélection et accompagnement des collectivités incubées"))
        // The model has no place for legal bases: the check of the spreadsheet says they are missing.
        let check = try CommandRunner.registre("check", ods)
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("ART6-1-LEGAL-BASIS"))
    }

    @Test("a CNIL model filled by a commune: the import's notes follow --lang, the model's example is read only with --keep-example")
    func cnilModelNotes() throws {
        let ods = Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods")
        let english = try CommandRunner.registre("check", ods, "--lang", "en")
        #expect(english.standardError.contains("4_-_Exemple_de_fiche!A1: information: the CNIL model's example sheet"), "\(english.standardError)")
        #expect(!english.standardOutput.contains("1-exemple"))
        let french = try CommandRunner.registre("check", ods, "--lang", "fr")
        #expect(french.standardError.contains("4_-_Exemple_de_fiche!A1: information: fiche d'exemple du modèle de la CNIL"))
        let kept = try CommandRunner.registre("check", ods, "--keep-example", "--lang", "en")
        #expect(kept.standardOutput.contains("[activity:1-exemple]"))
        #expect(!kept.standardError.contains("4_-_Exemple_de_fiche!A1"))
    }

    @Test("a spreadsheet that cannot be read changes nothing in the database, and says where")
    func nothingHalf() throws {
        let scratch = try ScratchDirectory()
        let db = scratch.path("register.sqlite")
        #expect(try CommandRunner.registre("import", Repository.incubator, "--db", db, "--now", "2026-11-26T10:00").status == 0)
        let before = try CommandRunner.registre("export", "--db", db, "--format", "xml").standardOutput
        let bad = scratch.path("bad.ods")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 64)).write(to: URL(fileURLWithPath: bad))
        let result = try CommandRunner.registre("import", bad, "--db", db, "--now", "2026-11-26T11:00")
        #expect(result.status == 2)
        #expect(result.standardError.contains("bad.ods: is not an OpenDocument spreadsheet"))
        #expect(try CommandRunner.registre("export", "--db", db, "--format", "xml").standardOutput == before)
        // And a fresh database is not even created.
        let fresh = scratch.path("fresh.sqlite")
        #expect(try CommandRunner.registre("import", bad, "--db", fresh).status == 2)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("export --format odt, audit notice --format odt: zips on their way out, not text")
    func odt() throws {
        let scratch = try ScratchDirectory()
        let odt = scratch.path("register.odt")
        #expect(try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "odt", "-o", odt).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: odt))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: bytes[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let notice = try CommandRunner.registre("audit", "notice", "audit-anct-2026", Repository.suiteTerritoriale, "--format", "odt")
        #expect(notice.status == 0)
        #expect(notice.standardOutput.hasPrefix("PK"))
    }

    @Test("export --format jsonld is JSON with the DPV context; deadlines --format ics is a calendar")
    func jsonldAndCalendar() throws {
        let jsonld = try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "jsonld")
        #expect(jsonld.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(jsonld.standardOutput.utf8)) as? [String: Any]
        #expect((document?["@context"] as? [String: String])?["dpv"] == "https://w3id.org/dpv#")
        let ics = try CommandRunner.registre("deadlines", Repository.suiteTerritoriale, "--now", "2026-11-24T12:00", "--format", "ics")
        #expect(ics.status == 0)
        #expect(ics.standardOutput.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.standardOutput.contains("X-WR-CALNAME:Échéances — suite-territoriale-cdg48.xml"))
    }

    @Test("import --from madis reads a Madis export; without it, the CSV is not taken for XML silently")
    func madis() throws {
        let scratch = try ScratchDirectory()
        let csv = try scratch.write(
            "\u{FEFF}\"Nom\";\"Structure - Nom\";\"Structure - SIREN\";\"Finalités\"\r\n\"Paie\";\"Commune de Mende\";\"214800955\";\"Payer les agents\"\r\n",
            to: "madis.csv")
        let db = scratch.path("m.sqlite")
        let result = try CommandRunner.registre("import", csv, "--from", "madis", "--db", db, "--now", "2026-11-26T10:00")
        #expect(result.status == 0, "\(result.standardError)")
        let text = try CommandRunner.registre("export", "--db", db, "--format", "text")
        #expect(text.standardOutput.contains("Commune de Mende"))
        #expect(try CommandRunner.registre("check", csv).status == 2)
    }
}
