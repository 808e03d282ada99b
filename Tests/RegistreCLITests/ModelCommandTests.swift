import Foundation
import RegistreTestSupport
import Testing

/// `registre model`: the CDG48's models applied to its members, changed, and propagated, end to end on
/// the register of record.
@Suite("Model activities of a mutualisation structure")
struct ModelCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    func journal() throws -> String { try registre("history", "--format", "xml").standardOutput }

    func export() throws -> String { try registre("export", "--format", "xml").standardOutput }

    /// The `<activity>` element with this id in an exported register.
    func activity(_ id: String, in xml: String) throws -> String {
        let start = try #require(xml.range(of: "<activity id=\"\(id)\""))
        let end = try #require(xml.range(of: "</activity>", range: start.upperBound..<xml.endIndex))
        return String(xml[start.lowerBound..<end.upperBound])
    }

    @Test("apply creates one following activity per member asked, journaled for each, and refuses what it cannot do")
    func apply() throws {
        let before = try journal()
        // Not a model, not a member, already applied: refused changes (3); no such activity: 2.
        for (arguments, status) in [
            (["model", "apply", "mende-rdv", "--to", "mende"], 3),
            (["model", "apply", "cdg48-fichiers", "--to", "anct"], 3),
            (["model", "apply", "cdg48-fichiers", "--to", "mende"], 3),
            (["model", "apply", "no-such-model", "--to", "mende"], 2),
        ] as [([String], Int32)] {
            let refused = try session.registre(arguments + ["--db", db, "--now", "2026-11-04T09:00"])
            #expect(refused.status == status, "\(arguments)")
            #expect(!refused.standardError.isEmpty, "\(arguments)")
        }
        #expect(try registre("model", "apply", "cdg48-fichiers").status == 64, "neither --to nor --to-all-members: a usage error")
        #expect(try journal() == before)

        let applied = try registre("model", "apply", "cdg48-fichiers", "--to-all-members", "--now", "2026-11-04T09:00", "--actor", "dpo-cdg48")
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(applied.standardOutput == "cdg48-fichiers-marvejols\n", "mende and the CCAS already follow it")
        let history = try registre("history", "cdg48-fichiers-marvejols", "--format", "xml").standardOutput
        #expect(history.contains("change=\"created\"") && history.contains("actor=\"dpo-cdg48\""))
        let created = try activity("cdg48-fichiers-marvejols", in: try export())
        #expect(created.contains("<controller ref=\"marvejols\"/>"))
        #expect(created.contains("<follows ref=\"cdg48-fichiers\"/>"))
        #expect(created.contains("<created>2026-11-04</created>"))
        #expect(try registre("model", "drift", "--model", "cdg48-fichiers").standardOutput.contains("0 écart(s)"))
    }

    @Test("after a change of the model, drift lists exactly what is behind and what contradicts; propagate updates only followed items, one journal entry per member")
    func changeDriftPropagate() throws {
        // The CDG48 changes its model: one more purpose, a new recipient, traces kept three years.
        var xml = try export()
        let model = try activity("cdg48-messages", in: xml)
        var changed = model.replacingOccurrences(
            of: "<legal-basis", with: "<purpose>Partager des agendas entre agents de la collectivité</purpose>\n    <legal-basis")
        changed = changed.replacingOccurrences(
            of: "<recipient kind=\"processor\">", with: "<recipient kind=\"external\">Archives départementales de la Lozère</recipient>\n    <recipient kind=\"processor\">")
        changed = changed.replacingOccurrences(of: "<duration value=\"2\" unit=\"years\"/>", with: "<duration value=\"3\" unit=\"years\"/>")
        #expect(changed != model)
        xml = xml.replacingOccurrences(of: model, with: changed)
        let file = try session.scratch.write(xml, to: "changed.xml")
        #expect(try registre("import", file, "--now", "2026-11-05T09:00").status == 0)

        let drift = try registre("model", "drift", "--model", "cdg48-messages", "--format", "xml")
        #expect(drift.status == 0, "\(drift.standardError)")
        let items = drift.standardOutput.split(separator: "\n").filter { $0.contains("<item ") }.map { line in
            ["member", "item", "kind"].map { name in
                line.firstRange(of: "\(name)=\"").map { start in String(line[start.upperBound...].prefix { $0 != "\"" }) } ?? ""
            }.joined(separator: " ")
        }
        #expect(items == [
            "mende purpose behind", "mende recipient behind", "mende retention behind",
            "marvejols purpose behind", "marvejols retention behind",
            "ccas-mende purpose behind", "ccas-mende recipient behind", "ccas-mende retention contradicts",
        ])
        let driftFile = try session.scratch.write(drift.standardOutput, to: "drift.xml")
        #expect(try CommandRunner.xmllintValidates(driftFile).status == 0)

        let before = try export()
        let propagated = try registre("model", "propagate", "cdg48-messages", "--actor", "dpo-cdg48", "--lang", "en", "--now", "2026-11-06T09:00")
        #expect(propagated.status == 0, "\(propagated.standardError)")
        #expect(propagated.standardOutput.contains("3 of 3 activity(ies) updated"))
        #expect(propagated.standardOutput.contains("marvejols — cdg48-messages-marvejols: purposes, retention periods (own values kept: recipients)"))
        let after = try export()
        let marvejols = try activity("cdg48-messages-marvejols", in: after)
        #expect(marvejols.contains("Direction générale des services de Marvejols"), "own recipient kept")
        #expect(!marvejols.contains("Archives départementales"), "own recipients not replaced")
        #expect(marvejols.contains("Partager des agendas"))
        let ccas = try activity("cdg48-messages-ccas-mende", in: after)
        #expect(ccas.contains("<duration value=\"1\" unit=\"years\"/>"), "own retention kept")
        #expect(ccas.contains("Archives départementales"))
        #expect(try activity("cdg48-messages", in: after) == (try activity("cdg48-messages", in: before)))

        for member in ["mende", "marvejols", "ccas-mende"] {
            let history = try registre("history", "cdg48-messages-\(member)", "--format", "xml").standardOutput
            let updates = history.components(separatedBy: "change=\"updated\"").count - 1
            #expect(updates == 1, "\(member)")
            #expect(history.contains("actor=\"dpo-cdg48\""), "\(member)")
        }
        let remaining = try registre("model", "drift", "--lang", "en").standardOutput
        let listed = remaining.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(listed.count == 1 && listed[0].contains("cdg48-messages-ccas-mende: own retention period"), "\(remaining)")

        let again = try registre("model", "propagate", "cdg48-messages", "--lang", "en")
        #expect(again.standardOutput.contains("0 of 3 activity(ies) updated"))
        #expect(try registre("verify").status == 0)
    }
}
