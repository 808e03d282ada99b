import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore

extension Desk {
    /// The breaches (Art. 33–34): the breach register, "Déclarer une violation", and each breach's page
    /// with its 72-hour clock and the Art. 33(3) items.
    func addBreachRoutes(to router: Router<BasicRequestContext>) {
        router.get("/breaches") { request, _ in
            try await self.signedInReading(request) { visit, reading in try self.breachList(request, visit, reading) }
        }
        router.get("/breaches/new") { request, _ in
            return try await self.signedIn(request) { visit in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return self.declarationPage(visit, fields: BreachDeclaration(), errors: [:])
            }
        }
        router.post("/breaches/new") { request, _ in
            return try await self.signedInForm(request) { visit, form in try self.declareBreach(visit, form) }
        }
        router.get("/breaches/{id}") { request, context in
            return try await self.signedIn(request, reading: Self.breachReading(context)) { visit in
                guard let id = context.parameters.get("id"),
                      let (breach, version) = try self.shown(EntityKey(.breach, id), as: { if case .breach(let value) = $0 { value } else { nil } }),
                      visit.policy.mayRead(breach)
                else { return Page.notFound(visit) }
                return try self.breachPage(breach, visit, version: version, more: MoreRows.shown(request, among: Self.breachTables))
            }
        }
        router.post("/breaches/{id}") { request, context in
            try await self.changeBreach(request, context) { form, original, _ in
                try form.decode(BreachNotificationForm.self).breach(updating: original).mapError { BreachFormRefusal(errors: $0.errors, draft: $0.draft) }
            }
        }
        router.post("/breaches/{id}/assessment") { request, context in
            try await self.changeBreach(request, context) { form, original, _ in
                let fields = try form.decode(BreachAssessmentForm.self)
                if fields.shows(original.assessment) { return .success(original) }
                return fields.assessment().map { assessment in
                    var breach = original
                    breach.assessment = assessment
                    return breach
                }.mapError { BreachFormRefusal(errors: $0.errors, draft: nil) }
            }
        }
        // A notification is added to the list as stored: it overwrites nothing, so it does not need the version.
        router.post("/breaches/{id}/notifications") { request, context in
            try await self.changeBreach(request, context, checksVersion: false) { form, original, zone in
                try form.decode(AuthorityNotificationForm.self).breach(updating: original, in: zone).mapError { BreachFormRefusal(errors: $0.errors, draft: nil) }
            }
        }
        router.post("/breaches/{id}/communication") { request, context in
            try await self.changeBreach(request, context) { form, original, zone in
                try form.decode(SubjectCommunicationForm.self).breach(updating: original, in: zone).mapError { BreachFormRefusal(errors: $0.errors, draft: nil) }
            }
        }
    }

    /// The breach register the account reads, each breach with its clock: 50 a page, the most recent
    /// first (or sorted by title, organisation, awareness, deadline), filtered by text, organisation, the
    /// clock's state, the risk tier and the period of awareness, the total shown. The store answers from
    /// the clocks kept beside the breaches (``RegisterReading/breaches(_:visibleTo:at:)``): which breaches
    /// the account sees is a condition of its SQL; the page then reads its own 50 by key to show them.
    private func breachList(_ request: Request, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let facets = ["organisation", "state", "severity", "from", "to"]
        let query = ListPaging.query(request, facets: facets)
        let language = visit.language
        let page = try reading.breaches(query, visibleTo: visit.visibility, at: visit.now)
        let shown = try Self.breachesShown(page.rows, reading)
        let rows = shown.breaches.map { breach -> [String: Any] in
            var row = BreachClock(breach, in: shown, now: visit.now).view(language)
            row["controller"] = shown.organisation(breach.controller)?.name ?? breach.controller
            return row
        }
        let paging = ListPaging(path: "/breaches", query: query, facetNames: facets, total: page.total)
        let states = ([.inTime, .dueSoon, .overdue, .notifiedInTime, .notifiedLate, .notRequired] as [BreachDecision.ClockState]).map {
            ["value": $0.rawValue, "label": Vocabulary.label($0)[language], "selected": $0.rawValue == query.facets["state"]] as [String: Any]
        }
        let severities = RegisterReading.breachSeverities.map { value -> [String: Any] in
            let label = RiskLevel(rawValue: value).map { Vocabulary.label($0)[language] } ?? Wording.text("notAssessed", language)
            return ["value": value, "label": label, "selected": value == query.facets["severity"]]
        }
        let organisations = visit.policy.readableOrganisations(of: visit.register).map {
            ["value": $0.id, "label": $0.name, "selected": $0.id == query.facets["organisation"]] as [String: Any]
        }
        return Page.html(
            "breaches", title: Wording.text("breaches", language),
            view: [
                "breaches": rows, "paging": paging.view(columns: ["title", "organisation", "aware", "deadline"]), "stateOptions": states,
                "severityOptions": severities, "organisationOptions": organisations,
                "fromValue": query.facets["from"] ?? "", "toValue": query.facets["to"] ?? "",
                "mayDeclare": !visit.policy.editableOrganisations(of: visit.register).isEmpty,
            ],
            visit: visit, language: language, path: "/breaches")
    }

