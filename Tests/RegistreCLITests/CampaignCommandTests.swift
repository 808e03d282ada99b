import Foundation
import RegistreTestSupport
import RegistreTestTags
import Testing

/// `registre campaign`: the CDG48 asks Mende and Marvejols to review their activities, their accounts
/// confirm, the deadline passes, the CDG48 closes the campaign; end to end on the register of record.
@Suite("Review campaigns of a mutualisation structure")
struct CampaignCommandTests {
    let session: CommandSession
    var db: String { session.db }
    let campaign = "cdg48-revue-2026-11-03"

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
        for (login, member) in [("dpo@mende", "mende"), ("dpo@marvejols", "marvejols")] {
            let added = try CommandRunner.run(
                CommandRunner.registre, ["user", "add", login, "--role", "dpo", "--organisation", member, "--db", session.db],
                currentDirectory: session.scratch.url.path(), standardInput: "a long enough password\n")
            #expect(added.status == 0, "\(added.standardError)")
        }
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    func journal() throws -> String { try registre("history", "--format", "xml").standardOutput }

    @Test("a campaign from its opening to its closing report: confirmations by the members' accounts, overdue in deadlines", .tags(.slow), .skippedInQuickRuns)
    func campaignToClosingReport() throws {
        let opened = try registre(
            "campaign", "open", "Revue annuelle 2026", "--structure", "cdg48", "--members", "mende", "marvejols",
            "--due", "2026-12-18", "--now", "2026-11-03T10:00", "--actor", "dpo@cdg48")
        #expect(opened.status == 0, "\(opened.standardError)")
        #expect(opened.standardOutput == "\(campaign)\n")

        let before = try journal()
        // A change the register refuses as it stands exits 3; a campaign that does not exist, 2.
        for (arguments, expected, status) in [
            (["campaign", "confirm", campaign, "mende-rdv", "--actor", "dpo@marvejols"], "dpo@marvejols", 3),
            (["campaign", "confirm", campaign, "mende-rdv", "--actor", "inconnu"], "inconnu", 3),
            (["campaign", "confirm", campaign, "ccas-mende-suivi-social", "--actor", "dpo@mende"], "ccas-mende-suivi-social", 3),
            (["campaign", "confirm", campaign, "cdg48-messages", "--actor", "dpo@mende"], "cdg48-messages", 3),
            (["campaign", "confirm", "no-such-campaign", "mende-rdv", "--actor", "dpo@mende"], "no-such-campaign", 2),
            (["campaign", "open", "Autre", "--structure", "cdg48", "--members", "anct", "--due", "2026-12-18"], "anct", 3),
            (["campaign", "open", "Autre", "--structure", "mende", "--all", "--due", "2026-12-18"], "mende", 3),
        ] {
            let refused = try session.registre(arguments + ["--db", db, "--now", "2026-11-10T09:00"])
            #expect(refused.status == status, "\(arguments)")
            #expect(refused.standardError.contains(expected), "\(arguments): \(refused.standardError)")
        }
        #expect(try journal() == before, "nothing refused is recorded")

        let confirmed = try registre(
            "campaign", "confirm", campaign, "mende-rdv", "cdg48-messages-mende", "--actor", "dpo@mende", "--now", "2026-11-10T09:00")
        #expect(confirmed.status == 0, "\(confirmed.standardError)")
        #expect(try registre(
            "campaign", "confirm", campaign, "marvejols-visio", "--changed", "--actor", "dpo@marvejols", "--now", "2026-11-12T09:00"
        ).status == 0)
        let history = try registre("history", campaign, "--format", "xml").standardOutput
        #expect(history.contains("actor=\"dpo@mende\"") && history.contains("actor=\"dpo@marvejols\""))
        let export = try registre("export", "--format", "xml").standardOutput
        #expect(export.contains("<confirmation activity=\"mende-rdv\" member=\"mende\" outcome=\"reviewed\">"))
        let rdv = try #require(export.range(of: "<activity id=\"mende-rdv\""))
        #expect(export[rdv.lowerBound...].prefix(400).contains("<last-reviewed>2026-11-10</last-reviewed>"))

        let status = try registre("campaign", "status", "--campaign", campaign)
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains("3 activité(s) confirmée(s) sur 5"))
        #expect(status.standardOutput.contains("Commune de Mende (mende) — 2 sur 3"))

        // After the due day, each member with activities left has an overdue deadline; none once closed.
        let deadlines = try registre("deadlines", "--format", "xml", "--now", "2026-12-19T09:00").standardOutput
        let campaignLines = deadlines.split(separator: "\n").filter { $0.contains("subject=\"campaign\"") }
        #expect(campaignLines.count == 2)
        #expect(campaignLines.allSatisfy { $0.contains("status=\"overdue\"") })
        #expect(campaignLines.contains { $0.contains("organisation=\"mende\"") } && campaignLines.contains { $0.contains("organisation=\"marvejols\"") })

        let closed = try registre("campaign", "close", campaign, "--now", "2026-12-21T09:00", "--lang", "en")
        #expect(closed.status == 0, "\(closed.standardError)")
        #expect(closed.standardOutput.hasPrefix("CLOSING REPORT OF REVIEW CAMPAIGN 'Revue annuelle 2026'"))
        #expect(closed.standardOutput.contains("closed on 2026-12-21"))
        #expect(closed.standardOutput.contains("- mende-rdv '"))
        #expect(closed.standardOutput.contains("reviewed, unchanged, confirmed by dpo@mende on 2026-11-10"))
        #expect(closed.standardOutput.contains("changed, confirmed by\n    dpo@marvejols on 2026-11-12"))
        #expect(closed.standardOutput.contains("- cdg48-fichiers-mende '") && closed.standardOutput.contains("not confirmed"))
        let afterClosing = try registre("deadlines", "--format", "xml", "--now", "2026-12-22T09:00").standardOutput
        #expect(!afterClosing.contains("subject=\"campaign\""))
        let late = try registre("campaign", "confirm", campaign, "cdg48-fichiers-mende", "--actor", "dpo@mende", "--now", "2026-12-22T09:00")
        #expect(late.status == 3 && late.standardError.contains("2026-12-21"))

        let report = try registre("campaign", "status", "--campaign", campaign, "--format", "xml")
        let file = try session.scratch.write(report.standardOutput, to: "report.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        #expect(report.standardOutput.contains("closed=\"2026-12-21\""))
    }
}
