import Foundation
import RegistreTestSupport
import Testing

@Suite("registre request")
struct RequestCommandTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    @Test("open, list, extend, answer, show the Art. 15(1) content, check, deadlines, history and verify")
    func lifecycle() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-01-05T09:00"]).status == 0)
        // Received Saturday 31 January 2026: the month ends on Saturday 28 February, moved to Monday 2 March.
        let opened = try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "access",
                                  "--activity", "mende-rdv", "--person", "dossier 2026-014", "--now", "2026-02-02T09:00")
        #expect(opened.status == 0, "\(opened.standardError)")
        let id = opened.standardOutput.trimmingCharacters(in: .newlines)
        #expect(id == "request-20260131-1")
        #expect(opened.standardError.contains("2026-03-02"))

        let listed = try registre("request", "list", "--now", "2026-02-23T09:00")
        #expect(listed.standardOutput == "\(id)  due-soon  2026-03-02  access  mende\n")
        let deadlines = try registre("deadlines", "--now", "2026-02-23T09:00", "--lang", "en")
        #expect(deadlines.standardOutput.contains("Answer to the request \(id)"), "\(deadlines.standardOutput)")

        let extended = try registre("request", "extend", id, "--reason", "Rendez-vous archivés à rechercher", "--decided", "2026-02-20",
                                    "--told", "2026-02-20", "--now", "2026-02-23T09:00", "--lang", "en")
        #expect(extended.status == 0, "\(extended.standardError)")
        #expect(extended.standardOutput.contains("Time limit (Art. 12(3)) : 2026-04-30"), "\(extended.standardOutput)")

        let refused = try registre("request", "answer", id, "--outcome", "refused", "--sent", "2026-03-10", "--now", "2026-03-10T09:00", "--lang", "en")
        #expect(refused.status == 0)
        let check = try registre("check", "--lang", "en", "--now", "2026-03-11T09:00")
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("error ART12-4-REFUSAL-REASONS [request:\(id)] Art. 12(4)"))
        #expect(try registre("request", "answer", id, "--outcome", "granted", "--sent", "2026-03-10", "--now", "2026-03-10T10:00").status == 0)
        #expect(!(try registre("check", "--lang", "en", "--now", "2026-03-11T09:00")).standardOutput.contains("[request:"))

        let shown = try registre("request", "show", id, "--now", "2026-03-11T09:00", "--lang", "en")
        #expect(shown.standardOutput.contains("State : answered in time"))
        #expect(shown.standardOutput.contains("Information of Art. 15(1), from the register"))
        #expect(shown.standardOutput.contains("mende-rdv — "))
        #expect(shown.standardOutput.contains("Source (g) : not kept by the register"))

        #expect(try registre("history", id).standardOutput.contains(id))
        #expect(try registre("verify").status == 0)
        let exported = try registre("export", "--format", "xml")
        let file = try scratch.write(exported.standardOutput, to: "export.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        #expect(exported.standardOutput.contains("<request id=\"\(id)\" controller=\"mende\">"))
    }

    @Test("refusals: an unknown controller, an activity the register lacks, an answer before receipt, an id in use")
    func refusals() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-01-05T09:00"]).status == 0)
        #expect(try registre("request", "open", "--controller", "florac", "--received", "2026-01-31", "--right", "access", "--now", "2026-02-02").status == 2)
        #expect(try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "access",
                             "--activity", "cantine", "--now", "2026-02-02").status != 0)
        #expect(try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "erasure",
                             "--id", "mende-rdv", "--now", "2026-02-02").status == 3)
        #expect(try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "nothing", "--now", "2026-02-02").status == 64)
        let id = try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "erasure", "--now", "2026-02-02")
            .standardOutput.trimmingCharacters(in: .newlines)
        let early = try registre("request", "answer", id, "--outcome", "granted", "--sent", "2026-01-20", "--now", "2026-02-02", "--lang", "en")
        #expect(early.status == 2)
        #expect(early.standardError.contains("comes before the request was received"))
    }
}
