import Foundation
import Hummingbird
import RegistreCore
import RegistreService
import RegistreStore

extension Desk {
    /// "Nouvel accord" (a processor and its agreement, Art. 28(3)) and "Conditions de l'accord" (the terms
    /// its deadlines are counted from): what a DPO needs to answer `ART28-3-NO-AGREEMENT` on the desk.
    func addAgreementFormRoutes(to router: Router<BasicRequestContext>) {
        router.get("/agreements/new") { request, _ in
            try await self.signedIn(request) { visit in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return self.newAgreementPage(visit, fields: NewAgreementForm(), errors: [:])
            }
        }
        router.post("/agreements/new") { request, _ in
            try await self.signedInForm(request) { visit, form in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return try self.createAgreement(visit, form)
            }
        }
        router.get("/agreements/{id}/terms") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"),
                      let (agreement, version) = try self.shown(EntityKey(.agreement, id), as: { if case .agreement(let value) = $0 { value } else { nil } }),
                      visit.policy.mayEdit(agreement)
                else { return Page.notFound(visit) }
                return self.termsPage(agreement, visit, version: version, more: MoreRows.shown(request, among: AgreementTermsView.tables))
            }
        }
        router.post("/agreements/{id}/terms") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard let id = context.parameters.get("id"), let agreement = visit.register.agreement(id), visit.policy.mayEdit(agreement) else {
                    return Page.notFound(visit)
                }
                return try self.changeTerms(agreement, visit, form)
            }
        }
    }

    /// The organisations a new agreement may name as its processor: those the account reads and the
    /// processors of the agreements it reads (a party of its agreements stays one it can name again).
    static func processorChoices(_ visit: Visit) -> [Organisation] {
        let contracted = Set(visit.register.agreements.filter(visit.policy.mayRead).map(\.processor))
        return visit.register.organisations.filter { visit.policy.mayRead(organisation: $0.id) || contracted.contains($0.id) }
    }

    private func createAgreement(_ visit: Visit, _ form: FormBody) throws -> Response {
        let fields = try form.decode(NewAgreementForm.self)
        let controllers = Set(visit.policy.editableOrganisations(of: visit.register).map(\.id))
        switch fields.agreement(controllers: controllers, processors: Set(Self.processorChoices(visit).map(\.id))) {
        case .failure(let refusal):
            return newAgreementPage(visit, fields: fields, errors: refusal.errors, status: .unprocessableContent)
        case .success(let (agreement, processor)):
            do {
                let created = try AgreementActs(store: store).create(agreement, processor: processor, by: visit.acting)
                return Page.saved(to: "/agreements/\(created.agreement.id)")
            } catch let refusal as AgreementActs.Refusal {
                return newAgreementPage(visit, fields: fields, errors: ["general": refusal.message], status: .unprocessableContent)
            } catch let error where StoreRefusal.errors(for: error) != nil {
                return newAgreementPage(visit, fields: fields, errors: StoreRefusal.errors(for: error) ?? [:], status: .unprocessableContent)
            }
        }
    }

    private func changeTerms(_ agreement: DataProcessingAgreement, _ visit: Visit, _ form: FormBody) throws -> Response {
        let result = try edits.change(
            EntityKey(.agreement, agreement.id), shownAt: form.shownVersion, by: visit,
            as: { if case .agreement(let value) = $0 { value } else { nil } }, RegisterEntry.agreement,
            mayEdit: { visit.policy.mayEdit($0) && visit.policy.mayEdit($1) }
        ) { stored in
            switch try form.decode(AgreementTermsForm.self).agreement(updating: stored) {
            case .success(let changed): return changed
            case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: refusal.draft.map(RegisterEntry.agreement))
            }
        }
        let version = form.shownVersion ?? 0
        switch result {
        case .success:
            // "Save and add 3 rows" comes back to the terms with the rows asked for; the plain save to the agreement.
            guard let more = MoreRows.requested(form, among: AgreementTermsView.tables) else { return Page.saved(to: "/agreements/\(agreement.id)") }
            return MoreRows.saved(to: "/agreements/\(agreement.id)/terms", more: more)
        case .failure(.notAllowed): return Page.notFound(visit)
        case .failure(.conflict(let conflict)):
            guard case .agreement(let draft)? = conflict.draft else { return termsPage(agreement, visit, version: conflict.version, conflict: conflict, status: .conflict) }
            return termsPage(draft, visit, version: conflict.version, conflict: conflict, status: .conflict)
        case .failure(.form(let errors, .agreement(let draft)?)):
            return termsPage(draft, visit, version: version, errors: errors, status: .unprocessableContent)
        case .failure(let refusal):
            return termsPage(agreement, visit, version: version, errors: refusal.errors, status: .unprocessableContent)
        }
    }

    private func newAgreementPage(_ visit: Visit, fields: NewAgreementForm, errors: [String: LocalizedText], status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        let processor = fields.processor ?? NewAgreementForm.newProcessor
        let view: [String: Any] = [
            "l": AgreementTermsView.labels.mapValues { $0[language] },
            "controllers": visit.policy.editableOrganisations(of: visit.register).map { organisation -> [String: Any] in
                ["id": organisation.id, "name": organisation.name, "selected": organisation.id == fields.controller]
            },
            "processors": [["id": NewAgreementForm.newProcessor, "name": AgreementTermsView.labels["newProcessor"]?[language] ?? "", "selected": processor == NewAgreementForm.newProcessor]]
                + Self.processorChoices(visit).map { organisation -> [String: Any] in
                    ["id": organisation.id, "name": organisation.name, "selected": organisation.id == processor]
                },
            "titleValue": fields.title ?? "", "signed": fields.signed ?? "", "processorName": fields.processorName ?? "",
            "processorCountry": fields.processorCountry ?? "", "processorAddress": fields.processorAddress ?? "",
            "processorEmail": fields.processorEmail ?? "", "subjectMatter": fields.subjectMatter ?? "", "nature": fields.nature ?? "",
            "purposes": fields.purposes ?? "", "dataTypes": fields.dataTypes ?? "", "dataSubjects": fields.dataSubjects ?? "",
            "errors": errors.mapValues { $0[language] }, "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "agreement-new", title: AgreementTermsView.labels["newAgreement"]?[language] ?? "", view: view, visit: visit, language: language,
            path: "/agreements/new", status: status)
    }

    private func termsPage(
        _ agreement: DataProcessingAgreement, _ visit: Visit, version: Int, errors: [String: LocalizedText] = [:], conflict: EntryConflict? = nil,
        status: HTTPResponse.Status = .ok, more: String? = nil
    ) -> Response {
        var view = AgreementTermsView.view(agreement, visit.language, more: more)
        view["version"] = String(version)
        view["errors"] = errors.mapValues { $0[visit.language] }
        view["hasErrors"] = !errors.isEmpty
        if let conflict { view["conflict"] = conflict.view(visit.language, zone: .gmt) }
        return Page.html(
            "agreement-terms", title: agreement.title, view: view, visit: visit, language: visit.language,
            path: "/agreements/\(agreement.id)/terms", status: status)
    }
}
