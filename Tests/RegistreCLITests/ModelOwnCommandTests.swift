import Foundation
import RegistreTestSupport
import Testing

/// `registre model own`: a member marks items of its activity that follows a model as its own, so that
/// drift stops reporting them, and gives them back to the model.
@Suite("A member's own items of a model activity")
struct ModelOwnCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    /// The drift of `cdg48-messages` as "member item kind" lines.
    func drift() throws -> [String] {
        let drift = try registre("model", "drift", "--model", "cdg48-messages", "--format", "xml")
        #expect(drift.status == 0, "\(drift.standardError)")
        return drift.standardOutput.split(separator: "\n").filter { $0.contains("<item ") }.map { line in
            ["member", "item", "kind"].map { name in
                line.firstRange(of: "\(name)=\"").map { start in String(line[start.upperBound...].prefix { $0 != "\"" }) } ?? ""
            }.joined(separator: " ")
        }
    }

    @Test("an item made own leaves drift and is written in the activity's <follows>; followed again, it is back; nothing else moves")
    func ownAndFollowed() throws {
        // Mende words its recipients itself: the model's recipients are now something else.
        var xml = try registre("export", "--format", "xml").standardOutput
        let start = try #require(xml.range(of: "<activity id=\"cdg48-messages\""))
        let end = try #require(xml.range(of: "</activity>", range: start.upperBound..<xml.endIndex))
        let model = String(xml[start.lowerBound..<end.upperBound])
        let changed = model.replacingOccurrences(
            of: "<recipient kind=\"processor\">", with: "<recipient kind=\"external\">Archives départementales de la Lozère</recipient>\n    <recipient kind=\"processor\">")
        #expect(changed != model)
        xml = xml.replacingOccurrences(of: model, with: changed)
        #expect(try registre("import", try session.scratch.write(xml, to: "changed.xml"), "--now", "2026-11-05T09:00").status == 0)
        #expect(try drift().contains("mende recipient behind"))

        let own = try registre("model", "own", "cdg48-messages-mende", "recipient", "--actor", "dpo-mende", "--now", "2026-11-06T09:00")
        #expect(own.status == 0, "\(own.standardError)")
        #expect(!(try drift().contains("mende recipient behind")))
        #expect(try drift().contains("ccas-mende recipient behind"), "another member's drift stays")
        let exported = try registre("export", "--format", "xml").standardOutput
        #expect(exported.contains("<own>recipient</own>"))
        #expect(try registre("history", "--format", "xml").standardOutput.contains("dpo-mende"))

        #expect(try registre("model", "own", "cdg48-messages-mende", "recipient", "--followed").status == 0)
        #expect(try drift().contains("mende recipient behind"))
    }

    @Test("an activity that follows no model, and an item that is none, are refused; nothing is written")
    func refusals() throws {
        let before = try registre("history", "--format", "xml").standardOutput
        let notFollower = try registre("model", "own", "cdg48-messages", "recipient")
        #expect(notFollower.status == 3)
        #expect(notFollower.standardError.contains("cdg48-messages"))
        #expect(try registre("model", "own", "cdg48-messages-mende", "colour").status == 64)
        #expect(try registre("history", "--format", "xml").standardOutput == before)
    }
}
