import Foundation
import Hummingbird
import RegistreCore
import RegistreService
import RegistreStore

extension Desk {
    /// The requests of the people (Art. 15 to 22, issue 27): the list with their clocks, "Enregistrer une
    /// demande", and each request's page with its clock of Art. 12(3), its findings and the forms update,
    /// extend and answer. Every form calls the act of `registre request open|update|extend|answer`
    /// (`RequestActs`), one write transaction each, and a form that changes a request carries the version it
    /// was read at (a later one is refused). A request names a person: a reader account sees none of them
    /// (`AccessPolicy.mayRead(_:)`), not even the list.
    func addRequestRoutes(to router: Router<BasicRequestContext>) {
        router.get("/requests") { request, _ in
            try await self.signedIn(request) { visit in
                guard visit.policy.role != .reader else { return try self.requestCounts(visit) }
                return try self.requestList(request, visit)
            }
        }
        router.get("/requests/new") { request, _ in
            try await self.signedIn(request) { visit in
                guard visit.policy.role != .reader, !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return self.requestOpeningPage(visit, fields: RequestOpeningForm(), errors: [:])
            }
        }
        router.post("/requests/new") { request, _ in
            try await self.signedInForm(request) { visit, form in
                guard visit.policy.role != .reader else { return Page.notFound(visit) }
                return try self.openRequest(visit, form)
            }
        }
        router.get("/requests/{id}") { request, context in
            try await self.signedIn(request, reading: Self.requestReading(context)) { visit in
                guard let id = context.parameters.get("id"),
                      let (shown, version) = try self.shown(EntityKey(.request, id), as: { if case .request(let value) = $0 { value } else { nil } }),
                      visit.policy.mayRead(shown)
                else { return Page.notFound(visit) }
                return self.requestPage(shown, visit, version: version)
            }
        }
        router.post("/requests/{id}") { request, context in
            try await self.changeRequest(request, context) { form, stored, today in
                try form.decode(RequestFollowUpForm.self).apply(to: &stored, today: today)
            }
        }
        router.post("/requests/{id}/extend") { request, context in
            try await self.changeRequest(request, context) { form, stored, today in
                try form.decode(RequestExtensionForm.self).apply(to: &stored, today: today)
            }
        }
        router.post("/requests/{id}/answer") { request, context in
            try await self.changeRequest(request, context) { form, stored, today in
                try form.decode(RequestAnswerForm.self).apply(to: &stored, today: today)
            }
        }
    }

    /// A request's page reads the request and what it names (its controller, for its calendar, and the
    /// activities it concerns).
    static func requestReading(_ context: BasicRequestContext) -> Reading {
        .around(context.parameters.get("id").map { [EntityKey(.request, $0)] } ?? [])
    }

    /// The requests the account reads with their clocks: 50 a page, the most recent first, sortable by
    /// received, due, state and controller, filtered by text (id, reference), controller, right and state
    /// (open, due in 7 days, overdue, answered, answered late…), the total shown. The store answers it from
    /// the clocks kept beside the requests (`RegisterReading.requests(_:visibleTo:at:)`): which requests
    /// the account sees is a condition of its SQL, never a filter over requests once read.
    private func requestList(_ request: Request, _ visit: Visit) throws -> Response {
        let facets = ["organisation", "right", "state"]
        let query = ListPaging.query(request, facets: facets)
        let register = visit.register, language = visit.language
        let page = try store.read { try $0.requests(query, visibleTo: visit.visibility, at: visit.now) }
        let shown = page.rows.map { row -> [String: Any] in
            [
                "id": row.id, "person": row.person, "controller": register.organisation(row.controller)?.name ?? row.controller,
                "received": row.received.iso, "rights": row.rights.map { $0.name[language] }.joined(separator: ", "),
                "due": row.dueDay?.iso ?? "—", "state": row.state.rawValue, "stateLabel": row.state.words[language],
            ]
        }
        let paging = ListPaging(path: "/requests", query: query, facetNames: facets, total: page.total)
        func option(_ value: String, _ label: String, _ facet: String) -> [String: Any] {
            ["value": value, "label": label, "selected": value == query.facets[facet]]
        }
        let states = [option("open", RequestWords.text("stateOpen", language), "state")]
            + RequestClock.State.allCases.map { option($0.rawValue, $0.words[language], "state") }
            + [option("answered", RequestWords.text("stateAnswered", language), "state")]
        return Page.html(
            "requests", title: RequestWords.text("requests", language),
            view: [
                "requests": shown, "paging": paging.view(columns: ["organisation", "received", "due", "state"]), "stateOptions": states,
                "organisationOptions": visit.policy.readableOrganisations(of: register).map { option($0.id, $0.name, "organisation") },
                "rightOptions": DataSubjectRight.allCases.map { option($0.rawValue, "\($0.article) — \($0.name[language])", "right") },
                "w": RequestWords.table(language), "d": RequestDocumentWords.table(language),
                "mayOpen": !visit.policy.editableOrganisations(of: register).isEmpty,
            ],
            visit: visit, language: language, path: "/requests")
    }

