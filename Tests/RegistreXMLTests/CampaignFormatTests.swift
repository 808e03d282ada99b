import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Review campaigns in the XML format")
struct CampaignFormatTests {
    var register: Register {
        Register(
            organisations: [
                Organisation(id: "cdg48", name: "CDG48", members: ["mende", "marvejols"]),
                Organisation(id: "mende", name: "Mende"), Organisation(id: "marvejols", name: "Marvejols"),
            ],
            activities: [ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende", purposes: ["Actes"])],
            campaigns: [ReviewCampaign(
                id: "revue-2026", title: "Revue annuelle 2026", structure: "cdg48", members: ["mende", "marvejols"],
                opened: CalendarDate(iso: "2026-11-02")!, due: CalendarDate(iso: "2026-12-18")!, closed: CalendarDate(iso: "2026-12-21")!,
                confirmations: [ReviewCampaign.Confirmation(
                    activity: "etat-civil", member: "mende", outcome: .changed, confirmedBy: "dpo@mende",
                    confirmedOn: CalendarDate(iso: "2026-11-10")!)])]
        )
    }

    @Test("a campaign is written, read back equal, written again to the same bytes, and valid for xmllint")
    func roundTrip() throws {
        let bytes = try RegisterWriter.bytes(of: register)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<campaign id=\"revue-2026\" structure=\"cdg48\">"))
        #expect(text.contains("<confirmation activity=\"etat-civil\" member=\"mende\" outcome=\"changed\">"))
        let read = try RegisterReader.read(bytes: bytes, name: "campaign.xml")
        #expect(read == register)
        #expect(try RegisterWriter.bytes(of: read) == bytes)
        let scratch = try ScratchDirectory()
        let path = scratch.path("campaign.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let lint = try CommandRunner.xmllintValidates(path)
        #expect(lint.status == 0, "\(lint.standardError)")
    }

    @Test("a campaign that names an organisation the register lacks is refused by registre and by xmllint")
    func unknownMember() throws {
        var register = register
        register.campaigns[0].members.append("florac")
        let bytes = try RegisterWriter.bytes(of: register)
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: bytes, name: "campaign.xml") }
        let scratch = try ScratchDirectory()
        let path = scratch.path("campaign.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CommandRunner.xmllintValidates(path).status != 0)
    }

    @Test("the closing report is valid for xmllint")
    func report() throws {
        let campaign = register.campaigns[0]
        let bytes = try CampaignWriter.report(of: campaign, progress: CampaignReview.progress(of: campaign, in: register), source: "r.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<activity ref=\"etat-civil\" outcome=\"changed\" by=\"dpo@mende\" on=\"2026-11-10\">"))
        let scratch = try ScratchDirectory()
        let path = scratch.path("report.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let lint = try CommandRunner.xmllintValidates(path)
        #expect(lint.status == 0, "\(lint.standardError)")
    }
}