    /// The breaches of a page in its order, with the register's own entry and their controllers (their
    /// calendars), each read by its key: what their clocks are shown from.
    static func breachesShown(_ rows: [BreachRow], _ reading: RegisterReading) throws -> Register {
        var shown = Register()
        var keys = [EntityKey.register]
        for row in rows where !keys.contains(EntityKey(.organisation, row.controller)) { keys.append(EntityKey(.organisation, row.controller)) }
        keys += rows.map { EntityKey(.breach, $0.id) }
        for key in keys { if let entry = try reading.entry(key) { shown.append(entry) } }
        return shown
    }

    /// "Déclarer une violation": the form read, then the act (`BreachActs.open`, as `registre breach open`),
    /// which takes the id and checks the timeline inside its transaction.
    private func declareBreach(_ visit: Visit, _ form: FormBody) throws -> Response {
        let fields = try form.decode(BreachDeclaration.self)
        switch fields.opening(in: visit.register) {
        case .failure(let refusal):
            return self.declarationPage(visit, fields: fields, errors: refusal.errors, status: .unprocessableContent)
        case .success(let opening):
            do {
                let opened = try BreachActs(store: self.store).open(opening, by: visit.acting)
                return Page.saved(to: "/breaches/\(opened.breach.id)")
            } catch let refusal as BreachRefusal {
                return self.declarationPage(
                    visit, fields: fields, errors: BreachDeclaration.errors(for: refusal), status: .unprocessableContent)
            } catch let error where StoreRefusal.errors(for: error) != nil {
                return self.declarationPage(
                    visit, fields: fields, errors: StoreRefusal.errors(for: error) ?? [:], status: .unprocessableContent)
            }
        }
    }