    /// What a reader sees of the requests: how many there are of its organisations in each state, counted
    /// by the store; never a request, its id or its reference (they name people, issue 27).
    private func requestCounts(_ visit: Visit) throws -> Response {
        let language = visit.language
        let counts = try store.read { try $0.requestCounts(visibleTo: visit.visibility, at: visit.now) }
        let rows = RequestClock.State.allCases.map { ["label": $0.words[language], "count": counts[$0] ?? 0] as [String: Any] }
        return Page.html(
            "requests", title: RequestWords.text("requests", language),
            view: ["countsOnly": true, "counts": rows, "total": counts.values.reduce(0, +), "w": RequestWords.table(language)],
            visit: visit, language: language, path: "/requests")
    }

    /// "Enregistrer une demande": the act of `registre request open` (`RequestActs.open`), which takes the
    /// id and checks the days inside its transaction.
    private func openRequest(_ visit: Visit, _ form: FormBody) throws -> Response {
        let fields = try form.decode(RequestOpeningForm.self)
        switch fields.request() {
        case .failure(let refusal):
            return requestOpeningPage(visit, fields: fields, errors: refusal.errors, status: .unprocessableContent)
        case .success(let request):
            var errors: [String: LocalizedText] = [:]
            do {
                let opened = try RequestActs(store: store).open(request, chosenID: fields.chosenID, by: visit.acting)
                return Page.saved(to: "/requests/\(opened.request.id)")
            } catch RequestRefusal.unknownController, RequestRefusal.notAllowed {
                errors["controller"] = RequestWords.texts["chooseController"]
            } catch let refusal as RequestRefusal where refusal.concernsID {
                errors["id"] = refusal.message
            } catch let refusal as RequestRefusal {
                errors["general"] = refusal.message
            } catch let error where StoreRefusal.errors(for: error) != nil {
                errors = StoreRefusal.errors(for: error) ?? [:]
            }
            return requestOpeningPage(visit, fields: fields, errors: errors, status: .unprocessableContent)
        }
    }

    private func requestOpeningPage(
        _ visit: Visit, fields: RequestOpeningForm, errors: [String: LocalizedText], status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = visit.language
        let controllers = visit.policy.editableOrganisations(of: visit.register).map {
            ["value": $0.id, "label": $0.name, "selected": $0.id == fields.controller] as [String: Any]
        }
        let rights = DataSubjectRight.allCases.map {
            ["value": $0.rawValue, "label": "\($0.article) — \($0.name[language])", "checked": (fields.rights ?? []).contains($0.rawValue)] as [String: Any]
        }
        let channels = RequestReceipt.Channel.allCases.map {
            ["value": $0.rawValue, "label": RequestWords.channel($0)[language], "selected": $0.rawValue == (fields.channel ?? RequestReceipt.Channel.email.rawValue)] as [String: Any]
        }
        return Page.html(
            "request-new", title: RequestWords.text("openRequest", language),
            view: ([
                "controllers": controllers, "rights": rights, "channels": channels, "received": fields.received ?? "",
                "person": fields.person ?? "", "service": fields.service ?? "", "w": RequestWords.table(language),
                "activities": fields.activities ?? "", "chosenID": fields.id ?? "",
            ] as [String: Any]).merging(RequestFormView.errors(errors, language)) { first, _ in first },
            visit: visit, language: language, path: "/requests/new", status: status)
    }

