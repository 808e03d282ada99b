public import RegistreCore

/// How an activity's section of the printed register is made, for the register of record to keep it
/// beside the activity's fields in each language: `export --format text` then copies the kept text
/// instead of reading every activity's fields back and laying its section out again (at a million
/// activities, most of what printing cost).
///
/// The store cannot print (RegistreReports and RegistreStore do not know each other): whoever opens it
/// gives the printing with the XML writer's fragments (``EntryFragmentRendering/printing``), as
/// `RegisterOfRecord` does. A section names other entries (its joint controllers and processors, by the
/// name of their organisation): the names it was printed with are kept beside it, and export copies a
/// kept section only while those organisations still bear those names.
public struct ActivityPrinting: Sendable {
    /// The version of the sections' layout: a section kept under another version is never copied, and is
    /// printed again from the activity's fields.
    public let version: Int
    /// The section of `activity` in `language`, naming each party (an organisation's id) by `name`.
    public let section: @Sendable (_ activity: ProcessingActivity, _ language: Language, _ name: (EntityID) -> String) -> [UInt8]

    /// - Parameters:
    ///   - version: the version of the sections' layout (`RegisterTextWriter.activityLayoutVersion`).
    ///   - section: the section of one activity in one language, as the printed register prints it
    ///     (`RegisterTextWriter.activitySection(_:language:name:)`).
    public init(version: Int, section: @escaping @Sendable (_ activity: ProcessingActivity, _ language: Language, _ name: (EntityID) -> String) -> [UInt8]) {
        self.version = version
        self.section = section
    }
}
