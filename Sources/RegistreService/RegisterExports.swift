public import RegistreCore
public import RegistreStore
import RegistreDocuments
import RegistreXML

/// The register of record exported, written once for `registre export --db` and the desk's downloads, so
/// that both give the same bytes by construction. Each export reads in one read transaction (the register
/// of one moment) and hands its bytes to a sink as they are made, in memory that does not grow with the
/// register.
public enum RegisterExports {
    /// Why an export was not made.
    public enum Refusal: Error, Hashable, Sendable {
        /// The organisation whose register was asked for is not in the register.
        case unknownOrganisation(EntityID)

        /// What was refused, for the person who asked.
        public var message: LocalizedText {
            switch self {
            case .unknownOrganisation(let id):
                LocalizedText(fr: "aucune organisation « \(id) » dans le registre", en: "no organisation '\(id)' in the register")
            }
        }
    }

    /// The register as registre XML: the whole register copies each entry's kept XML and renders the
    /// others from their fields; one organisation's register (`controller`) passes its entries through
    /// the `RegisterRestriction` that `Register.restricted(to:)` uses, learnt in a first pass of the same
    /// read transaction: both passes read the organisation's own activities through the index on
    /// controllers (and those it controls jointly), never the other organisations' activities.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - controller: only this organisation's register; nil for the whole register.
    ///   - progress: called once per entry written.
    ///   - sink: receives the document's bytes as they are made.
    /// - Throws: ``Refusal/unknownOrganisation(_:)``; `StoreError`; `XMLWriteError`; what `sink` throws.
    public static func xml(
        of store: RegisterStore, restrictedTo controller: EntityID? = nil, progress: () -> Void = {},
        to sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        guard let controller else { return try keptXML(of: store, progress: progress, to: sink) }
        try store.read { reading in
            // Learnt as the printed register learns it: the organisation's own activities through the index,
            // the entries of the small kinds; the other organisations' activities are never read.
            let restricted = try PrintedRegister.Restricted(to: controller, in: reading)
            guard restricted.restriction.organisationExists else { throw Refusal.unknownOrganisation(controller) }
            let writer = try RegisterStreamWriter(sink: sink)
            func write(_ entry: RegisterEntry) throws {
                progress()
                if let kept = restricted.restriction.admit(entry) { try writer.write(kept) }
            }
            // Kind by kind in the order of the format, as a read of every kind gives them; breaches,
            // campaigns and requests are never admitted into one organisation's register.
            for kind in EntityKind.allCases where kind != .breach && kind != .campaign && kind != .request {
                if kind == .activity {
                    try reading.forEachActivity(recordedBy: controller) { try write(.activity($0)) }
                } else {
                    try reading.entries(only: [kind], write)
                }
            }
            try writer.finish()
        }
    }

    /// The printed register (the text a DPO reads and hands to an auditor), whole or one organisation's:
    /// the bytes `RegisterTextReport` gives for the register (restricted), written piece by piece.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - controller: only this organisation's register; nil for the whole register.
    ///   - language: the language of the printed register.
    ///   - progress: called once per activity printed.
    ///   - sink: receives the text's bytes, some 64 KiB at a time.
    /// - Throws: ``Refusal/unknownOrganisation(_:)``; `StoreError`; what `sink` throws.
    public static func text(
        of store: RegisterStore, restrictedTo controller: EntityID? = nil, language: Language, progress: () -> Void = {},
        to sink: ([UInt8]) throws -> Void
    ) throws {
        try store.read { reading in
            if let controller, try reading.entry(EntityKey(.organisation, controller)) == nil {
                throw Refusal.unknownOrganisation(controller)
            }
            try PrintedRegister.write(from: reading, restrictedTo: controller, language: language, progress: progress, to: sink)
        }
    }

