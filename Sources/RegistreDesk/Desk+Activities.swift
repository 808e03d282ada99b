import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreStore

extension Desk {
    /// The activities (Art. 30(1)): list, view and edit with the findings beside the fields, new, retire,
    /// delete after confirmation.
    func addActivityRoutes(to router: Router<BasicRequestContext>) {
        router.get("/activities") { request, _ in
            return try await self.signedInReading(request) { visit, reading in try self.activityList(request, visit, reading) }
        }
        router.get("/activities/new") { request, _ in
            let organisation = request.uri.queryParameters.get("organisation")
            return try await self.signedIn(request, reading: organisation.map { .around([EntityKey(.organisation, $0)]) } ?? .parties) { visit in
                let controller = request.uri.queryParameters.get("organisation") ?? visit.policy.editableOrganisations(of: visit.register).first?.id
                guard let controller, visit.policy.mayEdit(organisation: controller) else { return Page.notFound(visit) }
                let draft = ProcessingActivity(id: "", name: "", status: .draft, controller: controller)
                return self.activityPage(ActivityPage(
                    activity: draft, isNew: true, editable: true, register: visit.register, policy: visit.policy, language: visit.language), visit)
            }
        }
        router.post("/activities/new") { request, _ in
            return try await self.signedInForm(request, reading: { form in .around(Self.controllerKeys(form)) }) { visit, form in
                try self.createActivity(visit, form)
            }
        }
        router.get("/activities/{id}") { request, context in
            return try await self.signedIn(request, reading: Self.activityReading(context)) { visit in
                guard let (activity, version) = try self.shownActivity(context, visit) else { return Page.notFound(visit) }
                let more = MoreRows.shown(request, among: ActivityPage.tables)
                // The findings the dashboard counts, kept with every save: the page judges nothing of the organisation.
                let kept = try self.store.read { try $0.keptFindings(of: EntityKey(.activity, activity.id), heldBy: activity.controller, at: visit.now) }
                return self.activityPage(ActivityPage(
                    activity: activity, isNew: false, editable: visit.policy.mayEdit(activity), register: visit.register,
                    policy: visit.policy, language: visit.language, version: version, more: more, kept: (kept, visit.now)), visit)
            }
        }
        router.post("/activities/{id}") { request, context in
            let keys = Self.activityKeys(context)
            return try await self.signedInForm(request, reading: { form in .around(keys + Self.controllerKeys(form)) }) { visit, form in
                try self.changeActivity(context, visit, form)
            }
        }
        router.post("/activities/{id}/retire") { request, context in
            let reading = Self.activityReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, form in
                guard let original = self.readableActivity(context, visit), visit.policy.mayEdit(original) else { return Page.notFound(visit) }
                let result = try self.edits.changeActivity(original.id, shownAt: form.shownVersion, by: visit) { stored in
                    var retired = stored
                    retired.status = .retired
                    return retired
                }
                return try self.answer(result, original: original, shownAt: form.shownVersion, visit)
            }
        }
        router.get("/activities/{id}/delete") { request, context in
            return try await self.signedIn(request, reading: Self.activityReading(context)) { visit in
                guard let activity = self.readableActivity(context, visit), visit.policy.mayEdit(activity) else { return Page.notFound(visit) }
                return Page.html(
                    "activity-delete", title: Wording.text("deleteActivity", visit.language),
                    view: ["activity": ["id": activity.id, "name": activity.name]], visit: visit, language: visit.language,
                    path: "/activities/\(activity.id)/delete")
            }
        }
        router.post("/activities/{id}/delete") { request, context in
            let reading = Self.activityReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, _ in try self.deleteActivity(context, visit) }
        }
    }

    var edits: RegisterEdits { RegisterEdits(store: store) }

    /// The activities the account reads: one page of 50 from the store, sorted by name, organisation or
    /// status, filtered by text, organisation and status, with the total; the next and previous pages
    /// asked by the keys of this page's last and first rows (``ListPaging``). Read in the transaction of
    /// the visit (`reading`).
    private func activityList(_ request: Request, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let query = ListPaging.query(request, facets: ["organisation", "status"])
        let page = try reading.activities(query, visibleTo: visit.visibility)
        let paging = ListPaging(
            path: "/activities", query: query, facetNames: ["organisation", "status"], total: page.total, first: page.first, last: page.last)
        let language = visit.language, register = visit.register
        let rows = page.rows.map { row -> [String: Any] in
            let status = ProcessingActivity.Status(rawValue: row.status).map { Vocabulary.label($0)[language] } ?? row.status
            return [
                "id": row.id, "name": row.name, "controllerID": row.controller,
                "controller": register.organisation(row.controller)?.name ?? row.controller, "status": status,
            ]
        }
        let chosen = query.facets["organisation"]
        let newActivity: String? = chosen.map { visit.policy.mayEdit(organisation: $0) ? "/activities/new?organisation=\($0)" : nil }
            ?? (visit.policy.editableOrganisations(of: register).isEmpty ? nil : "/activities/new")
        let view: [String: Any] = [
            "activities": rows, "paging": paging.view(columns: ["name", "organisation", "status"]),
            "newActivity": newActivity as Any,
            "organisationOptions": visit.policy.readableOrganisations(of: register).map {
                ["value": $0.id, "label": $0.name, "selected": $0.id == chosen] as [String: Any]
            },
            "statusOptions": ProcessingActivity.Status.allCases.map {
                ["value": $0.rawValue, "label": Vocabulary.label($0)[language], "selected": $0.rawValue == query.facets["status"]] as [String: Any]
            },
        ]
        return Page.html("activities", title: Wording.text("activities", language), view: view, visit: visit, language: language, path: "/activities")
    }

    /// A new activity from the form, saved unless the form or the register refuses it.
    private func createActivity(_ visit: Visit, _ form: FormBody) throws -> Response {
        let fields = try form.decode(ActivityForm.self)
        switch fields.activity(editing: nil, in: visit.register, policy: visit.policy,
                               processors: Self.processorIDs(fields, original: nil, visit), jointControllers: Self.partnerIDs(fields, original: nil, visit)) {
        case .failure(let refusal):
            return self.activityPage(ActivityPage(
                activity: refusal.draft, isNew: true, editable: true, register: visit.register, policy: visit.policy,
                language: visit.language, errors: refusal.errors), visit, status: .unprocessableContent)
        case .success(let activity):
            return try self.saved(activity, isNew: true, more: fields.more, visit)
        }
    }

    /// Deletes an activity after confirmation; refused (409) while another entry names it.
    private func deleteActivity(_ context: BasicRequestContext, _ visit: Visit) throws -> Response {
        guard let activity = self.readableActivity(context, visit), visit.policy.mayEdit(activity) else { return Page.notFound(visit) }
        switch try self.edits.deleteActivity(activity.id, by: visit) {
        case .success: return Page.redirect(to: "/activities")
        case .failure(.notAllowed): return Page.notFound(visit)
        case .failure(let refusal):
            // The activity as stored now, with the version it was read at.
            guard let (shown, version) = try self.shownActivity(context, visit) else { return Page.notFound(visit) }
            return self.activityPage(ActivityPage(
                activity: shown, isNew: false, editable: true, register: visit.register, policy: visit.policy,
                language: visit.language, errors: refusal.errors, version: version), visit, status: .conflict)
        }
    }


    /// The activity the form is about, as far as the offered organisations depend on it (its controller).
    private static func subject(_ fields: ActivityForm, original: ProcessingActivity?) -> ProcessingActivity {
        var subject = original ?? ProcessingActivity(id: "", name: "", controller: "")
        if let controller = fields.controller, !controller.isEmpty { subject.controller = controller }
        return subject
    }

    /// The organisations the form offered as processors: a submitted one must be among them.
    static func processorIDs(_ fields: ActivityForm, original: ProcessingActivity?, _ visit: Visit) -> Set<EntityID> {
        Set(ActivityPage.processorCandidates(for: subject(fields, original: original), in: visit.register, policy: visit.policy).map(\.id))
    }

    static func partnerIDs(_ fields: ActivityForm, original: ProcessingActivity?, _ visit: Visit) -> Set<EntityID> {
        Set(ActivityPage.partnerCandidates(for: subject(fields, original: original), in: visit.register, policy: visit.policy).map(\.id))
    }

    /// An activity's page reads the activity and what it names, not the register.
    static func activityKeys(_ context: BasicRequestContext) -> [EntityKey] {
        context.parameters.get("id").map { [EntityKey(.activity, $0)] } ?? []
    }

    static func activityReading(_ context: BasicRequestContext) -> Reading { .around(activityKeys(context)) }

    /// The controller a submitted activity form names, to read it with the page.
    static func controllerKeys(_ form: FormBody) -> [EntityKey] {
        struct Controller: Decodable { var controller: String? }
        return ((try? form.decode(Controller.self))?.controller).map { [EntityKey(.organisation, $0)] } ?? []
    }

    /// The activity form applied to the activity as stored inside the write transaction: what it does not
    /// show stays; refused if the activity changed since the form's version.
    private func changeActivity(_ context: BasicRequestContext, _ visit: Visit, _ form: FormBody) throws -> Response {
        guard let original = readableActivity(context, visit), visit.policy.mayEdit(original) else { return Page.notFound(visit) }
        let fields = try form.decode(ActivityForm.self)
        let processors = Self.processorIDs(fields, original: original, visit), partners = Self.partnerIDs(fields, original: original, visit)
        // The form is applied to the activity as stored inside the write transaction: what it does not show stays.
        var attempted: ProcessingActivity?
        let result = try edits.changeActivity(original.id, shownAt: form.shownVersion, by: visit) { stored in
            switch fields.activity(editing: stored, in: visit.register, policy: visit.policy, processors: processors, jointControllers: partners) {
            case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: .activity(refusal.draft))
            case .success(let activity):
                attempted = activity
                return activity
            }
        }
        return try answer(result, original: attempted ?? original, shownAt: form.shownVersion, more: fields.more, visit)
    }

    /// Where a saved activity sends the browser: its page, which says it was saved, with three more empty
    /// rows in the table whose "save and add 3 rows" was pressed (a table the form does not have: none).
    static func savedPage(_ id: EntityID, more: String?) -> Response {
        let more = more.flatMap { ActivityPage.tables.contains($0) ? $0 : nil }
        return MoreRows.saved(to: "/activities/\(id)", more: more, anchor: more == "durations" ? "retention-field" : nil)
    }

    /// Saves a new activity the form accepted; what the register still refuses comes back in the form.
    private func saved(_ activity: ProcessingActivity, isNew: Bool, more: String? = nil, _ visit: Visit) throws -> Response {
        switch try edits.save(activity, isNew: isNew, by: visit) {
        case .success:
            return Self.savedPage(activity.id, more: more)
        case .failure(.notAllowed):
            return Page.notFound(visit)
        case .failure(let refusal):
            return activityPage(ActivityPage(
                activity: activity, isNew: isNew, editable: true, register: visit.register, policy: visit.policy,
                language: visit.language, errors: refusal.errors), visit, status: .unprocessableContent)
        }
    }

    /// What a change of an activity answers: the activity's page once saved; the form again with the
    /// errors (422), or with what changed meanwhile and the person's input kept (409, nothing written).
    ///
    /// A refused form shows again with the version it carried (`shownAt`), which the transaction found
    /// current: never a later one, read after, that would let the draft overwrite a change it never showed.
    private func answer(
        _ result: Result<ProcessingActivity, RegisterEdits.Refusal>, original: ProcessingActivity, shownAt shown: Int?, more: String? = nil,
        _ visit: Visit
    ) throws -> Response {
        func page(_ activity: ProcessingActivity, errors: [String: LocalizedText] = [:], conflict: EntryConflict? = nil) throws -> ActivityPage {
            let version = conflict?.version ?? shown
            return ActivityPage(
                activity: activity, isNew: false, editable: true, register: visit.register, policy: visit.policy, language: visit.language,
                errors: errors, version: version, conflict: conflict)
        }
        switch result {
        case .success(let activity):
            return Self.savedPage(activity.id, more: more)
        case .failure(.notAllowed):
            return Page.notFound(visit)
        case .failure(.invalid(let field, let reason)):
            return activityPage(try page(original, errors: [field: reason]), visit, status: .unprocessableContent)
        case .failure(.form(let errors, let draft)):
            guard case .activity(let draft)? = draft else { return activityPage(try page(original, errors: errors), visit, status: .unprocessableContent) }
            return activityPage(try page(draft, errors: errors), visit, status: .unprocessableContent)
        case .failure(.conflict(let conflict)):
            guard case .activity(let draft)? = conflict.draft else { return activityPage(try page(original, conflict: conflict), visit, status: .conflict) }
            return activityPage(try page(draft, conflict: conflict), visit, status: .conflict)
        }
    }

    /// The activity of the address as stored now, with its version, if the account may read it.
    private func shownActivity(_ context: BasicRequestContext, _ visit: Visit) throws -> (ProcessingActivity, Int)? {
        guard let id = context.parameters.get("id"),
              let (activity, version) = try shown(EntityKey(.activity, id), as: { if case .activity(let value) = $0 { value } else { nil } }),
              visit.policy.mayRead(activity)
        else { return nil }
        return (activity, version)
    }

    private func readableActivity(_ context: BasicRequestContext, _ visit: Visit) -> ProcessingActivity? {
        guard let id = context.parameters.get("id") else { return nil }
        return visit.register.activities.first { $0.id == id && visit.policy.mayRead($0) }
    }

    private func activityPage(_ page: ActivityPage, _ visit: Visit, status: HTTPResponse.Status = .ok) -> Response {
        let title = page.isNew ? Wording.text("newActivity", visit.language) : page.activity.name
        let path = page.isNew ? "/activities/new" : "/activities/\(page.activity.id)"
        return Page.html("activity", title: title, view: page.view, visit: visit, language: visit.language, path: path, status: status)
    }
}
