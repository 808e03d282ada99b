public import Foundation
public import RegistreCore
import RegistreDocuments
public import RegistreReports
public import RegistreStore
import RegistreXML

/// The documents of the requests of the people, written once for `registre request document|register`
/// and the desk's downloads: the letters about one request (`RequestLetter`: the acknowledgement of
/// receipt, the answer), as text or ODT; and the register of requests (`RequestRegister`), as text, XML
/// or ODS, drawn up from the register one entry at a time.
public enum RequestDocuments {
    /// The forms of a letter.
    public enum LetterFormat: String, CaseIterable, Hashable, Sendable {
        /// Text, folded at the width of a page.
        case text
        /// An OpenDocument text.
        case odt

        /// The file name's extension.
        public var fileExtension: String { self == .text ? "txt" : rawValue }
        /// The media type of the file.
        public var mediaType: String { self == .text ? "text/plain; charset=utf-8" : "application/vnd.oasis.opendocument.text" }
    }

    /// The forms of the register of requests.
    public enum RegisterFormat: String, CaseIterable, Hashable, Sendable {
        /// Text: a line per request, then the counts.
        case text
        /// A `<request-register>` document of the register schema.
        case xml
        /// An OpenDocument spreadsheet: a sheet of requests, a sheet of counts.
        case ods

        /// The file name's extension.
        public var fileExtension: String { self == .text ? "txt" : rawValue }
        /// The media type of the file.
        public var mediaType: String {
            switch self {
            case .text: "text/plain; charset=utf-8"
            case .xml: "application/xml"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            }
        }
    }

    /// The letter `kind` about `request` in `format`: the bytes `registre request document` writes.
    /// - Parameters:
    ///   - kind: the acknowledgement of receipt or the answer.
    ///   - request: the request.
    ///   - register: holds its controller and the activities it names (`register(around:)` of the request).
    ///   - format: text or ODT.
    ///   - now: the moment the letter is drafted at.
    ///   - language: the language of the letter.
    /// - Throws: `OpenDocumentError` when the ODT cannot be written.
    public static func letter(
        _ kind: RequestLetter.Kind, of request: DataSubjectRequest, in register: Register, as format: LetterFormat, now: Date, language: Language
    ) throws -> [UInt8] {
        switch format {
        case .text: Array(RequestLetter.render(kind, of: request, in: register, now: now, language: language).utf8)
        case .odt: try OpenDocumentExport.requestLetter(kind, of: request, in: register, now: now, language: language)
        }
    }

    /// The name of the letter's file: `reponse-ID.odt`.
    /// - Parameters:
    ///   - kind: the letter.
    ///   - request: the request's id.
    ///   - format: the letter's form.
    public static func letterFileName(_ kind: RequestLetter.Kind, of request: EntityID, as format: LetterFormat) -> String {
        "\(kind.fileStem)-\(request).\(format.fileExtension)"
    }

    /// The register of requests in `scope` at `now`, drawn up from `entries` one at a time and handed to
    /// `sink` as it is written (text and XML; the spreadsheet, a zip, written to a file that only the
    /// process holds as the requests come, then handed over from that file): memory does not grow with
    /// the register in any format.
    /// - Parameters:
    ///   - entries: the register, in the order of the format (organisations before requests).
    ///   - scope: whose requests.
    ///   - format: text, XML or ODS.
    ///   - language: the language of the words (text, ODS).
    ///   - now: the moment the clocks are read at.
    ///   - admitted: whether a request may be shown (the desk's account may read it).
    ///   - sink: takes the document's bytes, in order.
    /// - Throws: `RequestRegister.UnknownScope` (before anything is written); what `entries`, the
    ///   writers or `sink` throw.
    public static func register(
        from entries: any RegisterCursor, scope: RequestRegister.Scope, as format: RegisterFormat, language: Language, now: Date,
        admitted: (DataSubjectRequest) -> Bool = { _ in true }, to sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        var register = RequestRegister(scope: scope, now: now)
        switch format {
        case .text:
            var pending: [UInt8] = []
            var started = false
            try entries.forEach { entry in
                guard let row = try register.take(entry, admitted: admitted) else { return }
                if !started { pending += Array(RequestRegisterText.heading(register, language: language).utf8); started = true }
                pending += Array(RequestRegisterText.line(row, now: now).utf8)
                if pending.count >= 1 << 16 { try sink(pending); pending = [] }
            }
            try register.settle()
            if !started { pending += Array(RequestRegisterText.heading(register, language: language).utf8) }
            try sink(pending + Array(RequestRegisterText.counts(register, language: language).utf8))
        case .xml:
            let writer = try RequestRegisterWriter(sink: sink)
            try entries.forEach { entry in
                if let row = try register.take(entry, admitted: admitted) { try writer.write(row, of: register) }
            }
            try register.settle()
            try writer.finish(register)
        case .ods:
            // Written to the disk as the requests come, then handed over from there: 53 MB at the peak for
            // 10,000 as for 100,000 requests (debug build, measured), where the package made in memory
            // took 390 MB at 100,000.
            let file = try RequestRegisterSpreadsheet.file(language: language, now: now) { add in
                try entries.forEach { entry in
                    if let row = try register.take(entry, admitted: admitted) { try add(row) }
                }
                try register.settle()
                return register
            }
            defer { file.remove() }
            try file.forEachChunk(sink)
        }
    }

    /// ``register(from:scope:as:language:now:admitted:to:)`` from the register of record: its
    /// organisations and requests only, read in one read transaction, in the order of the format.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - scope: whose requests.
    ///   - format: text, XML or ODS.
    ///   - language: the language of the words (text, ODS).
    ///   - now: the moment the clocks are read at.
    ///   - admitted: whether a request may be shown (the desk's account may read it).
    ///   - sink: takes the document's bytes, in order.
    /// - Throws: as ``register(from:scope:as:language:now:admitted:to:)``; `StoreError`.
    public static func register(
        of store: RegisterStore, scope: RequestRegister.Scope, as format: RegisterFormat, language: Language, now: Date,
        admitted: (DataSubjectRequest) -> Bool = { _ in true }, to sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        try store.withEntries(only: [.organisation, .request]) { cursor in
            try register(from: cursor, scope: scope, as: format, language: language, now: now, admitted: admitted, to: sink)
        }
    }
}