    /// The register as a spreadsheet in the CNIL model's layout (`export --format ods`), whole or one
    /// organisation's, read in one read transaction and written to the disk as its activities come: the
    /// activities are read twice (the list, then a sheet each), never held together, so that memory does
    /// not grow with the register. The same bytes as the spreadsheet of the register read whole
    /// (`RegisterDocuments.bytes(of:as:language:)`), restricted as `Register.restricted(to:)` restricts it.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - controller: only this organisation's register; nil for the whole register.
    ///   - progress: called once per activity's sheet written.
    ///   - sink: receives the spreadsheet's bytes, 64 KiB at a time, once the read transaction has ended.
    /// - Throws: ``Refusal/unknownOrganisation(_:)``; `OpenDocumentError.tooManySheets` before anything is
    ///   written when the register has more activities than a spreadsheet holds sheets; `StoreError`; what
    ///   `sink` throws.
    public static func spreadsheet(
        of store: RegisterStore, restrictedTo controller: EntityID? = nil, progress: () -> Void = {},
        to sink: ([UInt8]) throws -> Void
    ) throws {
        let file = try store.read { reading in
            let restricted = try controller.map { try PrintedRegister.Restricted(to: $0, in: reading) }
            if let controller, restricted?.restriction.organisationExists != true { throw Refusal.unknownOrganisation(controller) }
            let admitted = { (entry: RegisterEntry) -> RegisterEntry? in restricted.map { $0.restriction.admit(entry) } ?? entry }
            var title: String?
            var organisations: [EntityID: Organisation] = [:]
            var records: [ProcessorRecord] = []
            try reading.entries(only: [.register, .organisation, .processorRecord]) { entry in
                switch admitted(entry) {
                case .title(let value, _): title = value
                case .organisation(let organisation): organisations[organisation.id] = organisation
                case .processorRecord(let record): records.append(record)
                default: break
                }
            }
            let count = try restricted.map { $0.counts.values.reduce(0, +) } ?? reading.activityCount()
            let source = RegisterSpreadsheet.Source(
                title: title, organisations: organisations, processorRecords: records, activityCount: count
            ) { body in
                if let restricted {
                    // Its own activities through the index on controllers, the others never read.
                    try reading.forEachActivity(recordedBy: restricted.restriction.organisation) { activity in
                        if case .activity(let kept)? = admitted(.activity(activity)) { try body(kept) }
                    }
                } else {
                    try reading.entries(only: [.activity]) { if case .activity(let activity) = $0 { try body(activity) } }
                }
            }
            return try RegisterSpreadsheet.file(of: source, progress: progress)
        }
        defer { file.remove() }
        try file.forEachChunk(sink)
    }

    /// A part of the printed register: its text is the text ``text(of:restrictedTo:language:progress:to:)``
    /// writes for it, so that a page made of the parts holds every item of `export --format text`.
    public enum PrintedPart: Sendable {
        /// The register's heading.
        case head(String)
        /// A controller's block, before its activities.
        case controller(Organisation, String)
        /// One activity.
        case activity(id: EntityID, name: String, String)
        /// The records kept as a processor (Art. 30(2)).
        case processors(String)
        /// One agreement with its audits (the first one preceded by the agreements' heading).
        case agreement(id: EntityID, name: String, String)

        /// The part's text.
        public var text: String {
            switch self {
            case .head(let text), .controller(_, let text), .activity(_, _, let text), .processors(let text), .agreement(_, _, let text): text
            }
        }
    }

    /// The printed register, whole or one organisation's, handed over part by part (for a page that
    /// shows each activity on its own sheet), from one read transaction, in memory that does not grow
    /// with the register.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - controller: only this organisation's register; nil for the whole register.
    ///   - language: the language of the printed register.
    ///   - part: receives each part as it is made.
    /// - Throws: ``Refusal/unknownOrganisation(_:)``; `StoreError`; what `part` throws.
    public static func printedParts(
        of store: RegisterStore, restrictedTo controller: EntityID? = nil, language: Language, _ part: (PrintedPart) throws -> Void
    ) throws {
        try store.read { reading in
            if let controller, try reading.entry(EntityKey(.organisation, controller)) == nil {
                throw Refusal.unknownOrganisation(controller)
            }
            try PrintedRegister.parts(from: reading, restrictedTo: controller, language: language, progress: {}, part)
        }
    }

    /// The whole register of record as XML, each entry's kept XML copied as it is. Breaches keep no XML
    /// (their instants are written in the controller's time zone, another entry's field): read as values
    /// whatever a row holds, so that nothing stored beside them is ever copied into an export.
    private static func keptXML(of store: RegisterStore, progress: () -> Void, to sink: @escaping ([UInt8]) throws -> Void) throws {
        let writer = try RegisterStreamWriter(sink: sink)
        try store.streamForExport(values: [.organisation, .breach]) { entry in
            progress()
            switch entry {
            case .fragment(let bytes): try writer.write(fragment: bytes)
            case .entry(let value): try writer.write(value)
            }
        }
        try writer.finish()
    }
}
