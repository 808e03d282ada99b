import Foundation
import Hummingbird
import RegistreCore
import RegistreReports

extension Desk {
    /// "Registre": each controller's register in the CNIL's order, every Art. 30(1) heading present even
    /// when nothing is recorded under it, with a print stylesheet (one activity a page, no navigation).
    /// One organisation's register at a time (`?organisation=`; the only one when the account reads one),
    /// its activities read through the index on controllers; otherwise the organisations to choose from,
    /// 50 a page.
    func addRegisterRoutes(to router: Router<BasicRequestContext>) {
        router.get("/register") { request, _ in
            try await self.signedIn(request) { visit in try self.registerPage(request, visit) }
        }
    }

    private func registerPage(_ request: Request, _ visit: Visit) throws -> Response {
        let language = visit.language
        let query = ListPaging.query(request, facets: ["organisation"])
        let controlling = try store.read { try $0.activityControllers() }
        let readable = visit.policy.readableOrganisations(of: visit.register).filter { controlling.contains($0.id) }
        let chosen = query.facets["organisation"].flatMap { id in readable.first { $0.id == id } } ?? (readable.count == 1 ? readable.first : nil)
        var view: [String: Any] = [:]
        if let organisation = chosen {
            var activities: [[String: Any]] = []
            try store.forEachActivity(controlledBy: organisation.id) {
                activities.append(RegisterSection(activity: $0, register: visit.register, language: language).view)
            }
            view["controllers"] = [[
                "id": organisation.id, "name": organisation.name, "dpo": organisation.dpo?.name ?? "", "activities": activities,
            ] as [String: Any]]
        } else {
            let candidates = readable.filter { ListPaging.matches(query, $0.name, $0.id) }
            let paging = ListPaging(path: "/register", query: query, facetNames: [], total: candidates.count)
            view["choices"] = ListPaging.page(candidates, query).map { ["id": $0.id, "name": $0.name] }
            view["paging"] = paging.view(columns: [])
        }
        view["mayUpload"] = !visit.policy.editableOrganisations(of: visit.register).isEmpty
        view["wholeRegister"] = visit.policy.seesWholeRegister
        return Page.html("register", title: Wording.text("register", language), view: view, visit: visit, language: language, path: "/register")
    }
}

/// One activity of the printed register, its items in the order of the CNIL's model.
struct RegisterSection {
    let activity: ProcessingActivity
    let register: Register
    let language: Language

    var view: [String: Any] {
        let none = Wording.text("notRecorded", language)
        func list(_ items: [String]) -> [String] { items.isEmpty ? [none] : items }
        return [
            "id": activity.id, "name": activity.name, "status": Vocabulary.label(activity.status)[language],
            "controller": register.organisation(activity.controller)?.name ?? activity.controller,
            "purposes": list(activity.purposes),
            "bases": list(activity.legalBases.map { Vocabulary.label($0.basis)[language] + ($0.reference.map { " — \($0)" } ?? "") }),
            "dataSubjects": list(activity.dataSubjects.map(\.label)),
            "dataCategories": list(activity.dataCategories.map(\.label)),
            "recipients": list(activity.recipients.map { "\($0.label) (\(Vocabulary.label($0.kind)[language]))" }),
            "transfers": list(activity.transfers.map { transfer in
                let destination: String
                switch transfer.destination {
                case .country(let code): destination = code
                case .internationalOrganisation(let name): destination = name
                }
                return destination + (transfer.safeguard.map { " — " + Vocabulary.label($0)[language] } ?? "")
            }),
            "retention": list(activity.retention.map { period in
                let rule: String
                switch period.rule {
                case .duration(let length, let from):
                    // In the page's language, as the text export words it ("24 mois", "1 an").
                    rule = PeriodWords.describe(DeadlinePeriod(length.value, length.unit))[language] + (from.map { " — \($0)" } ?? "")
                case .criterion(let text): rule = text
                }
                return [period.data, rule].compactMap { $0 }.joined(separator: " : ")
            }),
            "security": list(activity.securityMeasures.map { Vocabulary.label($0.kind)[language] + " : " + $0.description }),
        ]
    }
}
