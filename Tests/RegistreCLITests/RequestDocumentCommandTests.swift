import Foundation
import RegistreTestSupport
import Testing

/// `registre request document` and `registre request register` (issue 27): the letters and the register
/// of requests from the register of record; refusals of what the register does not hold.
@Suite("registre request document, request register")
struct RequestDocumentCommandTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    /// The sample register with one access request of Mende's about mende-rdv, answered in time, and one
    /// erasure request of Marvejols's left unanswered.
    func opened() throws -> String {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-01-05T09:00"]).status == 0)
        let opened = try registre("request", "open", "--controller", "mende", "--received", "2026-01-31", "--right", "access",
                                  "--activity", "mende-rdv", "--person", "dossier 2026-014", "--now", "2026-02-02T09:00")
        let id = opened.standardOutput.trimmingCharacters(in: .newlines)
        #expect(try registre("request", "answer", id, "--outcome", "granted", "--sent", "2026-02-20", "--now", "2026-02-20T09:00").status == 0)
        #expect(try registre("request", "open", "--controller", "marvejols", "--received", "2026-01-05", "--right", "erasure", "--now", "2026-01-05T10:00").status == 0)
        return id
    }

    @Test("the acknowledgement and the answer, text and ODT, from the register; an unknown or hostile id is refused")
    func document() throws {
        let id = try opened()
        let acknowledgement = try registre("request", "document", id, "--kind", "acknowledgement", "--now", "2026-02-02T09:00", "--lang", "en")
        #expect(acknowledgement.status == 0, "\(acknowledgement.standardError)")
        #expect(acknowledgement.standardOutput.contains("Answer due by              : 2 March 2026"))
        let answer = try registre("request", "document", id, "--kind", "answer", "--lang", "fr")
        #expect(answer.status == 0)
        #expect(answer.standardOutput.contains("Les informations de l'article 15 du RGPD"))
        #expect(answer.standardOutput.contains("Le 20 février 2026"))
        let odt = scratch.path("reponse.odt")
        #expect(try registre("request", "document", id, "--kind", "answer", "--format", "odt", "--output", odt).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: odt)).prefix(2) == Data("PK".utf8))
        for hostile in ["request-nowhere", "mende", "'; DROP TABLE entity; --", "../../etc/passwd", "request-\u{202E}1"] {
            let refused = try registre("request", "document", hostile, "--kind", "answer")
            #expect(refused.status == 2, "\(hostile): \(refused.status)")
            #expect(refused.standardOutput.isEmpty)
        }
        #expect(try registre("request", "document", id, "--kind", "letter").status == 64)
    }

    @Test("the register of requests: text with its counts, XML valid against the schema, ODS; per member of a structure")
    func register() throws {
        let id = try opened()
        let text = try registre("request", "register", "--controller", "mende", "--now", "2026-03-10T09:00", "--lang", "en")
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("\(id)  mende  dossier 2026-014  2026-01-31  access  2026-03-02  answered-in-time  -  2026-02-20  granted\n"))
        #expect(!text.standardOutput.contains("marvejols"))
        let members = try registre("request", "register", "--members-of", "cdg48", "--now", "2026-03-10T09:00", "--lang", "en")
        #expect(members.standardOutput.contains("Counts — "))
        #expect(members.standardOutput.contains("(marvejols)"))
        let lines = members.standardOutput.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("Share answered in time : 50 % (1/2)"))

        let xml = try registre("request", "register", "--format", "xml", "--now", "2026-03-10T09:00")
        let file = try scratch.write(xml.standardOutput, to: "demandes.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        let ods = scratch.path("demandes.ods")
        #expect(try registre("request", "register", "--format", "ods", "--output", ods, "--now", "2026-03-10T09:00").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ods)).prefix(2) == Data("PK".utf8))

        // From a register file, whose title comes before its organisations: the same lines.
        let exported = try registre("export", "--format", "xml")
        let registerFile = try scratch.write(exported.standardOutput, to: "registre.xml")
        let fromFile = try CommandRunner.run(CommandRunner.registre, ["request", "register", registerFile, "--controller", "mende", "--now", "2026-03-10T09:00", "--lang", "en"])
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        #expect(fromFile.standardOutput == text.standardOutput)

        let unknown = try registre("request", "register", "--controller", "nowhere")
        #expect(unknown.status == 2)
        #expect(unknown.standardOutput.isEmpty)
        #expect(try registre("request", "register", "--members-of", "mende").status == 2)
        #expect(try registre("request", "register", "--controller", "mende", "--members-of", "cdg48").status == 64)
    }
}
