import Foundation
import RegistreTestSupport
import Testing

/// The XML the database keeps beside each entry, through the commands: `import` writes it, `export --db`
/// copies it, `verify` checks it.
@Suite("The XML kept beside each entry, through the commands")
struct KeptXMLCommandTests {
    func sqlite(_ session: CommandSession, _ sql: String) throws -> String {
        try CommandRunner.run("/usr/bin/env", ["sqlite3", session.db, sql]).standardOutput
    }

    @Test("import keeps each entry's XML, and export --db gives the sample byte for byte", arguments: Repository.sampleRegisters)
    func importThenExport(file: String) throws {
        let session = try CommandSession()
        #expect(try session.registre(["import", file, "--db", session.db]).status == 0)
        let kept = try sqlite(session, "SELECT count(*) FROM entity WHERE fragment IS NOT NULL AND fragment_version IS NOT NULL")
        #expect((Int(kept.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 1)
        let output = session.scratch.path("export.xml")
        let exported = try session.registre(["export", "--db", session.db, "--format", "xml", "-o", output])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(try session.registre(["verify", "--db", session.db]).status == 0)
    }

    @Test("verify exits 1 and names the entry whose kept XML was changed with the sqlite3 shell, in both languages")
    func forgedXML() throws {
        let session = try CommandSession()
        #expect(try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db]).status == 0)
        _ = try sqlite(session, """
            UPDATE entity SET fragment = CAST(replace(CAST(fragment AS TEXT), 'Prise de rendez-vous', 'Falsification') AS BLOB)
            WHERE kind = 'activity' AND id = 'mende-rdv';
            """)
        // The journal and the fields are untouched: without the check, this would export unnoticed.
        #expect(try session.registre(["export", "--db", session.db, "--format", "xml"]).standardOutput.contains("Falsification"))
        let english = try session.registre(["verify", "--db", session.db, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.standardError.contains("table entity, row activity:mende-rdv: the XML kept for export does not match its fields"))
        let french = try session.registre(["verify", "--db", session.db, "--lang", "fr"])
        #expect(french.status == 1)
        #expect(french.standardError.contains("table entity, ligne activity:mende-rdv : le XML conservé pour l'export ne correspond pas à ses champs"))
    }
}
