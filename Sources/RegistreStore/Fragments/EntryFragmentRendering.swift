public import RegistreCore

/// How an entry's XML is made, for the register of record to keep it beside the entry's fields: export
/// then copies the kept XML instead of rebuilding every value from its fields.
///
/// The store cannot write XML itself (RegistreXML and RegistreStore do not know each other): whoever
/// opens it gives the XML writer's fragments, as the `registre` command and the desk do, the same way
/// they give the reader's checks as an ``EntryValidator``. A store opened without it keeps no XML, and
/// export renders those entries from their fields.
public struct EntryFragmentRendering: Sendable {
    /// The version of the fragments' format: a fragment kept under another version is never used, and
    /// is rendered again from its fields.
    public let version: Int
    /// The entry's XML as it stands in a register document, or nil for an entry whose XML depends on
    /// other entries (a breach is written on its controller's time zone) and so cannot be kept with it.
    public let fragment: @Sendable (RegisterEntry) throws -> [UInt8]?
    /// How each activity's section of the printed register is made, to keep it beside the activity in
    /// each language; nil: none is kept, and the printed register lays every activity out from its fields.
    public let printing: ActivityPrinting?

    /// - Parameters:
    ///   - version: the version of the fragments' format (`RegisterFragment.version`).
    ///   - printing: how an activity's section of the printed register is made, to keep it too.
    ///   - fragment: the XML of one entry (`RegisterFragment.bytes(of:)`).
    public init(version: Int, printing: ActivityPrinting? = nil, fragment: @escaping @Sendable (RegisterEntry) throws -> [UInt8]?) {
        self.version = version
        self.printing = printing
        self.fragment = fragment
    }
}

/// The XML kept for one entry, with the version of the format it was written in, and for an activity
/// its printed sections.
struct KeptFragment: Sendable {
    var version: Int
    var bytes: [UInt8]
    /// An activity's sections of the printed register, when the rendering prints them.
    var printed: KeptPrintedText?

    /// The fragment `rendering` makes for `entry`, or nil when there is no rendering or the entry has none;
    /// an activity's printed sections name its parties as `names` finds them, in the transaction writing it.
    init?(of entry: RegisterEntry, by rendering: EntryFragmentRendering?, names: OrganisationNames) throws {
        guard let rendering, let bytes = try rendering.fragment(entry) else { return nil }
        version = rendering.version
        self.bytes = bytes
        if case .activity(let activity) = entry, let printing = rendering.printing {
            printed = try KeptPrintedText(of: activity, by: printing, names: names)
        }
    }
}
