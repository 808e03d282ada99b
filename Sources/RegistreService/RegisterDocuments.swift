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
        try store.read { try register(from: $0, recordedBy: organisations) }
    }

    /// ``register(of:recordedBy:)`` inside a read transaction the caller holds. An activity recorded by
    /// several of the organisations (a joint controller's) is taken once, found by its id in a set.
    static func register(from reading: RegisterReading, recordedBy organisations: [EntityID]) throws -> Register {
        var register = Register()
        try reading.entries(only: Set(EntityKind.allCases).subtracting([.activity])) { register.append($0) }
        var seen: Set<EntityID> = [], taken: Set<EntityID> = []
        for organisation in organisations where seen.insert(organisation).inserted {
            guard register.organisation(organisation) != nil else { throw RegisterExports.Refusal.unknownOrganisation(organisation) }
            try reading.forEachActivity(recordedBy: organisation) { activity in
                if taken.insert(activity.id).inserted { register.append(.activity(activity)) }
            }
        }
        return register
    }

    /// The most activities ``wholeDocument(of:as:language:limit:)`` makes a document of by default: an
    /// OpenDocument or JSON-LD document is made in memory (a spreadsheet holds a sheet per activity), so a
    /// server making one for a browser is bounded; a larger register's is the command line's to make.
    public static let wholeRegisterLimit = 2_000

    /// A register too large for a document made in memory (``wholeDocument(of:as:language:limit:)``,
    /// ``structureDocument(of:structure:as:language:readable:limit:)``).
    public struct TooLarge: Error, Hashable, Sendable {
        /// How many activities the register holds.
        public var activities: Int
        /// How many the document is made for at most.
        public var limit: Int

        /// A refusal of a document of `activities` activities, made for `limit` at most.
        /// - Parameters:
        ///   - activities: how many activities the document would hold.
        ///   - limit: how many it is made for at most.
        public init(activities: Int, limit: Int) {
            self.activities = activities
            self.limit = limit
        }

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            LocalizedText(
                fr: "Ce document compterait \(activities) traitements : au-delà de \(limit), il se fait en ligne de commande (« registre export --format ods|odt|jsonld »).",
                en: "This document would hold \(activities) activities: beyond \(limit), it is made on the command line ('registre export --format ods|odt|jsonld').")
        }
    }

    /// The whole register of record in `format`: the bytes `registre export --db --format` writes, read in
    /// one read transaction, for a register of at most `limit` activities.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - format: the document's form.
    ///   - language: the language of the document.
    ///   - limit: the most activities the document is made for.
    /// - Throws: ``TooLarge`` beyond `limit` (counted before anything else is read); `StoreError`; what
    ///   ``bytes(of:as:language:)`` throws.
    public static func wholeDocument(of store: RegisterStore, as format: Format, language: Language, limit: Int = wholeRegisterLimit) throws -> [UInt8] {
        let register = try store.read { reading -> Register in
            var register = Register()
            try reading.entries(only: Set(EntityKind.allCases).subtracting([.activity])) { register.append($0) }
            let activities = try reading.activityCount()
            guard activities <= limit else { throw TooLarge(activities: activities, limit: limit) }
            var whole = Register()
            try reading.entries(only: Set(EntityKind.allCases)) { whole.append($0) }
            return whole
        }
        return try bytes(of: register, as: format, language: language)
    }

    /// The organisations whose registers a structure's document holds together (`export --members-of`):
    /// the structure, then each of its members that `register` holds, once.
    /// - Parameters:
    ///   - structure: the mutualisation structure.
    ///   - register: a register holding its organisations (every entry but the activities will do).
    public static func structureScope(_ structure: Organisation, in register: Register) -> [EntityID] {
        var seen: Set<EntityID> = [structure.id]
        return [structure.id] + structure.members.filter { seen.insert($0).inserted && register.organisation($0) != nil }
    }

    /// A structure's register and its members' together in `format`: the bytes `registre export --db
    /// --members-of STRUCTURE --format` writes (the whole register restricted to ``structureScope(_:in:)``),
    /// read in one read transaction, in which each organisation is checked against `readable`, and made for
    /// at most `limit` activities they record, as controllers or joint controllers (counted before the
    /// activities are read).
    /// - Parameters:
    ///   - store: the register of record.
    ///   - structure: the structure.
    ///   - format: the document's form.
    ///   - language: the language of the document.
    ///   - readable: whether the account asking may read an organisation's register.
    ///   - limit: the most activities the document is made for.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; ``AccessRefusal``; ``TooLarge``;
    ///   `StoreError`; what ``bytes(of:as:language:)`` throws.
    public static func structureDocument(
        of store: RegisterStore, structure: EntityID, as format: Format, language: Language, readable: (EntityID) -> Bool = { _ in true },
        limit: Int = wholeRegisterLimit
    ) throws -> [UInt8] {
        let register = try store.read { reading -> Register in
            var parties = Register()
            try reading.entries(only: Set(EntityKind.allCases).subtracting([.activity])) { parties.append($0) }
            guard let organisation = parties.organisation(structure) else { throw RegisterExports.Refusal.unknownOrganisation(structure) }
            let scope = structureScope(organisation, in: parties)
            if let refused = scope.first(where: { !readable($0) }) { throw AccessRefusal(EntityKey(.organisation, refused)) }
            let activities = try reading.activityCount(recordedBy: scope)
            guard activities <= limit else { throw TooLarge(activities: activities, limit: limit) }
            // Every entry in the register's order, the activities none of them records left out as they come
            // (the restriction would leave them out too): the same register as the whole one restricted.
            let members = Set(scope)
            var whole = Register()
            try reading.entries(only: Set(EntityKind.allCases)) { entry in
                if case .activity(let activity) = entry,
                   !members.contains(activity.controller), !activity.jointControllers.contains(where: { members.contains($0.organisation) }) {
                    return
                }
                whole.append(entry)
            }
            return whole.restricted(toAll: scope)
        }
        return try bytes(of: register, as: format, language: language)
    }

    /// One organisation's register of record in `format`: the bytes `registre export --db --controller`
    /// writes. The spreadsheet is `RegisterExports.spreadsheet(of:restrictedTo:progress:to:)`'s, the
    /// function `export --format ods` calls, written as the activities come.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; `StoreError`; what ``bytes(of:as:language:)`` throws.
    public static func document(
        of store: RegisterStore, restrictedTo organisation: EntityID, as format: Format, language: Language
    ) throws -> [UInt8] {
        if format == .ods {
            var bytes: [UInt8] = []
            try RegisterExports.spreadsheet(of: store, restrictedTo: organisation) { bytes += $0 }
            return bytes
        }
        return try bytes(of: register(of: store, recordedBy: [organisation]).restricted(to: organisation), as: format, language: language)
    }

    /// Each member's register of `structure` in `format`, as one zip archive of the files
    /// ``memberFiles(of:structure:as:language:)`` gives (the same names and bytes), written to disk one
    /// member at a time: memory holds every entry but the activities, one member's activities and one
    /// document. The structure, its members and their registers are read in one read transaction, and
    /// each member is checked there against `readable`.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - structure: the structure whose members are archived.
    ///   - format: the form of each member's document.
    ///   - language: the language of the documents.
    ///   - readable: whether the account asking may read an organisation's register.
    /// - Returns: the archive, for the caller to send and remove.
    /// - Throws: ``RegisterExports/Refusal/unknownOrganisation(_:)``; ``AccessRefusal`` for a member
    ///   `readable` refuses; `StoreError`; what the documents' writers throw.
    public static func memberArchive(
        of store: RegisterStore, structure: EntityID, as format: Format, language: Language,
        readable: (EntityID) -> Bool = { _ in true }
    ) throws -> MemberArchive {
        try store.read { reading in
            var parties = Register()
            try reading.entries(only: Set(EntityKind.allCases).subtracting([.activity])) { parties.append($0) }
            guard let organisation = parties.organisation(structure) else { throw RegisterExports.Refusal.unknownOrganisation(structure) }
            var seen: Set<EntityID> = []
            let members = organisation.members.filter { seen.insert($0).inserted && parties.organisation($0) != nil }
            if let refused = members.first(where: { !readable($0) }) { throw AccessRefusal(EntityKey(.organisation, refused)) }
            return MemberArchive(file: try FileArchive.zipFile { add in
                for member in members {
                    var register = parties
                    try reading.forEachActivity(recordedBy: member) { register.append(.activity($0)) }
                    try add("\(member).\(format.fileExtension)", try bytes(of: register.restricted(to: member), as: format, language: language))
                }
            })
        }
    }
}

/// The members' archive of ``RegisterDocuments/memberArchive(of:structure:as:language:readable:)``, a zip
/// file its caller sends, held open with its name already removed from the disk: nothing of it is left once
/// it is released, sent or not.
public struct MemberArchive: Sendable {
    let file: ArchiveFile

    /// Hands the archive's bytes over in chunks of at most 64 KiB, in order.
    /// - Parameter body: takes each chunk.
    /// - Throws: the file's read error; what `body` throws.
    public func forEachChunk(_ body: ([UInt8]) throws -> Void) throws { try file.forEachChunk(body) }

    /// The whole archive, for a caller that keeps it in memory (tests).
    /// - Throws: the file's read error.
    public func bytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk { bytes += $0 }
        return bytes
    }

    /// Removes the archive from the disk.
    public func remove() { file.remove() }
}
