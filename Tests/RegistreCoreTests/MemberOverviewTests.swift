import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("One view of a structure's members, what needs action first")
struct MemberOverviewTests {
    let structure = Organisation(id: "cdg", name: "Centre de gestion", isPublicBody: true, members: ["calme", "voisine", "commune"])
    /// Five days after the complete register's breach became known.
    let now = CompleteRegister.aware.addingTimeInterval(5 * 86400)

    /// The complete register ("commune") with two more members: "voisine", reviewed in January, and
    /// "calme", reviewed in September.
    func register(breachNotified: Bool = true, pendingChange: Bool = false, audit: Bool = false) -> Register {
        var register = CompleteRegister.register
        if !audit { register.audits = [] }
        register.organisations += [
            structure,
            Organisation(id: "voisine", name: "Commune voisine", isPublicBody: true),
            Organisation(id: "calme", name: "Commune calme", isPublicBody: true),
        ]
        for (id, reviewed) in [("voisine", CalendarDate(year: 2026, month: 1, day: 5)), ("calme", CalendarDate(year: 2026, month: 9, day: 1))] {
            var activity = CompleteRegister.activity
            activity.id = "rdv-\(id)"
            activity.controller = id
            activity.lastReviewed = reviewed
            register.activities.append(activity)
        }
        if !breachNotified { register.breaches[0].notifications = [] }
        if pendingChange {
            register.agreements[0].changeNotices = [SubProcessorChange(
                id: "changement", kind: .addition, subProcessor: "hebergeur",
                noticeDate: CalendarDate(year: 2026, month: 3, day: 30)!, outcome: .pending)]
        }
        return register
    }

    let error = Finding(code: FindingCode(rawValue: "X"), severity: .error, subject: Finding.Subject(.activity, "rdv-voisine"), article: "Art. 30(1)",
                        message: LocalizedText(fr: "x", en: "x"))

    @Test("a quiet register: members in the order of their oldest review, nothing to act on")
    func quiet() {
        let overview = MemberOverview.overview(of: structure, in: register(), findings: [], now: now)
        #expect(overview.map(\.member) == ["commune", "voisine", "calme"], "commune was never reviewed, then the oldest review")
        #expect(overview.allSatisfy {
            $0.activities == 1 && $0.errors == 0 && $0.openBreaches.isEmpty && $0.openObjectionWindows.isEmpty && $0.overdueDeadlines.isEmpty
        })
        #expect(overview[0].unreviewedActivities == 1 && overview[0].lastReview == nil)
        #expect(overview[2].lastReview == CalendarDate(year: 2026, month: 9, day: 1))
    }

    @Test("an overdue breach notification comes first, then errors; an open objection window is counted for each controller")
    func firing() {
        var findings = [error]
        findings.append(Finding(code: FindingCode(rawValue: "Y"), severity: .warning, subject: Finding.Subject(.agreement, "dpa"), article: "Art. 28(3)",
                                message: LocalizedText(fr: "y", en: "y")))
        let overview = MemberOverview.overview(
            of: structure, in: register(breachNotified: false, pendingChange: true), findings: findings, now: now)
        #expect(overview.map(\.member) == ["commune", "voisine", "calme"])
        #expect(overview[0].openBreaches.map(\.id) == ["violation"])
        #expect(overview[0].openBreaches.first?.clock == .overdue)
        #expect(overview[0].openObjectionWindows.count == 1, "15 days from 30 March are still running on 1 April")
        #expect(overview[0].warnings == 1 && overview[0].errors == 0)
        #expect(overview[1].errors == 1 && overview[1].openObjectionWindows.isEmpty)

        let later = MemberOverview.overview(of: structure, in: register(pendingChange: true), findings: [error], now: now)
        #expect(later.map(\.member) == ["voisine", "commune", "calme"], "errors before an open window")

        let audited = MemberOverview.overview(of: structure, in: register(audit: true), findings: [error], now: now)
        #expect(audited.map(\.member) == ["commune", "voisine", "calme"], "an overdue deadline (the audit's start, 9 February) before errors")
        #expect(audited[0].overdueDeadlines.map(\.subject.id) == ["audit"])
    }
}
