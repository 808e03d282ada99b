import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreStore

extension Desk {
    /// "Accords de sous-traitance" (Art. 28): the agreements the account may see, each one's clauses with
    /// their findings, sub-processors and change notices; recording a change notice received and the
    /// controller's answer to it (an objection).
    func addAgreementRoutes(to router: Router<BasicRequestContext>) {
        router.get("/agreements") { request, _ in
            try await self.signedInReading(request) { visit, reading in try self.agreementList(request, visit, reading) }
        }
        router.get("/agreements/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let agreement = self.readableAgreement(context, visit) else { return Page.notFound(visit) }
                return try self.agreementPage(AgreementPage(
                    agreement: agreement, register: visit.register, policy: visit.policy, language: visit.language, now: visit.now), visit)
            }
        }
        router.post("/agreements/{id}/changes") { request, context in
            try await self.signedInForm(request) { visit, form in try self.recordChangeNotice(context, visit, form) }
        }
        router.post("/agreements/{id}/changes/{change}") { request, context in
            try await self.signedInForm(request) { visit, form in try self.answerChangeNotice(context, visit, form) }
        }
    }

    /// The agreements the account reads, 50 a page, sorted by title, processor or pending changes,
    /// filtered by text, organisation (a controller or the processor), processor and state (a change
    /// pending, signed, not signed), the total shown: the store answers by SQL
    /// (``RegisterReading/agreements(_:visibleTo:)``), which agreements the account sees a condition of
    /// it; the page reads its own 50 and their parties by key to show them. And the audits, read with the
    /// other parties.
    private func agreementList(_ request: Request, _ visit: Visit, _ reading: RegisterReading) throws -> Response {
        let facets = ["organisation", "processor", "state"]
        let query = ListPaging.query(request, facets: facets)
        let page = try reading.agreements(query, visibleTo: visit.visibility)
        let (shown, names) = try Self.agreementsShown(page.rows, reading)
        let paging = ListPaging(path: "/agreements", query: query, facetNames: facets, total: page.total)
        let rows = zip(page.rows, shown).map { row, agreement -> [String: Any] in
            [
                "id": agreement.id, "title": agreement.title, "processor": names[agreement.processor] ?? agreement.processor,
                "controllers": agreement.controllers.filter(visit.policy.mayRead(organisation:)).map { names[$0] ?? $0 }.joined(separator: ", "),
                "pending": row.pending,
            ]
        }
        let register = visit.register
        let language = visit.language
        let options = { (facet: String, values: [(String, String)]) in
            values.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == query.facets[facet]] as [String: Any] }
        }
        let readable = visit.policy.readableOrganisations(of: register).map { ($0.id, $0.name) }
        let audits = register.audits.filter(visit.policy.mayRead).map { audit -> [String: Any] in
            [
                "id": audit.id, "agreement": register.agreement(audit.agreement)?.title ?? audit.agreement,
                "auditee": register.organisation(audit.auditee)?.name ?? audit.auditee,
                "start": Vocabulary.format(audit.plannedStart, in: visit.language),
            ]
        }
        return Page.html(
            "agreements", title: Wording.text("agreements", visit.language),
            view: [
                "agreements": rows, "audits": audits, "paging": paging.view(columns: ["title", "processor", "pending"]),
                "organisationOptions": options("organisation", readable), "processorOptions": options("processor", readable),
                "stateOptions": options("state", RegisterReading.agreementStates.map { ($0, Wording.text("agreement-\($0)", language)) }),
                "mayCreate": !visit.policy.editableOrganisations(of: register).isEmpty,
            ],
            visit: visit, language: visit.language, path: "/agreements")
    }

    /// The agreements of a page in its order, and the names of their parties, each read by its key in
    /// `reading` (in the same read transaction as the page's rows: none is missing).
    private static func agreementsShown(
        _ rows: [AgreementRow], _ reading: RegisterReading
    ) throws -> (agreements: [DataProcessingAgreement], names: [EntityID: String]) {
        let agreements = try rows.compactMap { row -> DataProcessingAgreement? in
            guard case .agreement(let agreement)? = try reading.entry(EntityKey(.agreement, row.id)) else { return nil }
            return agreement
        }
        var names: [EntityID: String] = [:]
        for id in Set(agreements.flatMap { [$0.processor] + $0.controllers }) {
            if case .organisation(let organisation)? = try reading.entry(EntityKey(.organisation, id)) { names[id] = organisation.name }
        }
        return (agreements, names)
    }

    /// A processor's notice of an intended change of sub-processor, added to the agreement as stored.
    private func recordChangeNotice(_ context: BasicRequestContext, _ visit: Visit, _ form: FormBody) throws -> Response {
        guard let agreement = self.readableAgreement(context, visit), visit.policy.mayEdit(agreement) else { return Page.notFound(visit) }
        let page = AgreementPage(agreement: agreement, register: visit.register, policy: visit.policy, language: visit.language, now: visit.now)
        switch try form.decode(ChangeNoticeForm.self).change(under: agreement, in: visit.register, candidates: page.candidates) {
        case .failure(let refusal):
            var refused = page
            refused.errors = refusal.errors
            return try self.agreementPage(refused, visit, status: .unprocessableContent)
        case .success(let change):
            return try self.changed(agreement, page, visit) { stored, edit in
                // The notice's id is allocated in the transaction that saves it.
                var notice = change
                notice.id = try ChangeNoticeForm.identifier(under: agreement.id, received: change.noticeDate, isUsed: edit.isUsed)
                stored.changeNotices.append(notice)
            }
        }
    }

    /// The controller's answer to a change notice, if the notice still has the outcome the form showed.
    private func answerChangeNotice(_ context: BasicRequestContext, _ visit: Visit, _ form: FormBody) throws -> Response {
        // The form carries the outcome it showed: an answer given meanwhile by another is not overwritten.
        struct Answer: Decodable { var outcome: String?; var shownOutcome: String? }
        guard let agreement = self.readableAgreement(context, visit), visit.policy.mayEdit(agreement),
              let changeID = context.parameters.get("change"),
              agreement.changeNotices.contains(where: { $0.id == changeID })
        else { return Page.notFound(visit) }
        let page = AgreementPage(agreement: agreement, register: visit.register, policy: visit.policy, language: visit.language, now: visit.now)
        guard let outcome = try form.decode(Answer.self).outcome.flatMap(SubProcessorChange.Outcome.init(rawValue:)) else {
            var refused = page
            refused.errors = ["outcome": LocalizedText(
                fr: "Suite donnée : choisir dans la liste (en attente, acceptée, opposition, retirée).",
                en: "Outcome: choose from the list (pending, accepted, objected, withdrawn).")]
            return try self.agreementPage(refused, visit, status: .unprocessableContent)
        }
        let shown = try form.decode(Answer.self).shownOutcome
        return try self.changed(agreement, page, visit) { stored, _ in try Self.answer(changeID, with: outcome, shown: shown, in: &stored) }
    }

    /// Records the controller's answer to the notice `id` of the agreement as stored, if its outcome is still
    /// the one the form showed; otherwise another answered meanwhile, and the answer is refused.
    private static func answer(_ id: EntityID, with outcome: SubProcessorChange.Outcome, shown: String?, in stored: inout DataProcessingAgreement) throws {
        guard let index = stored.changeNotices.firstIndex(where: { $0.id == id }) else { throw RegisterEdits.Refusal.notAllowed }
        let now = stored.changeNotices[index].outcome
        guard now.rawValue == shown else {
            throw RegisterEdits.Refusal.form(["outcome": LocalizedText(
                fr: "Suite donnée : non enregistrée, quelqu'un d'autre a répondu à cette notification entre-temps (« \(Wording.text("outcome-" + now.rawValue, .fr)) »). Vérifiez et répondez à nouveau.",
                en: "Outcome: not saved, someone else answered this notice meanwhile ('\(Wording.text("outcome-" + now.rawValue, .en))'). Check and answer again.")],
                draft: nil)
        }
        stored.changeNotices[index].outcome = outcome
    }

    /// Saves a change of an agreement; what the register refuses comes back on the page.
    private func changed(
        _ agreement: DataProcessingAgreement, _ page: AgreementPage, _ visit: Visit, _ change: (inout DataProcessingAgreement, RegisterEdit) throws -> Void
    ) throws -> Response {
        // A notice is added to, or answered in, the list as stored inside the transaction: a notice the CLI
        // recorded meanwhile stays.
        switch try edits.changeAgreement(agreement.id, by: visit, change) {
        case .success: return Page.saved(to: "/agreements/\(agreement.id)")
        case .failure(.notAllowed): return Page.notFound(visit)
        case .failure(let refusal):
            // The page as the agreement now stands, so that what another recorded shows.
            var refused = page
            if case .agreement(let stored)? = try store.entry(EntityKey(.agreement, agreement.id)) { refused.agreement = stored }
            refused.errors = refusal.errors
            let outcomeTaken = refusal.errors["outcome"] != nil
            return try agreementPage(refused, visit, status: outcomeTaken ? .conflict : .unprocessableContent)
        }
    }

    func readableAgreement(_ context: BasicRequestContext, _ visit: Visit) -> DataProcessingAgreement? {
        guard let id = context.parameters.get("id"), let agreement = visit.register.agreement(id), visit.policy.mayRead(agreement) else {
            return nil
        }
        return agreement
    }

    private func agreementPage(_ page: AgreementPage, _ visit: Visit, status: HTTPResponse.Status = .ok) throws -> Response {
        // The version, for the page that follows a save to say which journal entry holds it.
        var view = page.view
        view["version"] = String(try store.version(of: EntityKey(.agreement, page.agreement.id)))
        return Page.html(
            "agreement", title: page.agreement.title, view: view, visit: visit, language: visit.language,
            path: "/agreements/\(page.agreement.id)", status: status)
    }
}
