public import RegistreCore
import RegistreXML

/// The register as a spreadsheet in the CNIL model's layout, written to the disk as its activities come,
/// for a register of record too large to hold whole (issue 26: every command within 150 MiB): memory
/// holds the organisations, the processors' records and one activity's sheet, never the register. The
/// same register gives the bytes ``RegisterSpreadsheet/spreadsheet(of:)`` and
/// `OpenDocumentExport.spreadsheet(_:)` give.
extension RegisterSpreadsheet {
    /// What the spreadsheet is made of, as the register of record hands it over.
    public struct Source {
        /// The register's title.
        public var title: String?
        /// The organisations the activities and the records name, by id.
        public var organisations: [EntityID: Organisation]
        /// The processors' records (Art. 30(2)), in the register's order.
        public var processorRecords: [ProcessorRecord]
        /// How many activities ``activities`` hands over: one sheet each, counted before any is written.
        public var activityCount: Int
        /// Hands each activity to the function it is given, in the register's order; called twice (the list
        /// of activities, then their sheets), giving the same activities each time.
        public var activities: ((ProcessingActivity) throws -> Void) throws -> Void

        /// A register as the register of record hands it over.
        /// - Parameters:
        ///   - title: the register's title.
        ///   - organisations: the organisations the entries name.
        ///   - processorRecords: the processors' records, in order.
        ///   - activityCount: how many activities `activities` hands over.
        ///   - activities: hands each activity over, in order; called twice.
        public init(
            title: String?, organisations: [EntityID: Organisation], processorRecords: [ProcessorRecord], activityCount: Int,
            activities: @escaping ((ProcessingActivity) throws -> Void) throws -> Void
        ) {
            self.title = title
            self.organisations = organisations
            self.processorRecords = processorRecords
            self.activityCount = activityCount
            self.activities = activities
        }
    }

    /// The spreadsheet of `source`, written to the disk and held by its open file only.
    /// - Parameters:
    ///   - source: the register, its activities read twice.
    ///   - progress: called once per activity's sheet written.
    /// - Throws: ``OpenDocumentError/tooManySheets(_:)`` before anything is written when the register has
    ///   more activities than a spreadsheet holds sheets; ``OpenDocumentError/unwritable``; what
    ///   `source.activities` throws; the XML writer's or ZIPFoundation's error.
    public static func file(of source: Source, progress: () -> Void = {}) throws -> ArchiveFile {
        let sheets = 1 + source.activityCount + (source.processorRecords.isEmpty ? 0 : 1)
        guard sheets <= Spreadsheet.sheetLimit else { throw OpenDocumentError.tooManySheets(sheets) }
        let parties: Parties = { source.organisations[$0] }
        return try OpenDocumentPackage.spreadsheetFile(title: source.title ?? OpenDocumentExport.registerTitle, language: "fr") { writer in
            var names = SheetNames()
            let head = listHead(title: source.title)
            // An activity's row has a cell per column of the model's list: the widest row is known first.
            try writer.startSheet(name: names.unique(CNILModel.listSheet), columns: head.map(\.count).max() ?? 0)
            for row in head { try writer.row(row) }
            try source.activities { try writer.row(listRow($0, parties)) }
            try writer.endSheet()
            try source.activities { activity in
                try write(recordSheet(activity, parties, name: names.unique(activity.id)), to: writer)
                progress()
            }
            if !source.processorRecords.isEmpty {
                try write(processorSheet(source.processorRecords, parties, name: names.unique(CNILModel.processorSheet)), to: writer)
            }
        }
    }

    private static func write(_ sheet: Spreadsheet.Sheet, to writer: SpreadsheetContentWriter) throws {
        try writer.startSheet(name: sheet.name, columns: sheet.rows.map(\.count).max() ?? 0)
        for row in sheet.rows { try writer.row(row) }
        try writer.endSheet()
    }
}
