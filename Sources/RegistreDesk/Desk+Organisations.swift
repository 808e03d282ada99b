import Foundation
import Hummingbird
import RegistreCore
import RegistreStore

extension Desk {
    /// "Organisations": the organisations the account may see; each one's identity, DPO, members,
    /// activities, processor records and agreements.
    func addOrganisationRoutes(to router: Router<BasicRequestContext>) {
        router.get("/organisations") { request, _ in
            try await self.signedInReading(request) { visit, reading in try self.organisationList(request, visit, reading) }
        }
        router.get("/organisations/new") { request, _ in
            try await self.signedIn(request) { visit in
                guard visit.policy.administersAccounts else { return Page.notFound(visit) }
                return self.organisationForm(Organisation(id: "", name: ""), isNew: true, visit)
            }
        }
        router.post("/organisations/new") { request, _ in
            try await self.signedInForm(request) { visit, form in
                guard visit.policy.administersAccounts else { return Page.notFound(visit) }
                return try self.saveOrganisation(form, original: nil, visit)
            }
        }
        router.get("/organisations/{id}/edit") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"), visit.policy.mayEdit(organisation: id),
                      let (organisation, version) = try self.shown(
                        EntityKey(.organisation, id), as: { if case .organisation(let value) = $0 { value } else { nil } })
                else { return Page.notFound(visit) }
                return self.organisationForm(organisation, isNew: false, visit, version: version)
            }
        }
        router.post("/organisations/{id}/edit") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard let id = context.parameters.get("id"), visit.policy.mayEdit(organisation: id),
                      let organisation = visit.register.organisation(id)
                else { return Page.notFound(visit) }
                return try self.changeOrganisation(form, original: organisation, visit)
            }
        }
        router.get("/organisations/{id}") { request, context in
            try await self.signedIn(request) { visit in try self.organisationPage(context, visit) }
        }
    }

    /// The organisations the account reads, 50 a page, sorted by name (without case or accents) or id,
    /// filtered by text and by role (structure, member, processor), the total shown, each with how many
    /// activities it controls: the store answers from the names' keys kept beside them and the index on
    /// controllers, for this page only (``RegisterReading/organisations(_:visibleTo:)``); which
    /// organisations the account sees is a condition of its SQL. A page asked by its neighbour's key costs
    /// what the first does.
    private func organisationList(_ request: Request, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let facets = ["role"]
        let query = ListPaging.query(request, facets: facets)
        let page = try reading.organisations(query, visibleTo: visit.visibility)
        let counts = try reading.activityCounts(controlledBy: page.rows.map(\.id))
        let rows = page.rows.map { organisation -> [String: Any] in
            [
                "id": organisation.id, "name": organisation.name, "isStructure": organisation.isStructure,
                "activityCount": counts[organisation.id, default: 0],
            ]
        }
        let paging = ListPaging(path: "/organisations", query: query, facetNames: facets, total: page.total, first: page.first, last: page.last)
        let roles = RegisterReading.organisationRoles.map { role -> [String: Any] in
            ["value": role, "label": Wording.text("role-\(role)", visit.language), "selected": role == query.facets["role"]]
        }
        return Page.html(
            "organisations", title: Wording.text("organisations", visit.language),
            view: ["organisations": rows, "paging": paging.view(columns: ["name", "id"]), "roleOptions": roles],
            visit: visit, language: visit.language, path: "/organisations")
    }

    /// An organisation's page: its parties, and what of it the account may see (members, activities, records, agreements).
    private func organisationPage(_ context: BasicRequestContext, _ visit: Visit) throws -> Response {
        guard let id = context.parameters.get("id"), visit.policy.mayRead(organisation: id),
              let organisation = visit.register.organisation(id)
        else { return Page.notFound(visit) }
        let register = visit.register
        let activities = try store.read { try $0.activities(ListQuery(facets: ["organisation": organisation.id]), visibleTo: .all) }
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
            // Its first 50 activities by name, read through the indexes; the list of activities has the others.
            "activities": activities.rows.map { ["id": $0.id, "name": $0.name] },
            "activityTotal": activities.total,
            "moreActivities": activities.total > activities.rows.count ? "/activities?organisation=\(organisation.id)" : "",
            "records": register.processorRecords.filter { $0.processor == organisation.id }.map { record -> [String: Any] in
                let controller = visit.policy.mayRead(organisation: record.controller) ? register.organisation(record.controller)?.name : nil
                return ["id": record.id, "controller": controller ?? ""]
            },
            "agreements": register.agreements.filter { $0.processor == organisation.id || $0.controllers.contains(organisation.id) }
                .map { ["id": $0.id, "title": $0.title] },
        ]
        return Page.html(
            "organisation", title: organisation.name, view: view, visit: visit, language: visit.language,
            path: "/organisations/\(organisation.id)")
    }

    private func saveOrganisation(_ form: FormBody, original: Organisation?, _ visit: Visit) throws -> Response {
        switch try form.decode(OrganisationForm.self).organisation(editing: original, in: visit.register, policy: visit.policy) {
        case .failure(let refusal):
            return organisationForm(refusal.draft, isNew: original == nil, visit, errors: refusal.errors, status: .unprocessableContent)
        case .success(let organisation):
            switch try edits.save(organisation, by: visit) {
            case .success: return Page.saved(to: "/organisations/\(organisation.id)")
            case .failure(.notAllowed): return Page.notFound(visit)
            case .failure(let refusal):
                return organisationForm(organisation, isNew: original == nil, visit, errors: refusal.errors, status: .unprocessableContent)
            }
        }
    }

    /// The form applied to the organisation as stored inside the write transaction: what it does not show
    /// (identifiers, time zone, representatives) stays; refused if the organisation changed since the form.
    private func changeOrganisation(_ form: FormBody, original: Organisation, _ visit: Visit) throws -> Response {
        let fields = try form.decode(OrganisationForm.self)
        let result = try edits.changeOrganisation(original.id, shownAt: form.shownVersion, by: visit) { stored in
            switch fields.organisation(editing: stored, in: visit.register, policy: visit.policy) {
            case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: .organisation(refusal.draft))
            case .success(let organisation): return organisation
            }
        }
        func page(_ organisation: Organisation, _ errors: [String: LocalizedText], _ conflict: EntryConflict?, _ status: HTTPResponse.Status) throws -> Response {
            // A refused form shows again with the version it carried (never a later one, read after).
            let version = conflict?.version ?? form.shownVersion ?? 0
            return organisationForm(organisation, isNew: false, visit, errors: errors, version: version, conflict: conflict, status: status)
        }
        switch result {
        case .success(let organisation): return Page.saved(to: "/organisations/\(organisation.id)")
        case .failure(.notAllowed): return Page.notFound(visit)
        case .failure(.conflict(let conflict)):
            guard case .organisation(let draft)? = conflict.draft else { return try page(original, [:], conflict, .conflict) }
            return try page(draft, [:], conflict, .conflict)
        case .failure(let refusal):
            guard case .form(_, .organisation(let draft)?) = refusal else { return try page(original, refusal.errors, nil, .unprocessableContent) }
            return try page(draft, refusal.errors, nil, .unprocessableContent)
        }
    }

    private func organisationForm(
        _ organisation: Organisation, isNew: Bool, _ visit: Visit, errors: [String: LocalizedText] = [:], version: Int? = nil,
        conflict: EntryConflict? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var view: [String: Any] = [
            "version": version.map(String.init) ?? "",
            "organisation": [
                "id": organisation.id, "name": organisation.name, "address": organisation.address ?? "",
                "country": organisation.country ?? "", "email": organisation.email ?? "", "phone": organisation.phone ?? "",
                "dpoName": organisation.dpo?.name ?? "", "dpoEmail": organisation.dpo?.email ?? "",
                "dpoPhone": organisation.dpo?.phone ?? "", "isPublicBody": organisation.isPublicBody,
            ],
            "isNew": isNew,
            // Members decide what a structure's DPO may change: only an administrator sets them.
            "setsMembers": visit.policy.administersAccounts,
            "candidates": visit.register.organisations.filter { $0.id != organisation.id }.map { candidate -> [String: Any] in
                ["id": candidate.id, "name": candidate.name, "checked": organisation.members.contains(candidate.id)]
            },
            "errors": errors.mapValues { $0[visit.language] },
            "hasErrors": !errors.isEmpty,
        ]
        if let conflict { view["conflict"] = conflict.view(visit.language, zone: OrganisationTimeZone.default) }
        let title = isNew ? Wording.text("newOrganisation", visit.language) : organisation.name
        let path = isNew ? "/organisations/new" : "/organisations/\(organisation.id)/edit"
        return Page.html("organisation-form", title: title, view: view, visit: visit, language: visit.language, path: path, status: status)
    }
}
