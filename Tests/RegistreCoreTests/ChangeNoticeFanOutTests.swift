import Foundation
import RegistreCore
import Testing

@Suite("A change of sub-processor notified to a structure opens a window for each member that uses the processor")
struct ChangeNoticeFanOutTests {
    let notice = CalendarDate(iso: "2026-03-02")!
    let now = Instant.parse("2026-03-05T09:00", timeZone: Instant.defaultTimeZone)!

    /// The CDG48 alone signs with the ANCT; Mende uses it directly, Marvejols through a model it
    /// follows, Florac not at all; the CCAS signed the agreement itself.
    func register(outcome: SubProcessorChange.Outcome = .pending) -> Register {
        let anct = ProcessorEngagement(processor: "anct", service: "Messagerie")
        return Register(
            organisations: [
                Organisation(id: "cdg48", name: "CDG48", members: ["mende", "marvejols", "florac", "ccas"]),
                Organisation(id: "mende", name: "Mende"), Organisation(id: "marvejols", name: "Marvejols"),
                Organisation(id: "florac", name: "Florac"), Organisation(id: "ccas", name: "CCAS"),
                Organisation(id: "anct", name: "ANCT"), Organisation(id: "hebergeur", name: "Hébergeur"),
                Organisation(id: "autre", name: "Autre prestataire"),
            ],
            activities: [
                ProcessingActivity(id: "messages", name: "Messagerie", controller: "cdg48", processors: [anct], modelRole: .model),
                ProcessingActivity(id: "rdv", name: "Rendez-vous", controller: "mende", processors: [anct]),
                ProcessingActivity(id: "messages-marvejols", name: "Messagerie", controller: "marvejols", processors: [anct],
                                   modelRole: .follows(ModelLink(model: "messages"))),
                ProcessingActivity(id: "paie", name: "Paie", controller: "florac",
                                   processors: [ProcessorEngagement(processor: "autre", service: "Paie")]),
                ProcessingActivity(id: "suivi", name: "Suivi social", controller: "ccas", processors: [anct]),
            ],
            agreements: [DataProcessingAgreement(
                id: "dpa", title: "Accord", controllers: ["cdg48", "ccas"], processor: "anct",
                subProcessorAuthorisation: SubProcessorAuthorisation(.general, objectionPeriod: DeadlinePeriod(15, .days)),
                changeNotices: [SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur", noticeDate: notice, outcome: outcome)])]
        )
    }

    @Test("one window per member whose activities use the processor, none for the others nor for a party to the agreement")
    func fanOut() {
        let windows = ChangeNoticeFanOut.windows(in: register())
        #expect(windows.map(\.member) == ["mende", "marvejols"])
        #expect(windows.allSatisfy { $0.structure == "cdg48" && $0.agreement == "dpa" && $0.change == "ajout" })
        // 15 days from Monday 2 March 2026: Tuesday 17 March.
        #expect(windows.map(\.deadline.dueDay.iso) == ["2026-03-17", "2026-03-17"])
        #expect(windows.map(\.deadline.organisation) == ["mende", "marvejols"])
        #expect(windows[0].deadline.source == "Art. 28(2)")
    }

    @Test("no window once the change is no longer pending")
    func settled() {
        #expect(ChangeNoticeFanOut.windows(in: register(outcome: .accepted)).isEmpty)
    }

    @Test("each member sees its own window in its deadlines and in members; Florac sees none")
    func visible() throws {
        let register = register()
        let deadlines = DeadlineSchedule.deadlines(in: register, now: now)
        func own(_ member: EntityID) -> [ScheduledDeadline] { deadlines.filter { $0.concerns(member, in: register) && $0.source.hasPrefix("Art. 28(2)") } }
        #expect(own("mende").count == 1)
        #expect(own("mende")[0].what.fr.contains("« Mende »"))
        #expect(own("marvejols").count == 1)
        #expect(own("florac").isEmpty)
        #expect(own("ccas").count == 1, "the CCAS signed: the agreement's own window")
        let structure = try #require(register.organisation("cdg48"))
        let overview = MemberOverview.overview(of: structure, in: register, findings: [], now: now)
        let windows = Dictionary(uniqueKeysWithValues: overview.map { ($0.member, $0.openObjectionWindows.count) })
        #expect(windows == ["mende": 1, "marvejols": 1, "florac": 0, "ccas": 1])
        let later = Instant.parse("2026-03-18T09:00", timeZone: Instant.defaultTimeZone)!
        #expect(MemberOverview.overview(of: structure, in: register, findings: [], now: later).allSatisfy { $0.openObjectionWindows.isEmpty })
    }
}
