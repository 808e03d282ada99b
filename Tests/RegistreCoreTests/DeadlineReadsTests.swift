import Foundation
import RegistreCore
import Testing

/// `deadlines` on a database reads the activities of a few organisations only (issue 10): those
/// ``DeadlineSchedule/activityControllers(in:)`` names must give the same deadlines as the whole register.
@Suite("The activities the deadline schedule reads")
struct DeadlineReadsTests {
    /// The register without the activities of organisations not named.
    func keepingActivities(of controllers: [EntityID], _ register: Register) -> Register {
        var kept = register
        kept.activities = register.activities.filter { controllers.contains($0.controller) }
        return kept
    }

    @Test("a change of sub-processor pending on a structure's agreement names its members, not the parties; the same windows")
    func fanOut() {
        let suite = ChangeNoticeFanOutTests()
        let register = suite.register()
        let controllers = DeadlineSchedule.activityControllers(in: register)
        #expect(controllers == ["mende", "marvejols", "florac"])
        let kept = keepingActivities(of: controllers, register)
        #expect(kept.activities.count < register.activities.count)
        #expect(DeadlineSchedule.deadlines(in: kept, now: suite.now) == DeadlineSchedule.deadlines(in: register, now: suite.now))
        #expect(!DeadlineSchedule.deadlines(in: kept, now: suite.now).isEmpty)
    }

    @Test("a settled change, or no structure at all, names nobody")
    func quiet() {
        #expect(DeadlineSchedule.activityControllers(in: ChangeNoticeFanOutTests().register(outcome: .accepted)).isEmpty)
        #expect(DeadlineSchedule.activityControllers(in: ReviewCampaignTests().register).isEmpty)
    }

    @Test("a running campaign names its members; the same deadlines; a closed one names nobody")
    func campaign() throws {
        let suite = ReviewCampaignTests()
        var campaign = try suite.campaign()
        var register = suite.register
        register.campaigns = [campaign]
        let controllers = DeadlineSchedule.activityControllers(in: register)
        #expect(controllers == ["mende", "marvejols"])
        let after = Instant.parse("2026-12-19T09:00", timeZone: Instant.defaultTimeZone)!
        let kept = keepingActivities(of: controllers, register)
        #expect(DeadlineSchedule.deadlines(in: kept, now: after) == DeadlineSchedule.deadlines(in: register, now: after))
        try CampaignReview.close(&campaign, on: CalendarDate(iso: "2026-12-19")!)
        register.campaigns = [campaign]
        #expect(DeadlineSchedule.activityControllers(in: register).isEmpty)
    }
}
