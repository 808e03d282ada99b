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

    typealias Refusal = FormRefusal<ProcessorRecord>

    /// - Parameter candidates: the organisations the form offered as sub-processors.
    func record(updating original: ProcessorRecord, candidates: Set<EntityID>) -> Result<ProcessorRecord, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var record = original
        // Applied to the record as stored: a value sent back as shown stays exactly as stored (`Shown`).
        record.processingCategories = Shown.labels(processingCategories, stored: original.processingCategories)
        record.securityMeasures = ActivityForm.securityMeasures(security, kinds: securityKinds, original: original.securityMeasures, errors: &errors)
        let rows = ActivityForm(
            transferRecipients: transferRecipients, transferDestinations: transferDestinations, transferSafeguards: transferSafeguards,
            processorIDs: processorIDs, processorServices: processorServices)
        record.transfers = rows.transfers(original: original.transfers, errors: &errors)
        record.subProcessors = rows.processors(original: original.subProcessors, candidates: candidates, errors: &errors)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors, draft: record)) }
        return .success(record)
    }
}