    /// Runs one of a request's forms through `RequestActs.change` (the act of `registre request
    /// update|extend|answer`): the request is read inside the write transaction, must be at the version the
    /// form carried, is changed only in the fields the form shows, its days checked, and saved; or the page
    /// comes back with the refusal (422, or 409 when it changed since), nothing written.
    private func changeRequest(
        _ request: Request, _ context: BasicRequestContext,
        _ change: @escaping @Sendable (FormBody, inout DataSubjectRequest, CalendarDate) throws -> Void
    ) async throws -> Response {
        let reading = Self.requestReading(context)
        return try await signedInForm(request, reading: { _ in reading }) { visit, form in
            guard let id = context.parameters.get("id"),
                  let original = visit.register.requests.first(where: { $0.id == id && visit.policy.mayRead($0) }), visit.policy.mayEdit(original)
            else { return Page.notFound(visit) }
            let today = DeadlineCalculator.for(original.controller, in: visit.register).day(of: visit.now)
            var errors: [String: LocalizedText] = [:]
            var status = HTTPResponse.Status.unprocessableContent
            do {
                _ = try RequestActs(store: self.store).change(id, shownAt: form.shownVersion ?? -1, by: visit.acting) { stored in
                    try change(form, &stored, today)
                }
                return Page.saved(to: "/requests/\(id)")
            } catch let refusal as RequestFormRefusal {
                errors = refusal.errors
            } catch RequestRefusal.notAllowed {
                return Page.notFound(visit)
            } catch let refusal as RequestRefusal {
                if case .changedSince = refusal { status = .conflict }
                errors["general"] = refusal.message
            } catch let error where StoreRefusal.errors(for: error) != nil {
                errors = StoreRefusal.errors(for: error) ?? [:]
            }
            return self.requestPage(original, visit, version: form.shownVersion ?? 0, errors: errors, status: status)
        }
    }

    /// A request's page: its clock (state, last day, first month, days suspended), its findings beside
    /// the fields, and, for an account that may change it, the forms update, extend and answer.
    private func requestPage(
        _ request: DataSubjectRequest, _ visit: Visit, version: Int, errors: [String: LocalizedText] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = visit.language, register = visit.register
        let clock = RequestClock(request, in: register)
        let state = clock.state(at: visit.now)
        var parties = register
        parties.requests = []
        let findings = RegisterCheck.findings(of: request, amongParties: parties, now: visit.now)
            .filter { $0.subject.kind == .request && $0.subject.id == request.id }
            .map { ["severity": $0.severity.rawValue, "code": $0.code.rawValue, "article": $0.article, "message": $0.message[language]] }
        let activities = request.activities.map { id -> String in
            guard let activity = register.activities.first(where: { $0.id == id }), visit.policy.mayRead(activity) else { return id }
            return activity.name
        }
        var view: [String: Any] = [
            "version": String(version), "id": request.id, "person": request.person, "w": RequestWords.table(language),
            "d": RequestDocumentWords.table(language),
            "controller": register.organisation(request.controller)?.name ?? request.controller,
            "received": request.receipt.day.iso, "channel": RequestWords.channel(request.receipt.channel)[language],
            // false, not an empty string, which a section renders.
            "service": request.receipt.service.map { $0 as Any } ?? false,
            "rights": request.rights.map { "\($0.article) — \($0.name[language])" }, "activities": activities,
            "state": state.rawValue, "stateLabel": state.words[language], "due": clock.dueDay?.iso ?? "—",
            "firstMonth": clock.firstMonth?.iso ?? "—", "suspendedDays": clock.suspendedDays,
            "findings": findings, "editable": visit.policy.mayEdit(request),
            "retentionShown": {
                let length = request.retention ?? DataSubjectRequest.defaultRetention
                return PeriodWords.describe(DeadlinePeriod(length.value, length.unit))[language]
            }(),
            "form": RequestFormView.fields(of: request, language),
        ]
        view.merge(RequestFormView.errors(errors, language)) { first, _ in first }
        if let abuse = request.manifestAbuse {
            view["abuse"] = RequestWords.ground(abuse.ground)[language] + (abuse.reasoning.map { " : \($0)" } ?? "")
        }
        return Page.html(
            "request", title: "\(RequestWords.text("request", language)) \(request.id)", view: view,
            visit: visit, language: language, path: "/requests/\(request.id)", status: status)
    }
}
