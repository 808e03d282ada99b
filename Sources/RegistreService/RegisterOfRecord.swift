public import Foundation
public import RegistreStore
import RegistreReports
import RegistreXML

/// The register of record as every program opens it: the command line, the desk and the tests alike.
///
/// The store knows nothing of XML (RegistreStore and RegistreXML never import each other), yet every
/// entry it saves one at a time must pass the XML reader's checks, and every entry it writes keeps its
/// XML beside its fields for export. This is the one place that wires the two together, so that no
/// program, and no test, runs on a store other than the one production runs on.
public enum RegisterOfRecord {
    /// What every entry saved one at a time passes first: written as XML and read back through the same
    /// schema and checks as a file (`EntryValidation.check`).
    public static let validator: EntryValidator = { entry in try EntryValidation.check(entry) }

    /// How the XML kept beside each entry is made (`RegisterFragment`), at the version export copies, and
    /// each activity's section of the printed register (``printing``).
    public static let fragments = EntryFragmentRendering(version: RegisterFragment.version, printing: printing) {
        try RegisterFragment.bytes(of: $0)
    }

    /// How each activity's section of the printed register is kept beside it, in each language: as
    /// `RegisterTextWriter` prints it, so that `export --format text` copies it.
    public static let printing = ActivityPrinting(version: RegisterTextWriter.activityLayoutVersion) { activity, language, name in
        withoutActuallyEscaping(name) { name in
            Array(RegisterTextWriter.activitySection(activity, language: language, name: name).utf8)
        }
    }

    /// Opens (or creates) the register of record at `path`, with the reader's checks and the kept XML.
    ///
    /// - Parameters:
    ///   - path: the database file.
    ///   - mode: whether the database may be created, must exist, or is only read.
    ///   - busyTimeout: how long to wait for another command holding the database.
    ///   - clock: the journal's clock (the system's unless a program or a test needs a fixed one).
    /// - Throws: `StoreError` when there is no database for a command that reads, or it cannot be opened.
    public static func open(
        path: String, mode: RegisterStore.OpenMode, busyTimeout: TimeInterval = RegisterStore.busyTimeout,
        clock: JournalClock = .system
    ) throws(StoreError) -> RegisterStore {
        try RegisterStore(path: path, mode: mode, busyTimeout: busyTimeout, clock: clock, validator: validator, fragments: fragments)
    }
}
