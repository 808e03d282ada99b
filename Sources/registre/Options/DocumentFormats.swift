import ArgumentParser
import Foundation

/// The forms the register export can take: registre's XML, text, the OpenDocument files DPOs exchange
/// (a spreadsheet in the CNIL model's layout, a text document), and JSON-LD in the W3C's DPV.
enum RegisterExportFormat: String, ExpressibleByArgument, CaseIterable {
    case xml, text, ods, odt, jsonld
}

/// The forms a single document (a breach report, an audit notice) can take.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, xml, odt
}

/// The forms of the list of deadlines: text, XML, or an iCalendar file (RFC 5545).
enum DeadlinesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, xml, ics
}

/// Where a register file comes from, when its content alone does not say: registre's own files (XML, or
/// an OpenDocument spreadsheet in the CNIL's model, told apart by their content) or Madis's CSV export.
enum RegisterSource: String, ExpressibleByArgument, CaseIterable {
    case registre, madis
}

struct SourceOption: ParsableArguments {
    @Option(name: .customLong("from"), help: "The file's origin: registre (XML, or an ODS spreadsheet in the CNIL's model) or madis (Madis's CSV export of processings).")
    var from: RegisterSource = .registre

    @Flag(name: .customLong("keep-example"), help: "Read the CNIL model's own example sheet (its fictitious payroll processing) as an activity; it is skipped with a note otherwise.")
    var keepExample = false
}
