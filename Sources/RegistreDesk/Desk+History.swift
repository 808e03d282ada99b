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
    func addHistoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/history") { request, _ in
            try await self.signedIn(request, reading: .whole) { visit in try self.history(request.uri.queryParameters, visit) }
        }
    }

    private func history(_ parameters: Parameters, _ visit: Visit) throws -> Response {
        let asked = HistoryFilter(parameters)
        guard let query = asked.query(for: visit, pageSize: Self.historyPageSize) else { return Page.notFound(visit) }
        let page = try store.journal.page(query) { visit.policy.mayRead($0.entity, in: visit.register) }
        var view: [String: Any] = asked.formValues
        let readable = HistoryView.Readable(visit.register, naming: page.entries, policy: visit.policy)
        view["entries"] = page.entries.map { HistoryView.entry($0, register: visit.register, readable: readable, language: visit.language) }
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
