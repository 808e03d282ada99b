import Foundation
import Hummingbird
import RegistreCore

extension Desk {
    /// "Organisations": the organisations the account may see; each one's identity, DPO, members,
    /// activities, processor records and agreements.
    func addOrganisationRoutes(to router: Router<BasicRequestContext>) {
        router.get("/organisations") { request, _ in
            try await self.signedIn(request) { visit in
                let rows = visit.policy.readableOrganisations(of: visit.register).map { organisation -> [String: Any] in
                    [
                        "id": organisation.id, "name": organisation.name, "isStructure": !organisation.members.isEmpty,
                        "activityCount": visit.register.activities.filter { $0.controller == organisation.id }.count,
                    ]
                }
                return Page.html(
                    "organisations", title: Wording.text("organisations", visit.language), view: ["organisations": rows],
                    visit: visit, language: visit.language, path: "/organisations")
            }
        }
        router.get("/organisations/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"), visit.policy.mayRead(organisation: id),
                      let organisation = visit.register.organisation(id)
                else { return Page.notFound(visit) }
                let register = visit.register
                // A structure's members are listed only as far as the account may see them.
                let members = organisation.members.filter(visit.policy.mayRead(organisation:)).compactMap(register.organisation)
                let view: [String: Any] = [
                    "organisation": [
                        "id": organisation.id, "name": organisation.name, "address": organisation.address ?? "",
                        "email": organisation.email ?? "", "phone": organisation.phone ?? "", "country": organisation.country ?? "",
                        "identifiers": organisation.identifiers.map { "\($0.scheme) \($0.value)" },
                    ],
                    "dpo": organisation.dpo.map { ["name": $0.name, "email": $0.email ?? "", "phone": $0.phone ?? ""] } as Any,
                    "editable": visit.policy.mayEdit(organisation: organisation.id),
                    "members": members.map { ["id": $0.id, "name": $0.name] },
                    "activities": register.activities.filter { $0.controller == organisation.id }.map { ["id": $0.id, "name": $0.name] },
                    "records": register.processorRecords.filter { $0.processor == organisation.id }.map { ["id": $0.id] },
                    "agreements": register.agreements.filter { $0.processor == organisation.id || $0.controllers.contains(organisation.id) }
                        .map { ["id": $0.id] },
                ]
                return Page.html(
                    "organisation", title: organisation.name, view: view, visit: visit, language: visit.language,
                    path: "/organisations/\(organisation.id)")
            }
        }
    }
}
