import Foundation
import RegistreCore
import Testing

@Suite("Review campaigns of a mutualisation structure: opening, confirmations, progress, deadlines, closing")
struct ReviewCampaignTests {
    let structure = Organisation(id: "cdg48", name: "CDG48", isPublicBody: true, members: ["mende", "marvejols"])
    let opened = CalendarDate(iso: "2026-11-02")!
    let due = CalendarDate(iso: "2026-12-18")!
    let mendeAccount = CampaignReview.Reviewer(login: "dpo@mende", role: .dpo, organisations: ["mende"])

    var register: Register {
        Register(
            organisations: [structure, Organisation(id: "mende", name: "Mende"), Organisation(id: "marvejols", name: "Marvejols")],
            activities: [
                ProcessingActivity(id: "messages", name: "Messagerie", controller: "cdg48", modelRole: .model),
                ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende"),
                ProcessingActivity(id: "messages-mende", name: "Messagerie", controller: "mende",
                                   modelRole: .follows(ModelLink(model: "messages"))),
                ProcessingActivity(id: "cantine", name: "Cantine", controller: "marvejols"),
            ]
        )
    }

    func campaign(asked: [EntityID]? = nil) throws -> ReviewCampaign {
        try CampaignReview.open(id: "revue-2026", title: "Revue 2026", structure: structure, asked: asked, opened: opened, due: due)
    }

