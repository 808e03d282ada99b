import RegistreCore

/// The form of a processor's record (Art. 30(2)): (b) the categories of processing carried out for the
/// controller, (c) the transfers with their Chapter V safeguard, (d) the security measures, and the
/// sub-processors it engages (Art. 28(2), (4)). The parties (a) are the record's, not the form's.
struct ProcessorRecordForm: Decodable {
    var processingCategories: [String]?
    var security: [String]?
    var securityKinds: [String]?
    var transferRecipients: [String]?
    var transferDestinations: [String]?
    var transferSafeguards: [String]?
    var processorIDs: [String]?
    var processorServices: [String]?

    struct Refusal: Error {
        var errors: [String: LocalizedText]
        var draft: ProcessorRecord
    }

    /// - Parameter candidates: the organisations the form offered as sub-processors.
    func record(updating original: ProcessorRecord, candidates: Set<EntityID>) -> Result<ProcessorRecord, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var record = original
        record.processingCategories = (processingCategories ?? []).map(FormText.clean).filter { !$0.isEmpty }
        var measures: [SecurityMeasure] = []
        for (index, raw) in (security ?? []).enumerated() where !FormText.clean(raw).isEmpty {
            let code = ActivityForm.Rows.value(securityKinds, index)
            guard let kind = SecurityMeasure.Kind(rawValue: code.isEmpty ? SecurityMeasure.Kind.other.rawValue : code) else {
                errors["security"] = LocalizedText(fr: "Type de mesure inconnu : \(code).", en: "Unknown kind of measure: \(code).")
                continue
            }
            measures.append(SecurityMeasure(kind, FormText.clean(raw)))
        }
        record.securityMeasures = measures
        let rows = ActivityForm(
            transferRecipients: transferRecipients, transferDestinations: transferDestinations, transferSafeguards: transferSafeguards,
            processorIDs: processorIDs, processorServices: processorServices)
        record.transfers = rows.transfers(original: original.transfers, errors: &errors)
        record.subProcessors = rows.processors(original: original.subProcessors, candidates: candidates, errors: &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: record)) }
        return .success(record)
    }
}
