import Foundation
import RegistreTestSupport
import Testing

/// A database written by the previous version of registre (journal entries in the first hash form, no
/// effective time, no system account), kept as the SQL dump of `Fixtures/`: made by registre 0.1 with
/// `import` of the Suite territoriale sample, `breach open` and `breach update`.
@Suite("A database from the previous version")
struct UpgradeTests {
    let session: CommandSession

    init() throws {
        session = try CommandSession()
        let dump = Repository.path("Tests/RegistreCLITests/Fixtures/registre-0.1-journal-v1.sql")
        let loaded = try CommandRunner.run("/usr/bin/env", ["sqlite3", session.db, ".read \(dump)"])
        #expect(loaded.status == 0, "\(loaded.standardError)")
    }

    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", session.db]) }

    @Test("reads and verifies as it is, without being changed by a command that only reads")
    func readsAsItIs() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: session.db))
        let verify = try registre("verify", "--lang", "en")
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.contains("intact — 20 chained journal entries"))
        #expect(try registre("breach", "show", "breach-20261002-1").status == 0)
        #expect(try registre("history", "breach-20261002-1").standardOutput.contains("Mots de passe changés"))
        #expect(try registre("export", "--format", "text").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: session.db)) == before)
    }

    @Test("a command that writes brings it up to date; old and new entries then verify together")
    func upgrades() throws {
        let update = try registre("breach", "update", "breach-20261002-1", "--measure", "Double authentification", "--now", "2026-10-04T10:00")
        #expect(update.status == 0, "\(update.standardError)")
        let verify = try registre("verify", "--lang", "en")
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.contains("intact — 21 chained journal entries"))
        let history = try registre("history", "breach-20261002-1", "--format", "xml").standardOutput
        #expect(history.contains("effective-at=\"2026-10-04T08:00:00.000Z\""))
        #expect(history.components(separatedBy: "system-user=").count == 2, "only the new entry names its system account")
    }
}