    @Test("opening asks all members or those named, and refuses what is not a structure, a member, or a due day before opening")
    func opening() throws {
        #expect(try campaign().members == ["mende", "marvejols"])
        #expect(try campaign(asked: ["marvejols", "marvejols"]).members == ["marvejols"])
        #expect(throws: CampaignReview.Refusal.notAMember("florac", structure: "cdg48")) { try campaign(asked: ["florac"]) }
        #expect(throws: CampaignReview.Refusal.notAStructure("mende")) {
            try CampaignReview.open(id: "x", title: "x", structure: Organisation(id: "mende", name: "Mende"), asked: nil, opened: opened, due: due)
        }
        #expect(throws: CampaignReview.Refusal.dueBeforeOpening(due: opened, opened: due)) {
            try CampaignReview.open(id: "x", title: "x", structure: structure, asked: nil, opened: due, due: opened)
        }
    }

    @Test("an account of the member confirms its activity, which takes the day as its last review")
    func confirmation() throws {
        var campaign = try campaign()
        let day = CalendarDate(iso: "2026-11-10")!
        let activity = try #require(register.activities.first { $0.id == "etat-civil" })
        let reviewed = try CampaignReview.confirm(activity, as: .reviewed, in: &campaign, login: "dpo@mende", reviewer: mendeAccount, on: day)
        #expect(reviewed.lastReviewed == day)
        #expect(campaign.confirmations == [ReviewCampaign.Confirmation(
            activity: "etat-civil", member: "mende", outcome: .reviewed, confirmedBy: "dpo@mende", confirmedOn: day)])
    }

    @Test("confirmation is refused to another member's account, a reader, an unknown actor, for a model, and once closed")
    func confirmationRefusals() throws {
        var campaign = try campaign(asked: ["mende"])
        let day = CalendarDate(iso: "2026-11-10")!
        let activities = Dictionary(uniqueKeysWithValues: register.activities.map { ($0.id, $0) })
        let marvejols = CampaignReview.Reviewer(login: "dpo@marvejols", role: .dpo, organisations: ["marvejols"])
        let reader = CampaignReview.Reviewer(login: "lecteur", role: .reader, organisations: ["mende"])
        #expect(throws: CampaignReview.Refusal.notTheMembersAccount("dpo@marvejols", member: "mende")) {
            try CampaignReview.confirm(activities["etat-civil"]!, as: .reviewed, in: &campaign, login: "dpo@marvejols", reviewer: marvejols, on: day)
        }
        #expect(throws: CampaignReview.Refusal.notTheMembersAccount("lecteur", member: "mende")) {
            try CampaignReview.confirm(activities["etat-civil"]!, as: .reviewed, in: &campaign, login: "lecteur", reviewer: reader, on: day)
        }
        #expect(throws: CampaignReview.Refusal.unknownAccount("root")) {
            try CampaignReview.confirm(activities["etat-civil"]!, as: .reviewed, in: &campaign, login: "root", reviewer: nil, on: day)
        }
        #expect(throws: CampaignReview.Refusal.notUnderReview(activity: "messages", campaign: "revue-2026")) {
            try CampaignReview.confirm(activities["messages"]!, as: .reviewed, in: &campaign, login: "dpo@mende", reviewer: mendeAccount, on: day)
        }
        #expect(throws: CampaignReview.Refusal.notUnderReview(activity: "cantine", campaign: "revue-2026"), "Marvejols is not asked") {
            try CampaignReview.confirm(activities["cantine"]!, as: .reviewed, in: &campaign, login: "dpo@mende", reviewer: mendeAccount, on: day)
        }
        #expect(campaign.confirmations.isEmpty)
        try CampaignReview.close(&campaign, on: day)
        #expect(throws: CampaignReview.Refusal.closed("revue-2026", on: day)) {
            try CampaignReview.confirm(activities["etat-civil"]!, as: .reviewed, in: &campaign, login: "dpo@mende", reviewer: mendeAccount, on: day)
        }
        #expect(throws: CampaignReview.Refusal.closed("revue-2026", on: day)) { try CampaignReview.close(&campaign, on: day) }
    }

    @Test("progress counts each member's activities, the last confirmation standing for each")
    func progress() throws {
        var campaign = try campaign()
        let register = register
        for (id, outcome) in [("etat-civil", ReviewCampaign.Outcome.reviewed), ("etat-civil", .changed)] {
            let activity = try #require(register.activities.first { $0.id == id })
            _ = try CampaignReview.confirm(activity, as: outcome, in: &campaign, login: "dpo@mende", reviewer: mendeAccount, on: opened)
        }
        let progress = CampaignReview.progress(of: campaign, in: register)
        #expect(progress.map(\.member) == ["mende", "marvejols"])
        #expect(progress[0].activities.map(\.activity) == ["etat-civil", "messages-mende"])
        #expect(progress[0].activities.map { $0.confirmation?.outcome } == [.changed, nil])
        #expect((progress[0].confirmed, progress[0].changed, progress[0].pending) == (1, 1, 1))
        #expect((progress[1].confirmed, progress[1].pending) == (0, 1))
    }

    @Test("a running campaign gives each member with activities left a deadline on the due day; a complete member or a closed campaign none")
    func deadlines() throws {
        var campaign = try campaign()
        var register = register
        let cantine = try #require(register.activities.first { $0.id == "cantine" })
        let marvejols = CampaignReview.Reviewer(login: "dpo@marvejols", role: .dpo, organisations: ["marvejols"])
        _ = try CampaignReview.confirm(cantine, as: .reviewed, in: &campaign, login: "dpo@marvejols", reviewer: marvejols, on: opened)
        register.campaigns = [campaign]
        let after = Instant.parse("2026-12-19T09:00", timeZone: Instant.defaultTimeZone)!
        let deadlines = DeadlineSchedule.deadlines(in: register, now: after)
        #expect(deadlines.map(\.organisation) == ["mende"])
        #expect(deadlines.map(\.subject) == [Finding.Subject(.campaign, "revue-2026")])
        #expect(deadlines.map { $0.status(at: after) } == [.overdue])
        #expect(deadlines[0].what.en.contains("2 of 2 to confirm"))
        #expect(deadlines[0].source == "Art. 24(1)")
        try CampaignReview.close(&campaign, on: CalendarDate(iso: "2026-12-19")!)
        register.campaigns = [campaign]
        #expect(DeadlineSchedule.deadlines(in: register, now: after).isEmpty)
    }
}
