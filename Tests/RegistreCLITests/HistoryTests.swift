import Foundation
import RegistreTestSupport
import Testing

/// The journal as a person reads it.
@Suite("registre history")
struct HistoryTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        #expect(try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db]).status == 0)
        #expect(try session.registre(["breach", "open", "--title", "Fuite", "--aware", "2026-03-27T16:30", "--nature", "confidentiality",
                                      "--controller", "mende", "--id", "b-1", "--db", session.db]).status == 0)
        #expect(try session.registre(["breach", "notify", "b-1", "--at", "2026-03-28T09:00", "--reference", "CNIL-1",
                                      "--now", "2026-03-28T09:05", "--db", session.db]).status == 0)
    }

    @Test("dates read as dates and fields as the register names them, in French and in English", arguments: ["fr", "en"])
    func readable(language: String) throws {
        let history = try session.registre(["history", "b-1", "--db", db, "--lang", language])
        #expect(history.status == 0)
        let text = history.standardOutput
        // Foundation's seconds since 2001 (796 294 800 for 2026-03-27 15:30 UTC) never reach the reader.
        #expect(text.range(of: #"\b7\d{8}(\.\d+)?\b"#, options: .regularExpression) == nil, "\(text)")
        #expect(text.contains("2026-03-27 15:30:00 UTC"))
        #expect(text.contains("2026-03-28 08:00:00 UTC"))
        #expect(text.contains(language == "fr" ? "Prise de connaissance" : "Became aware"))
        #expect(text.contains(language == "fr" ? "Notifications à l'autorité" : "Notifications to the authority"))
        #expect(text.contains(language == "fr" ? "effet déclaré : 2026-03-28 08:05:00 UTC" : "stated effective: 2026-03-28 08:05:00 UTC"))
    }

    @Test("the whole journal streams, text and XML, and the XML is valid")
    func whole() throws {
        let text = try session.registre(["history", "--db", db, "--lang", "en"])
        #expect(text.standardOutput.hasPrefix("JOURNAL OF CHANGES — \(db) — 25 entry(ies)\n"), "\(text.standardOutput.prefix(200))")
        #expect(text.standardOutput.components(separatedBy: "\n#").count == 26)
        let xml = try session.registre(["history", "--db", db, "--format", "xml"])
        let file = try session.scratch.write(xml.standardOutput, to: "history.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        #expect(xml.standardOutput.components(separatedBy: "<entry ").count == 26)
    }
}
