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
                guard let id = context.parameters.get("id"),
                      let (record, version) = try self.shown(
                        EntityKey(.processorRecord, id), as: { if case .processorRecord(let value) = $0 { value } else { nil } }),
                      visit.policy.mayRead(record)
                else { return Page.notFound(visit) }
                return self.recordPage(record, visit, version: version, more: MoreRows.shown(request, among: Self.recordTables))
            }
        }
        router.post("/records/{id}") { request, context in
            let reading = Self.recordReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, form in
                guard let original = self.readableRecord(context, visit), visit.policy.mayEdit(original) else { return Page.notFound(visit) }
                let candidates = Set(Self.subProcessorCandidates(original, visit).map(\.id))
                let fields = try form.decode(ProcessorRecordForm.self)
                // Applied to the record as stored inside the write transaction: what the form does not show stays.
                let result = try self.edits.changeRecord(original.id, shownAt: form.shownVersion, by: visit) { stored in
                    switch fields.record(updating: stored, candidates: candidates) {
                    case .failure(let refusal): throw RegisterEdits.Refusal.form(refusal.errors, draft: .processorRecord(refusal.draft))
                    case .success(let record): return record
                    }
                }
                func page(_ record: ProcessorRecord, _ errors: [String: LocalizedText], _ conflict: EntryConflict?, _ status: HTTPResponse.Status) throws -> Response {
                    // A refused form shows again with the version it carried (never a later one, read after).
                    let version = conflict?.version ?? form.shownVersion ?? 0
                    return self.recordPage(record, visit, errors: errors, version: version, conflict: conflict, status: status)
                }
                switch result {
                case .success(let record):
                    return MoreRows.saved(to: "/records/\(record.id)", more: MoreRows.requested(form, among: Self.recordTables))
                case .failure(.notAllowed): return Page.notFound(visit)
                case .failure(.conflict(let conflict)):
                    guard case .processorRecord(let draft)? = conflict.draft else { return try page(original, [:], conflict, .conflict) }
                    return try page(draft, [:], conflict, .conflict)
                case .failure(let refusal):
                    guard case .form(_, .processorRecord(let draft)?) = refusal else { return try page(original, refusal.errors, nil, .unprocessableContent) }
                    return try page(draft, refusal.errors, nil, .unprocessableContent)
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

    /// The tables of a processor's record that take several rows ("save and add 3 rows").
    static let recordTables: Set<String> = ["processingCategories", "transfers", "security", "processors"]

    private func recordPage(
        _ record: ProcessorRecord, _ visit: Visit, errors: [String: LocalizedText] = [:], version: Int, conflict: EntryConflict? = nil,
        status: HTTPResponse.Status = .ok, more: String? = nil
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
        let subProcessorRows: [ProcessorEngagement?] = record.subProcessors.map(Optional.some)
            + [ProcessorEngagement?](repeating: nil, count: MoreRows.empties("processors", rows: record.subProcessors.count, more: more))
        var view: [String: Any] = [
            "version": String(version),
            "record": [
                "id": record.id, "processor": register.organisation(record.processor)?.name ?? record.processor,
                "processorID": record.processor, "controller": controller,
            ],
            "editable": visit.policy.mayEdit(record),
            "processingCategories": ActivityPage.inputs(record.processingCategories, empties: MoreRows.empties("processingCategories", rows: record.processingCategories.count, more: more)),
            "security": ActivityPage.securityRows(record.securityMeasures, language, empties: MoreRows.empties("security", rows: record.securityMeasures.count, more: more)),
            "transfers": ActivityPage.transferRows(record.transfers, language, empties: MoreRows.empties("transfers", rows: record.transfers.count, more: more)),
            "addRows": [
                "processingCategories": MoreRows.label(LocalizedText(fr: "catégories de traitements", en: "categories of processing"), language),
                "transfers": MoreRows.label(LocalizedText(fr: "transferts", en: "transfers"), language),
                "security": MoreRows.label(LocalizedText(fr: "mesures", en: "measures"), language),
                "processors": MoreRows.label(LocalizedText(fr: "sous-traitants ultérieurs", en: "sub-processors"), language),
            ],
            "processors": subProcessorRows.enumerated().map { index, engagement -> [String: Any] in
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
        if let conflict { view["conflict"] = conflict.view(language, zone: OrganisationTimeZone.default) }
        if !visit.policy.mayEdit(record) {
            func name(_ id: EntityID) -> String { visit.policy.mayRead(organisation: id) ? register.organisation(id)?.name ?? id : id }
            view["read"] = ActivityReadView.flagged([
                "processingCategories": record.processingCategories,
                "transfers": record.transfers.map { ActivityReadView.transfer($0, language) },
                "security": record.securityMeasures.map { ActivityReadView.measure($0, language) },
                "processors": record.subProcessors.map { "\(name($0.processor)) — \($0.service)" },
                "notRecorded": ActivityReadView.notRecorded[language],
            ])
        }
        return Page.html(
            "record", title: "\(Wording.text("processorRecord", language)) — \(record.id)", view: view, visit: visit, language: language,
            path: "/records/\(record.id)", status: status)
    }
}
