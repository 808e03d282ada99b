import Foundation
import Hummingbird
import RegistreCore
import RegistreReports

extension Desk {
    /// "Tableau de bord": open breaches and their clocks, deadlines of the next 30 days and overdue ones,
    /// findings by severity per organisation — of the organisations the account may see.
    func addDashboardRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await self.signedIn(request) { visit in
                let register = visit.register, policy = visit.policy, language = visit.language
                let breaches = register.breaches.filter(policy.mayRead)
                    .map { BreachClock($0, in: register, now: visit.now) }
                    .filter(\.isOpen)
                    .map { $0.view(language) }
                let deadlines = DeadlineSchedule.deadlines(in: register, now: visit.now, within: DeadlinePeriod(30, .days))
                    .filter { policy.mayRead(EntityKey($0.subject.kind, $0.subject.id), in: register) }
                    .map { deadline -> [String: Any] in
                        [
                            "what": deadline.what[language], "due": Instant.wallClock(deadline.due, in: deadline.timeZone),
                            "overdue": deadline.status(at: visit.now) == .overdue, "source": deadline.source,
                        ]
                    }
                let organisations = policy.readableOrganisations(of: register)
                    .filter { organisation in register.activities.contains { $0.controller == organisation.id } }
                    .map { organisation -> [String: Any] in
                        let counts = self.cache.findingCounts(of: organisation.id, in: register, now: visit.now)
                        var row: [String: Any] = ["id": organisation.id, "name": organisation.name]
                        for severity in Finding.Severity.allCases { row[severity.rawValue] = counts[severity, default: 0] }
                        return row
                    }
                return Page.html(
                    "dashboard", title: Wording.text("dashboard", language),
                    view: ["breaches": breaches, "deadlines": deadlines, "organisations": organisations], visit: visit,
                    language: language, path: "/")
            }
        }
    }
}
