public import RegistreCore
import RegistreDocuments
import RegistreReports
public import RegistreStore
import RegistreXML

/// The register as the documents DPOs exchange — OpenDocument spreadsheet and text, JSON-LD — beside XML
/// and text, written once for `registre export` and the desk's downloads; and one document per member of
/// a structure (`export --each-member`), which the desk hands over as one archive.
public enum RegisterDocuments {
    /// The forms of a register document.
    public enum Format: String, CaseIterable, Hashable, Sendable {
        /// registre's XML.
        case xml
        /// The printed register.
        case text
        /// A spreadsheet in the CNIL model's layout, which `registre import` reads back.
        case ods
        /// The printed register as an OpenDocument text.
        case odt
        /// The register and its breaches in the W3C Data Privacy Vocabulary.
        case jsonld

        /// The file name's extension.
        public var fileExtension: String { self == .text ? "txt" : rawValue }

        /// The media type of the file.
        public var mediaType: String {
            switch self {
            case .xml: "application/xml"
            case .text: "text/plain; charset=utf-8"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .jsonld: "application/ld+json"
            }
        }
    }

    /// `register` in `format`: the bytes `registre export --format` writes for it.
    /// - Throws: `XMLWriteError`, `OpenDocumentError`, or JSON serialisation's error when a document cannot be written.
    public static func bytes(of register: Register, as format: Format, language: Language) throws -> [UInt8] {
        switch format {
        case .xml: try RegisterWriter.bytes(of: register)
        case .text: Array(RegisterTextReport.render(register, language: language).utf8)
        case .ods: try OpenDocumentExport.spreadsheet(register)
        case .odt: try OpenDocumentExport.text(register, language: language)
        case .jsonld: try RegisterJSONLD.bytes(of: register)
        }
    }

    /// One file per member of `structure`, named `MEMBER.EXT`, each what `--controller MEMBER` gives, in the
    /// order of the structure's members (a member named twice, or that the register lacks, once or not at all).
    /// - Throws: what ``bytes(of:as:language:)`` throws.
    public static func memberFiles(
        of register: Register, structure: Organisation, as format: Format, language: Language
    ) throws -> [(name: String, bytes: [UInt8])] {
        var seen: Set<EntityID> = []
        return try structure.members.filter { seen.insert($0).inserted && register.organisation($0) != nil }.map { member in
            (name: "\(member).\(format.fileExtension)", bytes: try bytes(of: register.restricted(to: member), as: format, language: language))
        }
    }

    /// The register of record restricted to the organisations named, each as `register.restricted(to:)`
    /// would give it from the whole register: every entry but the activities, and the activities each
    /// organisation records (through the index on controllers), read in one read transaction.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; `StoreError`.
    public static func register(of store: RegisterStore, recordedBy organisations: [EntityID]) throws -> Register {
        try store.read { reading in
            var register = Register()
            try reading.entries(only: Set(EntityKind.allCases).subtracting([.activity])) { register.append($0) }
            var seen: Set<EntityID> = []
            for organisation in organisations where seen.insert(organisation).inserted {
                guard register.organisation(organisation) != nil else { throw RegisterExports.Refusal.unknownOrganisation(organisation) }
                try reading.forEachActivity(recordedBy: organisation) { activity in
                    if !register.activities.contains(where: { $0.id == activity.id }) { register.append(.activity(activity)) }
                }
            }
            return register
        }
    }

    /// One organisation's register of record in `format`: the bytes `registre export --db --controller`
    /// writes.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; `StoreError`; what ``bytes(of:as:language:)`` throws.
    public static func document(
        of store: RegisterStore, restrictedTo organisation: EntityID, as format: Format, language: Language
    ) throws -> [UInt8] {
        try bytes(of: register(of: store, recordedBy: [organisation]).restricted(to: organisation), as: format, language: language)
    }

    /// Each member's register of `structure` in `format`, as one zip archive of ``memberFiles(of:structure:as:language:)``.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; `StoreError`; what the documents' writers throw.
    public static func memberArchive(
        of store: RegisterStore, structure: EntityID, as format: Format, language: Language
    ) throws -> [UInt8] {
        let members = try store.read { reading -> [EntityID] in
            guard case .organisation(let organisation)? = try reading.entry(EntityKey(.organisation, structure)) else {
                throw RegisterExports.Refusal.unknownOrganisation(structure)
            }
            return organisation.members
        }
        let register = try register(of: store, recordedBy: [structure] + members)
        guard let organisation = register.organisation(structure) else { throw RegisterExports.Refusal.unknownOrganisation(structure) }
        return try FileArchive.zip(memberFiles(of: register, structure: organisation, as: format, language: language))
    }
}
