import Foundation
import RegistreTestSupport
import RegistreTestTags
import Testing

/// Commands that change one entry: what they accept is what the XML reader accepts, what they write
/// reads back, and an import never deletes what they recorded unless asked to.
@Suite("Changing one entry")
struct PointChangeTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    func journal() throws -> String { try registre("history", "--format", "xml").standardOutput }

    func exportReadsBack() throws -> Bool {
        let xml = try registre("export", "--format", "xml")
        let file = try session.scratch.write(xml.standardOutput, to: "export-\(UUID().uuidString).xml")
        return try CommandRunner.registre("check", file).status != 2 && CommandRunner.xmllintValidates(file).status == 0
    }

    @Test("values the XML reader would refuse are refused, with the field named, and nothing is journaled",
          .tags(.slow), .skippedInQuickRuns, arguments: [
              ["breach", "open", "--title", "a\u{01}b", "--aware", "2026-11-20T09:00", "--nature", "integrity"],
              ["breach", "open", "--title", "", "--aware", "2026-11-20T09:00", "--nature", "integrity"],
              ["breach", "update", "breach-20261002-1", "--subjects=-5"],
              ["breach", "update", "breach-20261002-1", "--description", "   "],
              ["breach", "update", "breach-20261002-1", "--activity", "no-such-activity"],
              ["audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-11-02", "--start", "2027-01-15", "--scope", ""],
          ])
    func refused(arguments: [String]) throws {
        #expect(try session.registre(["breach", "open", "--title", "Fuite", "--aware", "2026-10-02T09:00", "--nature",
                                      "confidentiality", "--controller", "mende", "--db", db]).status == 0)
        let before = try journal()
        let result = try session.registre(arguments + ["--db", db])
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(!result.standardError.isEmpty)
        #expect(try journal() == before)
        #expect(try exportReadsBack())
    }

    @Test("a second breach known the same day gets the next number")
    func breachSequence() throws {
        let first = try registre("breach", "open", "--title", "Un", "--aware", "2026-11-20T09:00", "--nature", "integrity")
        let second = try registre("breach", "open", "--title", "Deux", "--aware", "2026-11-20T17:00", "--nature", "integrity")
        #expect(first.standardOutput == "breach-20261120-1\n")
        #expect(second.standardOutput == "breach-20261120-2\n", "\(second.standardError)")
        #expect(try exportReadsBack())
    }

    @Test("assess with an empty --data is a usage error, not a crash")
    func emptyData() throws {
        let id = try registre("breach", "open", "--title", "Un", "--aware", "2026-11-20T09:00", "--nature", "integrity").standardOutput
            .trimmingCharacters(in: .newlines)
        let result = try registre("breach", "assess", id, "--data", "", "--identification", "maximum")
        #expect(result.status == 64)
        #expect(result.standardError.contains("The value '' is invalid for '--data <category>'"))
    }

    @Test("a point change journals one entry, and the chain verifies")
    func oneEntry() throws {
        let id = try registre("breach", "open", "--title", "Un", "--aware", "2026-11-20T09:00", "--nature", "integrity").standardOutput
            .trimmingCharacters(in: .newlines)
        let before = try journal().components(separatedBy: "<entry ").count
        #expect(try registre("breach", "update", id, "--measure", "Mots de passe changés").status == 0)
        let after = try journal()
        #expect(after.components(separatedBy: "<entry ").count == before + 1)
        #expect(after.contains("Mots de passe changés"))
        #expect(try registre("verify").status == 0)
    }

    @Test("re-importing the file keeps what the commands recorded since, says so, and --prune deletes it")
    func importKeeps() throws {
        let id = try registre("breach", "open", "--title", "Un", "--aware", "2026-11-20T09:00", "--nature", "integrity").standardOutput
            .trimmingCharacters(in: .newlines)
        #expect(try registre("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-11-02", "--start", "2027-01-15").status == 0)
        let edited = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
            .replacingOccurrences(of: "<email>mairie@mende.fr</email>", with: "<email>accueil@mende.fr</email>")
        let file = try session.scratch.write(edited, to: "edited.xml")

        let dryRun = try registre("import", file, "--prune", "--dry-run", "--lang", "en")
        #expect(dryRun.status == 0)
        #expect(dryRun.standardOutput.contains("would create 0, update 1 and delete 2"), "\(dryRun.standardOutput)")
        #expect(try registre("breach", "show", id).status == 0)

        let kept = try registre("import", file, "--lang", "en")
        #expect(kept.standardOutput.contains("1 change(s)"), "\(kept.standardOutput)")
        #expect(kept.standardOutput.contains("2 entry(ies) of the database not in the file kept"))
        #expect(kept.standardOutput.contains("breach:\(id)"))
        #expect(try registre("breach", "show", id).status == 0)
        #expect(!(try journal().contains(#"change="deleted""#)))

        let pruned = try registre("import", file, "--prune", "--lang", "en")
        #expect(pruned.standardOutput.contains("2 deleted"), "\(pruned.standardOutput)")
        #expect(try registre("breach", "show", id).status == 2)
        #expect(try registre("verify").status == 0)
    }

    @Test("--now states when a change takes effect; the journal keeps its own time, which never goes back")
    func effectiveTime() throws {
        #expect(try registre("breach", "open", "--title", "Futur", "--aware", "2026-11-20T09:00", "--nature", "integrity",
                             "--now", "2062-03-06T12:00").status == 0)
        let later = try registre("breach", "open", "--title", "Présent", "--aware", "2026-11-21T09:00", "--nature", "integrity",
                                 "--now", "2026-11-21T10:00")
        #expect(later.status == 0, "\(later.standardError)")
        let history = try journal()
        #expect(history.contains(#"effective-at="2062-03-06T11:00:00.000Z""#))
        #expect(!history.contains(#"recorded-at="2062"#))
        #expect(try registre("verify").status == 0)
    }
}

@Suite("Who changes the register")
struct ActorTests {
    @Test("an --actor with a line break or a control character is refused before anything is written",
          arguments: ["dpo\n#99 — 2026-01-01 — admin", "dpo\u{1B}[2J", "dpo\r"])
    func forged(actor: String) throws {
        let session = try CommandSession()
        let result = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--actor", actor])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--actor"))
        #expect(!FileManager.default.fileExists(atPath: session.db))
    }
}
