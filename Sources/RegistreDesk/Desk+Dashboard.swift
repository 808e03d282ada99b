import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreStore

extension Desk {
    /// How many organisations the dashboard counts findings for at once: each one's activities are read
    /// and checked at request time (about a hundred for a commune), so the table is paged.
    static let findingsPageSize = 10

    /// "Tableau de bord": open breaches and their clocks, deadlines of the next 30 days and overdue ones,
    /// findings by severity per organisation — of the organisations the account may see. Nothing reads
    /// every activity: the deadlines read the activities of the organisations they concern only
    /// (`DeadlineSchedule.activityControllers`), the findings those of one page of organisations.
    func addDashboardRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await self.signedIn(request) { visit in try self.dashboard(request, visit) }
        }
    }

    private func dashboard(_ request: Request, _ visit: Visit) throws -> Response {
        let policy = visit.policy, language = visit.language
        let breaches = visit.register.breaches.filter(policy.mayRead)
            .map { BreachClock($0, in: visit.register, now: visit.now) }
            .filter(\.isOpen)
            .map { $0.view(language) }
        let page = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
        let (register, controllers) = try store.read { reading -> (Register, [Organisation]) in
            var register = visit.register
            for organisation in DeadlineSchedule.activityControllers(in: register) {
                try reading.forEachActivity(controlledBy: organisation) { register.append(.activity($0)) }
            }
            let controlling = try reading.activityControllers()
            return (register, policy.readableOrganisations(of: visit.register).filter { controlling.contains($0.id) })
        }
        let deadlines = DeadlineSchedule.deadlines(in: register, now: visit.now, within: DeadlinePeriod(30, .days))
            .filter { policy.mayRead(EntityKey($0.subject.kind, $0.subject.id), in: register) }
            .map { deadline -> [String: Any] in
                [
                    "what": deadline.what[language], "due": Instant.wallClock(deadline.due, in: deadline.timeZone),
                    "overdue": deadline.status(at: visit.now) == .overdue, "source": deadline.source,
                ]
            }
        let start = min((page - 1) * Self.findingsPageSize, controllers.count)
        let shown = controllers[start..<min(start + Self.findingsPageSize, controllers.count)]
        let organisations = try shown.map { organisation -> [String: Any] in
            var row: [String: Any] = ["id": organisation.id, "name": organisation.name]
            let counts = try findingCounts(of: organisation.id, parties: visit.register, now: visit.now)
            for severity in Finding.Severity.allCases { row[severity.rawValue] = counts[severity, default: 0] }
            return row
        }
        var view: [String: Any] = ["breaches": breaches, "deadlines": deadlines, "organisations": organisations]
        if controllers.count > Self.findingsPageSize {
            let pages = (controllers.count + Self.findingsPageSize - 1) / Self.findingsPageSize
            view["findingsPages"] = [
                "page": page, "pageCount": pages, "total": controllers.count,
                "previous": page > 1 ? "/?page=\(min(page - 1, pages))" : "", "next": page < pages ? "/?page=\(page + 1)" : "",
            ]
        }
        return Page.html("dashboard", title: Wording.text("dashboard", language), view: view, visit: visit, language: language, path: "/")
    }

    /// The findings of `check` by severity for `organisation`'s part of the register at `now`: its
    /// activities (its own and those it controls jointly) read through the indexes, judged with every party.
    private func findingCounts(of organisation: EntityID, parties: Register, now: Date) throws -> [Finding.Severity: Int] {
        var register = parties
        try store.read { reading in
            for id in try reading.activityIDs(recordedBy: organisation) {
                if let entry = try reading.entry(EntityKey(.activity, id)) { register.append(entry) }
            }
        }
        var counts: [Finding.Severity: Int] = [:]
        for finding in RegisterCheck.findings(in: register.restricted(to: organisation), now: now) { counts[finding.severity, default: 0] += 1 }
        return counts
    }
}
