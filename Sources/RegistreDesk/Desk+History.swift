import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreStore

extension Desk {
    /// How many changes a page of the history shows.
    static let historyPageSize = 50

    /// "Historique": the journal of the entries the account may see, in words (``HistoryView``), filtered
    /// by entry (its id, with or without its kind), account and period, paged by journal sequence;
    /// the last verdict of `verify` on the whole journal for administrators, who run it by a form.
    ///
    /// Nothing reads the register whole: which entries the account sees is a condition of the journal's
    /// SQL (``RegisterReading/journalPage(_:)`` with the account's visibility), and the page reads by key
    /// only the entries its changes are about (their names) and the activities they name (whether the
    /// account may read them), in the same read transaction as the session.
    func addHistoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/history") { request, _ in
            try await self.signedInReading(request) { visit, reading in try self.history(request.uri.queryParameters, visit, reading) }
        }
    }

    private func history(_ parameters: Parameters, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let asked = HistoryFilter(parameters)
        guard let query = try asked.query(for: visit, reading, pageSize: Self.historyPageSize) else { return Page.notFound(visit) }
        let page = try reading.journalPage(query)
        let named = try HistoryView.named(by: page.entries, reading)
        var view: [String: Any] = asked.formValues
        let readable = HistoryView.Readable(named, naming: page.entries, policy: visit.policy)
        view["entries"] = page.entries.map { HistoryView.entry($0, register: named, readable: readable, language: visit.language) }
        if let next = page.next { view["older"] = asked.address(before: next) }
        if asked.before != nil { view["newest"] = asked.address(before: nil) }
        // `verify` reads the whole register and its journal (seconds at a national register): an
        // administrator runs it by a form (`POST /admin/verify`), and the last verdict kept shows here.
        view["mayVerify"] = visit.policy.seesWholeRegister
        if visit.policy.seesWholeRegister, let verified = verdicts.view(visit.language) { view["verified"] = verified }
        return Page.html(
            "history", title: Wording.text("history", visit.language), view: view, visit: visit, language: visit.language,
            path: "/history")
    }
}
