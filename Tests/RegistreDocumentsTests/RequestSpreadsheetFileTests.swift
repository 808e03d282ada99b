import Foundation
import RegistreCore
@testable import RegistreDocuments
import RegistreReports
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

/// The register of requests' spreadsheet written to the disk as its requests come (issue 26: memory holds
/// a row, not the sheet) is the spreadsheet made in memory, byte for byte, hostile values included.
@Suite("The register of requests as a spreadsheet written as its rows come")
struct RequestSpreadsheetFileTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static let now = DeadlineCalculator().start(of: day("2025-03-10"))

    static func register(person: String = "dossier 2025-015") -> Register {
        var register = Register(organisations: [
            Organisation(id: "mende", name: "Commune de Mende", isPublicBody: true, country: "FR"),
            Organisation(id: "florac", name: "Commune de Florac", isPublicBody: true, country: "FR"),
            Organisation(id: "causses", name: "Syndicat des Causses", isPublicBody: true, country: "FR", members: ["mende", "florac"]),
        ])
        register.requests = [
            DataSubjectRequest(
                id: "request-20250131-1", controller: "mende", person: "dossier 2025-014",
                receipt: RequestReceipt(day: day("2025-01-31"), channel: .letter), rights: [.access],
                answer: RequestAnswer(sent: day("2025-02-20"), outcome: .granted)),
            DataSubjectRequest(
                id: "request-20250203-1", controller: "florac", person: person,
                receipt: RequestReceipt(day: day("2025-02-03"), channel: .email), rights: [.erasure, .objection]),
        ]
        return register
    }

    /// The register of the structure and its members drawn up twice from the same entries: made in
    /// memory, and written to the disk.
    static func drawn(_ register: Register, language: Language) throws -> (memory: Spreadsheet, memoryBytes: [UInt8], file: [UInt8]) {
        var inMemory = RequestRegister(scope: .membersOf("causses"), now: now)
        var spreadsheet = RequestRegisterSpreadsheet(language: language)
        for entry in register.entries {
            if let row = try inMemory.take(entry) { spreadsheet.add(row, now: now) }
        }
        try inMemory.settle()
        let file = try RequestRegisterSpreadsheet.file(language: language, now: now) { add in
            var streamed = RequestRegister(scope: .membersOf("causses"), now: now)
            for entry in register.entries {
                if let row = try streamed.take(entry) { try add(row) }
            }
            try streamed.settle()
            return streamed
        }
        defer { file.remove() }
        var bytes: [UInt8] = []
        try file.forEachChunk { bytes += $0 }
        return (spreadsheet.spreadsheet(inMemory), try spreadsheet.bytes(inMemory), bytes)
    }

    /// The sheets of an ODS package, read back by registre's own reader.
    static func sheets(of ods: [UInt8]) throws -> Spreadsheet {
        let files = try FileArchive.files(in: ods)
        #expect(files.map(\.name) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        let content = try #require(files.first { $0.name == "content.xml" })
        return try SpreadsheetReader().read(content: content.bytes, name: "demandes.ods")
    }

    static func expectSameCells(_ read: Spreadsheet, _ made: Spreadsheet) {
        #expect(read.sheets.map(\.name) == made.sheets.map(\.name))
        for (readSheet, madeSheet) in zip(read.sheets, made.sheets) {
            #expect(readSheet.rows.count == madeSheet.rows.count)
            for (row, cells) in madeSheet.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let found = readSheet.cell(row: row, column: column)
                    #expect(found.text == cell.text && found.date == cell.date, "\(madeSheet.name) \(row) \(column)")
                }
            }
        }
    }

    @Test("in both languages the file's bytes are the in-memory package's, and its cells the register's: a row per request, days as dates, the counts per organisation")
    func sameBytes() throws {
        for language in Language.allCases {
            let (made, memoryBytes, file) = try Self.drawn(Self.register(), language: language)
            #expect(file == memoryBytes)
            let read = try Self.sheets(of: file)
            Self.expectSameCells(read, made)
            #expect(read.sheets[0].rows.count == 3)
            #expect(read.sheets[0].cell(row: 1, column: 0).text == "request-20250131-1")
            #expect(read.sheets[0].cell(row: 1, column: 3).date == "2025-01-31")
            #expect(read.sheets[1].rows[0].map(\.text).contains("Commune de Florac"))
        }
    }

    @Test("a hostile person's reference (control characters, ']]>', markup, 200,000 characters) is the same cell in the file as in memory")
    func hostile() throws {
        let person = "]]><table:table-row>&amp;\u{1}\u{7}\u{1B}[31m\u{7F}\u{200B}\u{FEFF}\t\r\n" + String(repeating: "é", count: 200_000) + "]]>"
        let (made, memoryBytes, file) = try Self.drawn(Self.register(person: person), language: .fr)
        #expect(file == memoryBytes)
        let read = try Self.sheets(of: file)
        Self.expectSameCells(read, made)
        let shown = read.sheets[0].cell(row: 2, column: 2).text
        #expect(shown.hasPrefix("]]><table:table-row>&amp;") && shown.hasSuffix("]]>"))
        #expect(shown.count > 200_000)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("a register that cannot be read: its error comes out and no file is made")
    func failed() {
        struct Unreadable: Error {}
        #expect(throws: Unreadable.self) {
            try RequestRegisterSpreadsheet.file(language: .fr, now: Self.now) { _ in throw Unreadable() }
        }
    }

    @Test("the file is held by its open descriptor only: its name is removed before it is read")
    func unlinked() throws {
        let file = try RequestRegisterSpreadsheet.file(language: .en, now: Self.now) { _ in
            var register = RequestRegister(scope: .whole, now: Self.now)
            try register.settle()
            return register
        }
        defer { file.remove() }
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(file.handle.fileDescriptor)")
        #expect(target.contains("registre-archive-") && target.hasSuffix("(deleted)"), "\(target)")
    }
}

/// The streamed spreadsheet opened by LibreOffice without a display.
@Suite("The streamed register of requests in LibreOffice", .tags(.libreOffice), .enabled(if: LibreOffice.isInstalled, "soffice is not installed (scripts/setup installs it)"))
struct RequestSpreadsheetFileLibreOfficeTests {
    @Test("the spreadsheet written to the disk opens, its requests and counts shown, the hostile reference included")
    func opens() throws {
        let folder = try ScratchDirectory()
        let (_, _, file) = try RequestSpreadsheetFileTests.drawn(RequestSpreadsheetFileTests.register(person: "]]>\u{7}<b>dossier</b>"), language: .fr)
        let ods = folder.path("demandes.ods")
        try Data(file).write(to: URL(fileURLWithPath: ods))
        let run = try LibreOffice.convert([ods], to: #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"#, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let csv = try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).filter { $0.hasSuffix(".csv") }
            .map { try String(contentsOf: folder.url.appending(path: "out").appending(path: $0), encoding: .utf8) }.joined()
        #expect(csv.contains("request-20250131-1"))
        #expect(csv.contains("]]>"))
        #expect(csv.contains("<b>dossier</b>"))
        #expect(csv.contains("Commune de Florac"))
    }
}
