import Foundation
import Hummingbird
import RegistreCore
import RegistreReports

extension Desk {
    /// The breaches (Art. 33–34): the breach register, "Déclarer une violation", and each breach's page
    /// with its 72-hour clock and the Art. 33(3) items.
    func addBreachRoutes(to router: Router<BasicRequestContext>) {
        router.get("/breaches") { request, _ in
            return try await self.signedIn(request) { visit in
                let breaches = visit.register.breaches.filter(visit.policy.mayRead).map { breach -> [String: Any] in
                    var row = BreachClock(breach, in: visit.register, now: visit.now).view(visit.language)
                    row["controller"] = visit.register.organisation(breach.controller)?.name ?? breach.controller
                    return row
                }
                return Page.html(
                    "breaches", title: Wording.text("breaches", visit.language),
                    view: ["breaches": breaches, "mayDeclare": !visit.policy.editableOrganisations(of: visit.register).isEmpty],
                    visit: visit, language: visit.language, path: "/breaches")
            }
        }
        router.get("/breaches/new") { request, _ in
            return try await self.signedIn(request) { visit in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return self.declarationPage(visit, fields: BreachDeclaration(), errors: [:])
            }
        }
        router.post("/breaches/new") { request, _ in
            return try await self.signedInForm(request) { visit, form in
                let fields = try form.decode(BreachDeclaration.self)
                switch fields.breach(in: visit.register, policy: visit.policy, now: visit.now) {
                case .failure(let refusal):
                    return self.declarationPage(visit, fields: fields, errors: refusal.errors, status: .unprocessableContent)
                case .success(let breach):
                    switch try self.edits.save(breach, by: visit) {
                    case .success: return Page.redirect(to: "/breaches/\(breach.id)")
                    case .failure(.notAllowed): return Page.notFound(visit)
                    case .failure(.invalid(let field, let reason)):
                        return self.declarationPage(visit, fields: fields, errors: [field: reason], status: .unprocessableContent)
                    }
                }
            }
        }
        router.get("/breaches/{id}") { request, context in
            return try await self.signedIn(request, reading: Self.breachReading(context)) { visit in
                guard let breach = self.readableBreach(context, visit) else { return Page.notFound(visit) }
                return self.breachPage(breach, visit)
            }
        }
        router.post("/breaches/{id}") { request, context in
            let reading = Self.breachReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, form in
                guard let original = self.readableBreach(context, visit), visit.policy.mayEdit(original) else {
                    return Page.notFound(visit)
                }
                switch try form.decode(BreachNotificationForm.self).breach(updating: original) {
                case .failure(let refusal):
                    return self.breachPage(refusal.draft, visit, errors: refusal.errors, status: .unprocessableContent)
                case .success(let breach):
                    if breach == original { return Page.redirect(to: "/breaches/\(breach.id)") }
                    switch try self.edits.save(breach, by: visit) {
                    case .success: return Page.redirect(to: "/breaches/\(breach.id)")
                    case .failure(.notAllowed): return Page.notFound(visit)
                    case .failure(.invalid(let field, let reason)):
                        return self.breachPage(breach, visit, errors: [field: reason], status: .unprocessableContent)
                    }
                }
            }
        }
    }

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
    private func breachPage(
        _ breach: Breach, _ visit: Visit, errors: [String: LocalizedText] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        let missing = breach.missingNotificationItems
        let items: [[String: Any]] = Breach.NotificationItem.allCases.map { item in
            ["article": item.article, "label": Wording.text("item-" + item.rawValue, visit.language), "missing": missing.contains(item)]
        }
        let decision = BreachDecision(breach, in: visit.register, now: visit.now)
        let view: [String: Any] = [
            "breach": BreachClock(breach, in: visit.register, now: visit.now).view(visit.language),
            "controller": visit.register.organisation(breach.controller)?.name ?? breach.controller,
            "natures": breach.nature.map { Vocabulary.label($0)[visit.language] },
            "editable": visit.policy.mayEdit(breach),
            "description": breach.description ?? "",
            "dataSubjectCategories": ActivityPage.inputs(breach.dataSubjectCategories),
            "approximateSubjects": breach.subjects?.description ?? "",
            "dataCategories": ActivityPage.inputs(breach.dataCategories),
            "approximateRecords": breach.records?.description ?? "",
            "contactName": breach.contact?.name ?? "", "contactEmail": breach.contact?.email ?? "",
            "contactPhone": breach.contact?.phone ?? "",
            "likelyConsequences": breach.likelyConsequences ?? "",
            "measures": ActivityPage.inputs(breach.measures),
            "items": items,
            "reasons": decision.reasons.map { $0[visit.language] },
            "errors": errors.mapValues { $0[visit.language] },
            "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "breach", title: breach.title, view: view, visit: visit, language: visit.language, path: "/breaches/\(breach.id)",
            status: status)
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
