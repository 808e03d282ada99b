import Foundation
import RegistreTestSupport
import Testing

/// The ANCT notifies the CDG48 alone of a new sub-processor: each member whose activities use the ANCT
/// sees its own objection window in `deadlines --organisation` and in `members`; Florac, which joined the
/// CDG48 but uses nothing of the Suite, sees none.
@Suite("A shared processor's change notice, fanned out to the members")
struct ChangeNoticeFanOutCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        var xml = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        let controllers = "    <controller ref=\"cdg48\"/>\n    <controller ref=\"mende\"/>\n    <controller ref=\"marvejols\"/>\n    <controller ref=\"ccas-mende\"/>\n"
        #expect(xml.contains(controllers))
        xml = xml.replacingOccurrences(of: controllers, with: "    <controller ref=\"cdg48\"/>\n")
        xml = xml.replacingOccurrences(
            of: "<sub-processor-authorisation kind=\"general\"/>",
            with: "<sub-processor-authorisation kind=\"general\">\n      <objection-period value=\"15\" unit=\"days\"/>\n    </sub-processor-authorisation>")
        xml = xml.replacingOccurrences(
            of: "    <obligation id=\"preavis-resiliation\"",
            with: "    <change-notice id=\"ajout-dinum\" kind=\"addition\" sub-processor=\"dinum\">\n      <notice-date>2026-11-02</notice-date>\n    </change-notice>\n    <obligation id=\"preavis-resiliation\"")
        xml = xml.replacingOccurrences(of: "    <member ref=\"ccas-mende\"/>\n", with: "    <member ref=\"ccas-mende\"/>\n    <member ref=\"florac\"/>\n")
        xml = xml.replacingOccurrences(
            of: "  <organisation id=\"anct\"",
            with: "  <organisation id=\"florac\" public-body=\"true\">\n    <name>Commune de Florac</name>\n  </organisation>\n  <organisation id=\"anct\"")
        let file = try session.scratch.write(xml, to: "fan-out.xml")
        let imported = try session.registre(["import", file, "--db", db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    func windows(_ organisation: String) throws -> [Substring] {
        let result = try registre("deadlines", "--organisation", organisation, "--format", "xml", "--now", "2026-11-05T09:00")
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").filter { $0.contains("<deadline ") && $0.contains("organisation=\"\(organisation)\"") }
    }

    @Test("one window per member concerned, in its deadlines and in members; none for the others")
    func oneWindowPerMember() throws {
        for member in ["mende", "marvejols", "ccas-mende"] {
            let found = try windows(member)
            #expect(found.count == 1, "\(member)")
            // 15 days from Monday 2 November 2026: Tuesday 17 November.
            #expect(found.first?.contains("day=\"2026-11-17\"") == true, "\(member)")
        }
        #expect(try windows("florac").isEmpty)
        let text = try registre("deadlines", "--organisation", "mende", "--now", "2026-11-05T09:00").standardOutput
        #expect(text.contains("« Commune de Mende »"))

        let members = try registre("members", "--format", "xml", "--now", "2026-11-05T09:00")
        #expect(members.status == 0, "\(members.standardError)")
        let blocks = members.standardOutput.components(separatedBy: "<member ref=\"").dropFirst()
        let windowsPerMember = Dictionary(uniqueKeysWithValues: blocks.map { block in
            (String(block.prefix { $0 != "\"" }), block.components(separatedBy: "<objection-window ").count - 1)
        })
        #expect(windowsPerMember == ["mende": 1, "marvejols": 1, "ccas-mende": 1, "florac": 0])
    }
}

/// A member answers its own window on its structure's change notice: its window leaves `deadlines` and
/// `members`, the others' stay; the answer is in the agreement's XML and journaled under its actor.
@Suite("A member's own answer to a fanned-out change notice")
struct MemberAnswerCommandTests {
    let fanOut: ChangeNoticeFanOutCommandTests

    init() throws {
        fanOut = try ChangeNoticeFanOutCommandTests()
    }

    @Test("answered by the member, its window closes and only its own; the answer is exported and journaled")
    func answer() throws {
        let answered = try fanOut.registre(
            "change-notice", "outcome", "ajout-dinum", "--dpa", "dpa-suite-territoriale", "--outcome", "objected", "--member", "mende",
            "--actor", "dpo@mende", "--now", "2026-11-05T09:00")
        #expect(answered.status == 0, "\(answered.standardError)")
        #expect(try fanOut.windows("mende").isEmpty)
        #expect(try fanOut.windows("marvejols").count == 1)
        let xml = try fanOut.registre("export", "--format", "xml").standardOutput
        #expect(xml.contains("<member-answer member=\"mende\" outcome=\"objected\" by=\"dpo@mende\">"), "the actor that recorded it")
        #expect(xml.contains("<on>2026-11-05</on>"))
        #expect(try fanOut.registre("history", "--format", "xml").standardOutput.contains("dpo@mende"))
        // The file exported reads back: the schema and the reader take the answer.
        let file = try fanOut.session.scratch.write(xml, to: "answered.xml")
        #expect(try fanOut.session.registre(["check", file]).status != 2)
        // An answer naming an organisation the register lacks does not read.
        let unknown = try fanOut.session.scratch.write(
            xml.replacingOccurrences(of: "<member-answer member=\"mende\"", with: "<member-answer member=\"inconnue\""), to: "unknown.xml")
        #expect(try fanOut.session.registre(["check", unknown]).status == 2)
    }

    @Test("a party to the agreement, an organisation that is no member, a day before the notice: refused, nothing written")
    func refusals() throws {
        let before = try fanOut.registre("history", "--format", "xml").standardOutput
        let party = try fanOut.registre("change-notice", "outcome", "ajout-dinum", "--dpa", "dpa-suite-territoriale", "--outcome", "objected", "--member", "cdg48")
        #expect(party.status == 3)
        let stranger = try fanOut.registre("change-notice", "outcome", "ajout-dinum", "--dpa", "dpa-suite-territoriale", "--outcome", "objected", "--member", "anct")
        #expect(stranger.status == 3)
        let early = try fanOut.registre(
            "change-notice", "outcome", "ajout-dinum", "--dpa", "dpa-suite-territoriale", "--outcome", "accepted", "--member", "mende", "--on", "2026-10-01")
        #expect(early.status == 3)
        #expect(early.standardError.contains("2026-11-02"))
        let withdrawn = try fanOut.registre("change-notice", "outcome", "ajout-dinum", "--dpa", "dpa-suite-territoriale", "--outcome", "withdrawn", "--member", "mende")
        #expect(withdrawn.status == 3)
        #expect(try fanOut.registre("history", "--format", "xml").standardOutput == before)
    }
}
