import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreXML

extension Desk {
    /// Audits of processors (Art. 28(3)(h)): the request form, which refuses a start before the agreement's
    /// notice period has run and names the first day allowed; each audit's page with its meetings and the
    /// day its report was sent; the notice to download, the same bytes as `registre audit notice`.
    func addAuditRoutes(to router: Router<BasicRequestContext>) {
        router.get("/agreements/{id}/audits/new") { request, context in
            try await self.signedIn(request) { visit in
                guard let agreement = self.readableAgreement(context, visit), !self.requesters(agreement, visit).isEmpty else {
                    return Page.notFound(visit)
                }
                let today = DeadlineCalculator.for(agreement.controllers.first ?? agreement.processor, in: visit.register).day(of: visit.now)
                return self.auditRequestPage(agreement, AuditRequestForm(notified: today.iso), visit)
            }
        }
        router.post("/agreements/{id}/audits/new") { request, context in
            try await self.signedInForm(request) { visit, form in try self.requestAudit(visit, form, context) }
        }
        router.get("/audits/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"),
                      let (audit, version) = try self.shown(EntityKey(.audit, id), as: { if case .audit(let value) = $0 { value } else { nil } }),
                      visit.policy.mayRead(audit)
                else { return Page.notFound(visit) }
                return self.auditPage(audit, visit, version: version)
            }
        }
        router.post("/audits/{id}") { request, context in
            try await self.signedInForm(request) { visit, form in try self.recordAudit(visit, form, context) }
        }
        router.get("/download/audits/{file}") { request, context in
            try await self.signedIn(request) { visit in
                let file = context.parameters.get("file") ?? ""
                let id = file.hasSuffix(".txt") || file.hasSuffix(".xml") ? String(file.dropLast(4)) : ""
                guard let audit = visit.register.audits.first(where: { $0.id == id && visit.policy.mayRead($0) }) else {
                    return Page.notFound(visit)
                }
                if file.hasSuffix(".xml") {
                    return Page.download(try ScheduleWriter.auditNotice(audit, in: visit.register), type: "application/xml", filename: file)
                }
                return Page.download(
                    Array(AuditNoticeReport.render(audit, in: visit.register, language: visit.language).utf8),
                    type: "text/plain; charset=utf-8", filename: file)
            }
        }
    }

    /// "Demander un audit": the form read, then the act (`AuditActs.request`, as `registre audit request`).
    private func requestAudit(_ visit: Visit, _ form: FormBody, _ context: BasicRequestContext) throws -> Response {
        guard let agreement = self.readableAgreement(context, visit) else { return Page.notFound(visit) }
        let requesters = self.requesters(agreement, visit)
        guard !requesters.isEmpty else { return Page.notFound(visit) }
        let fields = try form.decode(AuditRequestForm.self)
        switch fields.request(under: agreement, requesters: requesters) {
        case .failure(let refusal):
            return self.auditRequestPage(agreement, fields, visit, errors: refusal.errors, status: .unprocessableContent)
        case .success(let asked):
            do {
                let audit = try AuditActs(store: self.store).request(asked, by: visit.acting)
                return Page.saved(to: "/audits/\(audit.id)")
            } catch let refused as AuditActs.Refused {
                return self.auditRequestPage(
                    agreement, fields, visit, errors: AuditRequestForm.errors(for: refused), status: .unprocessableContent)
            } catch is AccessRefusal {
                return Page.notFound(visit)
            } catch let error where StoreRefusal.errors(for: error) != nil {
                return self.auditRequestPage(
                    agreement, fields, visit, errors: StoreRefusal.errors(for: error) ?? [:], status: .unprocessableContent)
            }
        }
    }

    /// An audit's meetings and report, changed on the audit as stored at the version the page showed.
    private func recordAudit(_ visit: Visit, _ form: FormBody, _ context: BasicRequestContext) throws -> Response {
        guard let original = self.readableAudit(context, visit), visit.policy.mayEdit(original) else { return Page.notFound(visit) }
        let fields = try form.decode(AuditRecordForm.self)
        let result = try self.edits.changeAudit(original.id, shownAt: form.shownVersion, by: visit) { stored in
            switch fields.audit(updating: stored) {
            case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: nil)
            case .success(let audit): return audit
            }
        }
        // A refused form shows again with the version it carried, which the transaction found current.
        let version = form.shownVersion ?? 0
        switch result {
        case .success(let audit): return Page.saved(to: "/audits/\(audit.id)")
        case .failure(.notAllowed): return Page.notFound(visit)
        case .failure(.conflict(let conflict)):
            guard case .audit(let draft)? = conflict.draft else { return self.auditPage(original, visit, version: conflict.version, conflict: conflict, status: .conflict) }
            return self.auditPage(draft, visit, version: conflict.version, conflict: conflict, status: .conflict)
        case .failure(let refusal):
            return self.auditPage(original, visit, errors: refusal.errors, version: version, status: .unprocessableContent)
        }
    }

    /// The controllers of `agreement` the account may request an audit for.
    private func requesters(_ agreement: DataProcessingAgreement, _ visit: Visit) -> [EntityID] {
        agreement.controllers.filter(visit.policy.mayEdit(organisation:))
    }

    private func readableAudit(_ context: BasicRequestContext, _ visit: Visit) -> AuditRequest? {
        guard let id = context.parameters.get("id") else { return nil }
        return visit.register.audits.first { $0.id == id && visit.policy.mayRead($0) }
    }

    private func auditRequestPage(
        _ agreement: DataProcessingAgreement, _ fields: AuditRequestForm, _ visit: Visit, errors: [String: LocalizedText] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let register = visit.register
        let view: [String: Any] = [
            "agreement": [
                "id": agreement.id, "title": agreement.title,
                "processor": register.organisation(agreement.processor)?.name ?? agreement.processor,
                "notice": agreement.auditTerms?.noticePeriod.map { PeriodWords.describe($0)[visit.language] } ?? "",
            ],
            "requesters": requesters(agreement, visit).map { id -> [String: Any] in
                ["id": id, "name": register.organisation(id)?.name ?? id, "selected": id == fields.requester]
            },
            "fields": [
                "id": fields.id ?? "", "notified": fields.notified ?? "", "start": fields.start ?? "", "scope": fields.scope ?? "",
                "auditor": fields.auditor ?? "", "kickoff": fields.kickoff ?? "", "closing": fields.closing ?? "",
            ],
            "errors": errors.mapValues { $0[visit.language] },
            "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "audit-new", title: Wording.text("requestAudit", visit.language), view: view, visit: visit, language: visit.language,
            path: "/agreements/\(agreement.id)/audits/new", status: status)
    }

    private func auditPage(
        _ audit: AuditRequest, _ visit: Visit, errors: [String: LocalizedText] = [:], version: Int, conflict: EntryConflict? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let register = visit.register, language = visit.language
        func name(_ id: EntityID) -> String { register.organisation(id)?.name ?? id }
        let agreement = register.agreement(audit.agreement)
        let earliest = agreement.flatMap { AuditScheduling.earliestStart(notified: audit.notified, agreement: $0, in: register) }
        var view: [String: Any] = [
            "version": String(version),
            "audit": [
                "id": audit.id, "requester": name(audit.requester), "auditee": name(audit.auditee),
                "agreementID": audit.agreement, "agreement": agreement?.title ?? audit.agreement,
                "agreementReadable": agreement.map(visit.policy.mayRead) ?? false,
                "scope": audit.scope ?? "", "auditor": audit.auditor ?? "",
                "notified": Vocabulary.format(audit.notified, in: language),
                "start": Vocabulary.format(audit.plannedStart, in: language),
                "earliest": earliest.map { Vocabulary.format($0, in: language) } ?? "",
                "kickoff": audit.kickoffMeeting?.iso ?? "", "closing": audit.closingMeeting?.iso ?? "",
                "reportShared": audit.reportShared?.iso ?? "",
                // The read view (an account that may not change the audit): the days in words.
                "kickoffAny": audit.kickoffMeeting != nil, "closingAny": audit.closingMeeting != nil, "reportSharedAny": audit.reportShared != nil,
                "kickoffText": audit.kickoffMeeting.map { Vocabulary.format($0, in: language) } ?? "",
                "closingText": audit.closingMeeting.map { Vocabulary.format($0, in: language) } ?? "",
                "reportSharedText": audit.reportShared.map { Vocabulary.format($0, in: language) } ?? "",
            ],
            "editable": visit.policy.mayEdit(audit),
            "errors": errors.mapValues { $0[language] },
            "hasErrors": !errors.isEmpty,
        ]
        if let conflict { view["conflict"] = conflict.view(language, zone: OrganisationTimeZone.default) }
        return Page.html("audit", title: "\(Wording.text("audit", language)) \(audit.id)", view: view, visit: visit, language: language,
                         path: "/audits/\(audit.id)", status: status)
    }
}
