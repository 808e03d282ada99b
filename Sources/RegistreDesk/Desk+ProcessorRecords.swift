import Foundation
import Hummingbird
import RegistreCore
import RegistreReports

extension Desk {
    /// Records as a processor (Art. 30(2)): each record's page, with the findings of `check` beside its
    /// items, and its form for whoever keeps the processor's register.
    func addProcessorRecordRoutes(to router: Router<BasicRequestContext>) {
        router.get("/records/{id}") { request, context in
            try await self.signedIn(request, reading: Self.recordReading(context)) { visit in
                guard let record = self.readableRecord(context, visit) else { return Page.notFound(visit) }
                return self.recordPage(record, visit)
            }
        }
        router.post("/records/{id}") { request, context in
            let reading = Self.recordReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, form in
                guard let original = self.readableRecord(context, visit), visit.policy.mayEdit(original) else { return Page.notFound(visit) }
                let candidates = Set(Self.subProcessorCandidates(original, visit).map(\.id))
                switch try form.decode(ProcessorRecordForm.self).record(updating: original, candidates: candidates) {
                case .failure(let refusal):
                    return self.recordPage(refusal.draft, visit, errors: refusal.errors, status: .unprocessableContent)
                case .success(let record):
                    if record == original { return Page.redirect(to: "/records/\(record.id)") }
                    switch try self.edits.save(record, by: visit) {
                    case .success: return Page.redirect(to: "/records/\(record.id)")
                    case .failure(.notAllowed): return Page.notFound(visit)
                    case .failure(.invalid(let field, let reason)):
                        return self.recordPage(record, visit, errors: [field: reason], status: .unprocessableContent)
                    }
                }
            }
        }
    }

    static func recordReading(_ context: BasicRequestContext) -> Reading {
        .around(context.parameters.get("id").map { [EntityKey(.processorRecord, $0)] } ?? [])
    }

    private func readableRecord(_ context: BasicRequestContext, _ visit: Visit) -> ProcessorRecord? {
        guard let id = context.parameters.get("id") else { return nil }
        return visit.register.processorRecords.first { $0.id == id && visit.policy.mayRead($0) }
    }

    /// The organisations the form offers as sub-processors: those the account may read and those the
    /// record already names; never the processor itself.
    static func subProcessorCandidates(_ record: ProcessorRecord, _ visit: Visit) -> [Organisation] {
        let engaged = Set(record.subProcessors.map(\.processor))
        return visit.register.organisations.filter { organisation in
            organisation.id != record.processor && (visit.policy.mayRead(organisation: organisation.id) || engaged.contains(organisation.id))
        }
    }

    private func recordPage(
        _ record: ProcessorRecord, _ visit: Visit, errors: [String: LocalizedText] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        let register = visit.register, language = visit.language
        let alone = Register(organisations: register.organisations, processorRecords: [record])
        let findings = RegisterCheck.findings(in: alone, now: visit.now).filter { $0.subject == Finding.Subject(.processorRecord, record.id) }
        var placed: [String: [[String: Any]]] = ["processingCategories": [], "transfers": [], "security": [], "general": []]
        for finding in findings {
            let code = finding.code.rawValue
            let field = code.hasPrefix("ART30-2-B") ? "processingCategories"
                : code.hasPrefix("ART30-2-C") ? "transfers" : code.hasPrefix("ART30-2-D") ? "security" : "general"
            placed[field, default: []].append(ActivityPage.row(finding, language))
        }
        let candidates = Self.subProcessorCandidates(record, visit)
        // The controller is named only to whoever may read it.
        let controller = visit.policy.mayRead(organisation: record.controller) ? register.organisation(record.controller)?.name ?? record.controller : ""
        let view: [String: Any] = [
            "record": [
                "id": record.id, "processor": register.organisation(record.processor)?.name ?? record.processor,
                "processorID": record.processor, "controller": controller,
            ],
            "editable": visit.policy.mayEdit(record),
            "processingCategories": ActivityPage.inputs(record.processingCategories),
            "security": ActivityPage.securityRows(record.securityMeasures, language),
            "transfers": ActivityPage.transferRows(record.transfers, language),
            "processors": (record.subProcessors.map(Optional.some) + [nil]).enumerated().map { index, engagement -> [String: Any] in
                [
                    "index": index, "number": index + 1, "service": engagement?.service ?? "",
                    "candidates": candidates.map { ["id": $0.id, "name": $0.name, "selected": $0.id == engagement?.processor] },
                ]
            },
            "findings": placed,
            "findingCount": findings.count,
            "errors": errors.mapValues { $0[language] },
            "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "record", title: "\(Wording.text("processorRecord", language)) — \(record.id)", view: view, visit: visit, language: language,
            path: "/records/\(record.id)", status: status)
    }
}