    /// Runs one of the breach page's forms: `update` makes the breach of the form (or the fields it
    /// refuses) from the breach as stored, read inside the write transaction, in the controller's time
    /// zone; the breach is saved after the same checks as the CLI's (its timeline must be one that can have
    /// happened), or the page comes back with the errors (422) or with what changed since the form's
    /// version (409), nothing written.
    func changeBreach(
        _ request: Request, _ context: BasicRequestContext, checksVersion: Bool = true,
        _ update: @escaping @Sendable (FormBody, Breach, TimeZone) throws -> Result<Breach, BreachFormRefusal>
    ) async throws -> Response {
        let reading = Self.breachReading(context)
        return try await signedInForm(request, reading: { _ in reading }) { visit, form in
            guard let original = self.readableBreach(context, visit), visit.policy.mayEdit(original) else {
                return Page.notFound(visit)
            }
            let zone = BreachClock(original, in: visit.register, now: visit.now).zone
            let result = try self.edits.changeBreach(original.id, shownAt: form.shownVersion, checksVersion: checksVersion, by: visit) { stored in
                switch try update(form, stored, zone) {
                case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: refusal.draft.map(RegisterEntry.breach))
                case .success(let breach): return breach
                }
            }
            func page(_ breach: Breach, errors: [String: LocalizedText] = [:], conflict: EntryConflict? = nil, status: HTTPResponse.Status) throws -> Response {
                // A refused form shows again with the version it carried (never a later one, read after).
                let version = conflict?.version ?? form.shownVersion ?? 0
                return try self.breachPage(breach, visit, errors: errors, version: version, conflict: conflict, status: status)
            }
            switch result {
            case .success(let breach):
                return MoreRows.saved(to: "/breaches/\(breach.id)", more: MoreRows.requested(form, among: Self.breachTables))
            case .failure(.notAllowed): return Page.notFound(visit)
            case .failure(.invalid(let field, let reason)): return try page(original, errors: [field: reason], status: .unprocessableContent)
            case .failure(.form(let errors, let draft)):
                guard case .breach(let draft)? = draft else { return try page(original, errors: errors, status: .unprocessableContent) }
                return try page(draft, errors: errors, status: .unprocessableContent)
            case .failure(.conflict(let conflict)):
                guard case .breach(let draft)? = conflict.draft else { return try page(original, conflict: conflict, status: .conflict) }
                return try page(draft, conflict: conflict, status: .conflict)
            }
        }
    }

    /// A form of the breach page refused: the errors at their fields, and the breach as typed when the form
    /// can show it again.
    typealias BreachFormRefusal = FormRefusal<Breach?>

    /// A breach's page reads the breach and what it names (its controller's time zone, its agreement).
    static func breachReading(_ context: BasicRequestContext) -> Reading {
        .around(context.parameters.get("id").map { [EntityKey(.breach, $0)] } ?? [])
    }

    private func readableBreach(_ context: BasicRequestContext, _ visit: Visit) -> Breach? {
        guard let id = context.parameters.get("id") else { return nil }
        return visit.register.breaches.first { $0.id == id && visit.policy.mayRead($0) }
    }

    /// The breach's page: its clock, the Art. 33(3) items (missing ones marked) with the form to record
    /// them, the decision and its reasons, the downloads.
    /// The tables of the breach's Art. 33(3) form that take several rows ("save and add 3 rows").
    static let breachTables: Set<String> = ["dataSubjectCategories", "dataCategories", "measures"]

    func breachPage(
        _ breach: Breach, _ visit: Visit, errors: [String: LocalizedText] = [:], version: Int, conflict: EntryConflict? = nil,
        status: HTTPResponse.Status = .ok, more: String? = nil
    ) throws -> Response {
        let missing = breach.missingNotificationItems
        let items: [[String: Any]] = Breach.NotificationItem.allCases.map { item in
            ["article": item.article, "label": Wording.text("item-" + item.rawValue, visit.language), "missing": missing.contains(item)]
        }
        let clock = BreachClock(breach, in: visit.register, now: visit.now)
        let decision = clock.decision
        var view: [String: Any] = [
            "version": String(version),
            "breach": clock.view(visit.language),
            "controller": visit.register.organisation(breach.controller)?.name ?? breach.controller,
            "natures": breach.nature.map { Vocabulary.label($0)[visit.language] },
            "editable": visit.policy.mayEdit(breach),
            "description": breach.description ?? "",
            "dataSubjectCategories": ActivityPage.inputs(breach.dataSubjectCategories, empties: MoreRows.empties("dataSubjectCategories", rows: breach.dataSubjectCategories.count, more: more)),
            "approximateSubjects": BreachCountInput.shown(breach.subjects, visit.language),
            "dataCategories": ActivityPage.inputs(breach.dataCategories, empties: MoreRows.empties("dataCategories", rows: breach.dataCategories.count, more: more)),
            "approximateRecords": BreachCountInput.shown(breach.records, visit.language),
            "contactName": breach.contact?.name ?? "", "contactEmail": breach.contact?.email ?? "",
            "contactPhone": breach.contact?.phone ?? "",
            "likelyConsequences": breach.likelyConsequences ?? "",
            "measures": ActivityPage.inputs(breach.measures, empties: MoreRows.empties("measures", rows: breach.measures.count, more: more)),
            "addRows": [
                "dataSubjectCategories": MoreRows.label(LocalizedText(fr: "personnes concernées", en: "data subjects"), visit.language),
                "dataCategories": MoreRows.label(LocalizedText(fr: "catégories de données", en: "data categories"), visit.language),
                "measures": MoreRows.label(LocalizedText(fr: "mesures", en: "measures"), visit.language),
            ],
            "items": items,
            "reasons": decision.reasons.map { $0[visit.language] },
            "decided": Self.decisionView(decision, visit.language),
            "assessment": Self.assessmentView(breach.assessment, visit.language),
            "notifications": breach.notifications.map { notification -> [String: Any] in
                [
                    "kind": Wording.text("notification-" + notification.kind.rawValue, visit.language),
                    "at": Instant.wallClock(notification.at, in: clock.zone), "reference": notification.reference ?? "",
                    "complete": notification.complete,
                ]
            },
            "nowLocal": Self.localInput(visit.now, in: clock.zone),
            "delayReasons": breach.delayReasons ?? "",
            "communicatedAt": breach.communication?.at.map { Self.localInput($0, in: clock.zone) } ?? "",
            "communicationDetail": breach.communication?.detail ?? "",
            "exceptions": SubjectCommunication.Exception.allCases.map { exception -> [String: Any] in
                [
                    "value": exception.rawValue, "label": Vocabulary.label(exception)[visit.language],
                    "selected": breach.communication?.exception == exception,
                ]
            },
            "errors": errors.mapValues { $0[visit.language] },
            "hasErrors": !errors.isEmpty,
        ]
        if let conflict { view["conflict"] = conflict.view(visit.language, zone: clock.zone) }
        view["facts"] = try factsView(breach, visit, zone: clock.zone)
        if !visit.policy.mayEdit(breach) { view.merge(Self.breachReadView(breach, view, visit.language, zone: clock.zone)) { _, read in read } }
        return Page.html(
            "breach", title: breach.title, view: view, visit: visit, language: visit.language, path: "/breaches/\(breach.id)",
            status: status)
    }

    /// The breach as an account that may not change it reads it (`ReadRows`): the Art. 33(3) items, the
    /// assessment and the communication in words, where the forms would be.
    static func breachReadView(_ breach: Breach, _ view: [String: Any], _ language: Language, zone: TimeZone) -> [String: Any] {
        func field(_ key: String, _ word: String) -> ReadRows.Field { ReadRows.Field(key: key, label: Wording.text(word, language)) }
        var main = view
        main["contact"] = [breach.contact?.name, breach.contact?.email, breach.contact?.phone].compactMap { $0 }.joined(separator: " — ")
        var assessment = view["assessment"] as? [String: Any] ?? [:]
        // The data processed, each with its adjustment (Art. 33(3)(a) context, ENISA's DPC) when it has one.
        assessment["data"] = (breach.assessment?.data ?? []).map { context -> String in
            let label = Wording.text("dpc-" + context.category.rawValue, language)
            return context.adjustment == 0 ? label : "\(label) (\(context.adjustment > 0 ? "+" : "")\(context.adjustment))"
        }
        assessment["malicious"] = breach.assessment.map { Vocabulary.yesNo($0.malicious)[language] } ?? ""
        var communication = view
        communication["communicatedAt"] = breach.communication?.at.map { Instant.wallClock($0, in: zone) } ?? ""
        return [
            "readMain": ReadRows.rows(main, [
                field("description", "breachDescription"), field("dataSubjectCategories", "dataSubjects"),
                field("approximateSubjects", "approximateSubjects"), field("dataCategories", "dataCategories"),
                field("approximateRecords", "approximateRecords"), field("contact", "contactName"),
                field("likelyConsequences", "item-c"), field("measures", "item-d"),
            ], language: language),
            "readAssessment": ReadRows.rows(assessment, [
                field("data", "dataContext"), field("identification", "identification"), field("confidentiality", "confidentialityLoss"),
                field("integrity", "integrityLoss"), field("availability", "availabilityLoss"), field("malicious", "malicious"),
                field("override", "override"), field("justification", "justification"),
            ], language: language),
            "readCommunication": ReadRows.rows(communication, [
                field("communicatedAt", "communicatedAt"), field("exceptions", "exception"), field("communicationDetail", "communicationDetail"),
            ], language: language),
        ]
    }

    /// What the decision says, in words: the tier, and whether the authority and the people must be told.
    static func decisionView(_ decision: BreachDecision, _ language: Language) -> [String: Any] {
        func due(_ answer: Bool?) -> String {
            answer.map { Wording.text($0 ? "required" : "notRequired", language) } ?? Wording.text("undecided", language)
        }
        return [
            "level": decision.level.map { Vocabulary.label($0)[language] } ?? Wording.text("undecided", language),
            "notifyAuthority": due(decision.notifyAuthority), "communicateToSubjects": due(decision.communicateToSubjects),
        ]
    }

    /// The assessment form's choices, with what is recorded selected.
    static func assessmentView(_ assessment: RiskAssessment?, _ language: Language) -> [String: Any] {
        func options<Value: RawRepresentable & CaseIterable>(_ selected: Value?, key: (Value) -> String, empty: String?) -> [[String: Any]]
        where Value.RawValue == String {
            let none: [[String: Any]] = empty.map { [["value": "", "label": Wording.text($0, language), "selected": selected == nil]] } ?? []
            return none + Value.allCases.map { value in
                ["value": value.rawValue, "label": Wording.text(key(value), language), "selected": value.rawValue == selected?.rawValue]
            }
        }
        return [
            "categories": RiskAssessment.DataContext.Category.allCases.map { category -> [String: Any] in
                let context = assessment?.data.first { $0.category == category }
                let name = "adjustment" + category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst()
                return [
                    "value": category.rawValue, "label": Wording.text("dpc-" + category.rawValue, language), "checked": context != nil,
                    "name": name,
                    "adjustments": (-3...3).map { step -> [String: Any] in
                        ["value": step > 0 ? "+\(step)" : "\(step)", "selected": step == (context?.adjustment ?? 0)]
                    },
                ]
            },
            "identification": options(assessment?.identification, key: { "ei-" + $0.rawValue }, empty: nil),
            "confidentiality": options(assessment?.confidentiality, key: { "cb-" + $0.rawValue }, empty: "notConcerned"),
            "integrity": options(assessment?.integrity, key: { "cb-" + $0.rawValue + ($0 == .recoverable ? "-integrity" : "") }, empty: "notConcerned"),
            "availability": options(assessment?.availability, key: { "cb-" + $0.rawValue + ($0 == .recoverable ? "-availability" : "") }, empty: "notConcerned"),
            "malicious": assessment?.malicious ?? false,
            "override": RiskLevel.allCases.map { level -> [String: Any] in
                ["value": level.rawValue, "label": Vocabulary.label(level)[language], "selected": level == assessment?.override?.level]
            },
            "justification": assessment?.override?.justification ?? "",
        ]
    }

    /// A moment as an HTML `datetime-local` input shows it, in the controller's zone.
    static func localInput(_ moment: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    private func declarationPage(
        _ visit: Visit, fields: BreachDeclaration, errors: [String: LocalizedText], status: HTTPResponse.Status = .ok
    ) -> Response {
        let chosen = Set(fields.nature ?? [])
        let view: [String: Any] = [
            "titleValue": fields.title ?? "",
            "awareValue": fields.aware ?? "",
            "controllers": visit.policy.editableOrganisations(of: visit.register).map { organisation -> [String: Any] in
                ["id": organisation.id, "name": organisation.name, "selected": organisation.id == fields.controller]
            },
            "natures": Breach.Nature.allCases.map { nature -> [String: Any] in
                ["value": nature.rawValue, "label": Vocabulary.label(nature)[visit.language], "checked": chosen.contains(nature.rawValue)]
            },
            "errors": errors.mapValues { $0[visit.language] },
            "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "breach-new", title: Wording.text("declareBreach", visit.language), view: view, visit: visit, language: visit.language,
            path: "/breaches/new", status: status)
    }
}
