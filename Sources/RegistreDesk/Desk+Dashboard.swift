import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreStore

extension Desk {
    /// How many organisations the dashboard shows the findings of at once (counted by SQL from the
    /// findings kept beside the entries), so that the table stays readable.
    static let findingsPageSize = 10

    /// "Tableau de bord": open breaches and their clocks, deadlines of the next 30 days and overdue ones,
    /// findings by severity per organisation — of the organisations the account may see. Nothing reads
    /// every activity: the deadlines read the activities of the organisations they concern only
    /// (`DeadlineSchedule.activityControllers`); the findings are counted from the table kept with them.
    /// The requests come from their kept clocks: only those still unanswered, of the organisations the
    /// account reads (``RegisterReading/unansweredRequests(visibleTo:_:)``), the only ones with a deadline
    /// or a lateness to show. The session, the parties and all the page reads are one read transaction:
    /// one moment, one connection of the pool (``signedInReading(_:reading:_:)``).
    func addDashboardRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await self.signedInReading(request) { visit, reading in try self.dashboard(request, visit, reading) }
        }
    }

    private func dashboard(_ request: Request, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let policy = visit.policy, language = visit.language
        var parties = visit.register
        try reading.unansweredRequests(visibleTo: visit.visibility) { parties.requests.append($0) }
        // The open breaches from their kept clocks, the 50 most recent; the list of breaches has the others.
        let open = try reading.openBreaches(visibleTo: visit.visibility, at: visit.now)
        let shownBreaches = try Self.breachesShown(open.rows, reading)
        let breaches = shownBreaches.breaches.map { BreachClock($0, in: shownBreaches, now: visit.now).view(language) }
        let page = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
        let controlling = try reading.activityControllers()
        let controllers = policy.readableOrganisations(of: visit.register).filter { controlling.contains($0.id) }
        let start = min((page - 1) * Self.findingsPageSize, controllers.count)
        let shown = controllers[start..<min(start + Self.findingsPageSize, controllers.count)]
        let counts = try findingCounts(of: shown.map(\.id), parties: parties, now: visit.now, reading)
        let organisations = shown.map { organisation -> [String: Any] in
            var row: [String: Any] = ["id": organisation.id, "name": organisation.name]
            for severity in Finding.Severity.allCases { row[severity.rawValue] = counts[organisation.id]?[severity, default: 0] ?? 0 }
            return row
        }
        var view: [String: Any] = [
            "breaches": breaches, "deadlines": try deadlines(visit, parties: parties, reading), "organisations": organisations,
            "moreBreaches": open.total > open.rows.count ? ["total": open.total, "href": "/breaches?state=open"] as Any : false,
        ]
        if controllers.count > Self.findingsPageSize {
            let pages = (controllers.count + Self.findingsPageSize - 1) / Self.findingsPageSize
            view["findingsPages"] = [
                "page": page, "pageCount": pages, "total": controllers.count,
                "previous": page > 1 ? "/?page=\(min(page - 1, pages))" : "", "next": page < pages ? "/?page=\(page + 1)" : "",
            ]
        }
        return Page.html("dashboard", title: Wording.text("dashboard", language), view: view, visit: visit, language: language, path: "/")
    }

    /// The deadlines of the next 30 days and those overdue that the account may read, each as the page
    /// shows it: computed on `parties` (with the unanswered requests) and the activities of the
    /// organisations they concern, read in `reading`.
    private func deadlines(_ visit: Visit, parties: Register, _ reading: RegisterReading) throws -> [[String: Any]] {
        var register = parties
        for organisation in DeadlineSchedule.activityControllers(in: register) {
            try reading.forEachActivity(controlledBy: organisation) { register.append(.activity($0)) }
        }
        let language = visit.language
        return DeadlineSchedule.deadlines(in: register, now: visit.now, within: DeadlinePeriod(30, .days))
            .filter { visit.policy.mayRead(EntityKey($0.subject.kind, $0.subject.id), in: register) }
            .map { deadline -> [String: Any] in
                [
                    "what": deadline.what[language], "due": Instant.wallClock(deadline.due, in: deadline.timeZone),
                    "overdue": deadline.status(at: visit.now) == .overdue, "source": deadline.source,
                    // A request's deadline leads to its page (Art. 12(3)). Always set (false, not an empty string, which
                    // a section renders): a missing key would be looked up in the page's view.
                    "href": deadline.subject.kind == .request ? "/requests/\(deadline.subject.id)" as Any : false,
                ]
            }
    }

    /// The findings of `check` by severity for each of `organisations`' registers at `now`: those kept
    /// beside the entries (written with every change, counted by SQL in `reading`), and the lateness of
    /// their breaches and unanswered requests, which moves with the clock and is judged now on `parties`.
    private func findingCounts(
        of organisations: [EntityID], parties: Register, now: Date, _ reading: RegisterReading
    ) throws -> [EntityID: [Finding.Severity: Int]] {
        var counts = try reading.findingCounts(of: organisations, at: now)
        let wanted = Set(organisations)
        // Only the breaches and requests of the organisations counted are judged (their rules read nothing else).
        var parties = parties
        parties.breaches.removeAll { !wanted.contains($0.controller) }
        parties.requests.removeAll { !wanted.contains($0.controller) }
        let breaches = Dictionary(parties.breaches.map { ($0.id, $0.controller) }, uniquingKeysWith: { first, _ in first })
        for finding in RegisterCheck.findings(in: parties, now: now, rules: RegisterCheck.breachClockRules) {
            guard finding.subject.kind == .breach, let controller = breaches[finding.subject.id], wanted.contains(controller) else { continue }
            counts[controller, default: [:]][finding.severity, default: 0] += 1
        }
        // A request left unanswered past its last day (Art. 12(3)) is late from that day on, judged now too.
        let requests = Dictionary(parties.requests.map { ($0.id, $0.controller) }, uniquingKeysWith: { first, _ in first })
        for finding in RegisterCheck.findings(in: parties, now: now, rules: RegisterCheck.requestClockRules) {
            guard finding.subject.kind == .request, let controller = requests[finding.subject.id], wanted.contains(controller) else { continue }
            counts[controller, default: [:]][finding.severity, default: 0] += 1
        }
        return counts
    }
}
