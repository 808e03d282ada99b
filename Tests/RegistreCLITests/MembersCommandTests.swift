import Foundation
import RegistreTestSupport
import Testing

/// `registre members` on the CDG48's register of record.
@Suite("One view of a structure's members")
struct MembersCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    /// The members' ids in the order printed.
    func order(_ xml: String) -> [String] {
        xml.split(separator: "\n").filter { $0.contains("<member ref=") }.map { line in
            String(line.split(separator: "\"")[1])
        }
    }

    @Test("without anything to act on, the member never reviewed comes first; a breach past its 72 hours puts its member first")
    func urgentFirst() throws {
        let quiet = try registre("members", "--now", "2026-11-20T10:00", "--format", "xml")
        #expect(quiet.status == 0, "\(quiet.standardError)")
        #expect(order(quiet.standardOutput) == ["marvejols", "mende", "ccas-mende"])
        #expect(!quiet.standardOutput.contains("<open-breach"))

        let opened = try registre("breach", "open", "--title", "Messagerie consultée par un tiers", "--aware", "2026-11-16T09:00",
                                  "--nature", "confidentiality", "--controller", "ccas-mende", "--now", "2026-11-16T10:00")
        #expect(opened.status == 0, "\(opened.standardError)")
        let urgent = try registre("members", "--now", "2026-11-20T10:00", "--format", "xml")
        #expect(order(urgent.standardOutput) == ["ccas-mende", "marvejols", "mende"])
        #expect(urgent.standardOutput.contains("clock=\"overdue\""))
        let file = try session.scratch.write(urgent.standardOutput, to: "members.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)

        let text = try registre("members", "--now", "2026-11-20T10:00", "--lang", "en")
        #expect(text.standardOutput.contains("Breach \(opened.standardOutput.trimmingCharacters(in: .newlines)) (Art. 33(1)): "))
        #expect(text.standardOutput.contains("Commune de Marvejols (marvejols)\n  Activities: 2 — never reviewed: 2 — last review: none"))
    }

    @Test("a structure that is not one is refused")
    func notAStructure() throws {
        let result = try registre("members", "--structure", "anct", "--lang", "en")
        #expect(result.status == 2)
        #expect(result.standardError.contains("no mutualisation structure"))
    }
}
