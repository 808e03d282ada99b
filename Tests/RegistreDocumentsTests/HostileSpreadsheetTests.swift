import Foundation
import RegistreDocuments
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing
import ZIPFoundation

/// Spreadsheets made to hurt: each is refused with a located message, or read in bounded memory.
@Suite("Hostile spreadsheets")
struct HostileSpreadsheetTests {
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"><office:body><office:spreadsheet>
        """
    static let tail = "</office:spreadsheet></office:body></office:document-content>"

    static func content(_ tables: String) -> [UInt8] { Array((head + tables + tail).utf8) }

    /// An ODS file around `content`, zipped as a spreadsheet application would.
    static func ods(_ content: Data, in folder: ScratchDirectory, mimetype: String = "application/vnd.oasis.opendocument.spreadsheet") throws -> String {
        let path = folder.path("hostile.ods")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in [("mimetype", Data(mimetype.utf8)), ("content.xml", content)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    @Test("a zip bomb: content.xml inflating past the limit is refused before it fills memory", .tags(.slow), .skippedInQuickRuns)
    func zipBomb() throws {
        let folder = try ScratchDirectory()
        var content = Data(HostileSpreadsheetTests.head.utf8)
        content.append(Data(repeating: 0x20, count: 80 << 20))
        content.append(Data(HostileSpreadsheetTests.tail.utf8))
        let path = try HostileSpreadsheetTests.ods(content, in: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count < 1 << 20)
        #expect {
            try CNILModelReader.read(file: path)
        } throws: { error in
            "\(error)".contains("zip bomb") && "\(error)".contains(path)
        }
    }

    @Test("not a spreadsheet: a zip of another kind, or no zip at all, is refused")
    func notASpreadsheet() throws {
        let folder = try ScratchDirectory()
        let text = try HostileSpreadsheetTests.ods(Data(HostileSpreadsheetTests.content("")), in: folder, mimetype: "application/vnd.oasis.opendocument.text")
        #expect { try CNILModelReader.read(file: text) } throws: { "\($0)".contains("not an OpenDocument spreadsheet") }
        let plain = try folder.write("hello", to: "plain.ods")
        #expect { try CNILModelReader.read(file: plain) } throws: { "\($0)".contains("not an OpenDocument spreadsheet") }
    }

    @Test("a million empty rows cost a counter: the sheet is read, its empty tail is not kept")
    func millionEmptyRows() throws {
        let content = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom du traitement</text:p></table:table-cell></table:table-row>\
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>
            """)
        let spreadsheet = try SpreadsheetReader().read(content: content, name: "rows.ods")
        #expect(spreadsheet.sheets[0].rows.count == 1)
    }

    @Test("content after a million empty rows, or a row with content repeated a million times, is refused with its cell")
    func contentFarAway() throws {
        let far = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>\
            <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: far, name: "far.ods") } throws: { "\($0)".contains("Feuille 3!A1000001") }
        let repeated = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: repeated, name: "rep.ods") } throws: { "\($0)".contains("Feuille 3!A1") }
        let wide = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: wide, name: "wide.ods") } throws: { "\($0)".contains("Feuille 3!A1") }
    }

    /// Issue 22: a repeat of `Int.max` ended `import` with an arithmetic-overflow trap.
    static let intMax = "9223372036854775807"

    @Test("empty rows and cells repeated Int.max times cost a counter: the sheet is read, nothing traps")
    func intMaxEmptyRepeats() throws {
        let content = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>            <table:table-cell table:number-columns-repeated="\(Self.intMax)"/><table:table-cell table:number-columns-repeated="\(Self.intMax)"/></table:table-row>            <table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell table:number-columns-repeated="\(Self.intMax)"/></table:table-row>            <table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell/></table:table-row></table:table>            <table:table table:name="Feuille2"><table:table-row table:number-rows-repeated="99999999999999999999999"><table:table-cell/></table:table-row></table:table>
            """)
        let spreadsheet = try SpreadsheetReader().read(content: content, name: "max.ods")
        #expect(spreadsheet.sheets.map(\.name) == ["Feuille1", "Feuille2"])
        #expect(spreadsheet.sheets[0].rows == [[Spreadsheet.Cell("Nom")]])
        #expect(spreadsheet.sheets[1].rows.isEmpty)
    }

    @Test("content after Int.max empty rows or cells is refused with its file, sheet and place, and what is expected")
    func intMaxThenContent() throws {
        let below = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell/></table:table-row>            <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: below, name: "below.ods") } throws: { error in
            let text = "\(error)"
            return text.contains("below.ods") && text.contains("Feuille 3!A9223372036854775808") && text.contains("up to row 65536")
        }
        let right = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row><table:table-cell table:number-columns-repeated="\(Self.intMax)"/>            <table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: right, name: "right.ods") } throws: { error in
            "\(error)".contains("right.ods") && "\(error)".contains("Feuille 3!") && "\(error)".contains("up to column IV")
        }
        let repeated = HostileSpreadsheetTests.content("""
            <table:table table:name="Feuille 3"><table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell table:number-columns-repeated="\(Self.intMax)" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: repeated, name: "rep.ods") } throws: { "\($0)".contains("Feuille 3!A1") }
    }

    @Test("an import of an ODS with an Int.max repeat ends in a located refusal, not a trap")
    func intMaxThroughTheModelReader() throws {
        let folder = try ScratchDirectory()
        let content = HostileSpreadsheetTests.content("""
            <table:table table:name="Registre"><table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell/></table:table-row>            <table:table-row table:number-rows-repeated="\(Self.intMax)"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        let path = try HostileSpreadsheetTests.ods(Data(content), in: folder)
        #expect { try CNILModelReader.read(file: path) } throws: { "\($0)".contains(path) && "\($0)".contains("Registre!A9223372036854775808") }
    }

    @Test("a repeat count that is not a positive whole number is refused with its place", arguments: ["-1", "0", "abc", "1e3", ""])
    func badCount(_ count: String) throws {
        let content = HostileSpreadsheetTests.content("""
            <table:table table:name="F"><table:table-row table:number-rows-repeated="\(count)"><table:table-cell/></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: content, name: "count.ods") } throws: { "\($0)".contains("F!A1") && "\($0)".contains("positive whole number") }
    }

    @Test("the cells kept are bounded in all, however many rows of repeated content the sheets hold")
    func cellBudget() throws {
        let row = "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell table:number-columns-repeated=\"200\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>"
        let content = HostileSpreadsheetTests.content("<table:table table:name=\"F\">" + String(repeating: row, count: 10) + "</table:table>")
        #expect { try SpreadsheetReader().read(content: content, name: "many.ods") } throws: { "\($0)".contains("cells") && "\($0)".contains("many.ods") }
    }

    @Test("a cell inside a paragraph, a row outside any sheet: refused or read, never a trap")
    func misplacedElements() throws {
        let nested = HostileSpreadsheetTests.content("""
            <table:table table:name="F"><table:table-row><table:table-cell><text:p>a<table:table-cell>b</table:table-cell>c</text:p></table:table-cell></table:table-row></table:table>
            """)
        // The inner cell is not the outer one's text, and leaves it without a paragraph to add to.
        #expect(try SpreadsheetReader().read(content: nested, name: "nested.ods").sheets[0].rows.isEmpty)
        let outside = HostileSpreadsheetTests.content("""
            <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
            """)
        #expect { try SpreadsheetReader().read(content: outside, name: "outside.ods") } throws: { "\($0)".contains("outside any sheet") }
    }

    @Test("columns are named as spreadsheets name them, up to Int.max")
    func columnNames() {
        #expect([0, 25, 26, 27, 701, 702, 16383].map(Spreadsheet.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"])
        #expect(Spreadsheet.columnName(.max).count == 14)
        #expect(Spreadsheet.reference(sheet: "F", row: .max, column: 0) == "F!A9223372036854775808")
    }

    @Test("an external reference is refused with its place; nothing is fetched")
    func externalReference() throws {
        let content = HostileSpreadsheetTests.content("""
            <table:table table:name="Liens"><table:table-source xlink:href="file:///etc/passwd" table:table-name="x"/>\
            <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        #expect { try SpreadsheetReader().read(content: content, name: "link.ods") } throws: { error in
            "\(error)".contains("Liens!A1") && "\(error)".contains("file:///etc/passwd")
        }
    }

    @Test("a formula where the register reads a value is refused with its cell; the model's help links are not values")
    func formula() throws {
        var spreadsheet = try CNILModelReader.spreadsheet(file: cnilModel)
        let index = try #require(spreadsheet.sheets.firstIndex { $0.name == "4_-_Exemple_de_fiche" })
        // The CNIL's own file has HYPERLINK formulas in its help column: read without complaint.
        #expect(spreadsheet.sheets[index].rows.contains { $0.contains { $0.formula != nil } })
        spreadsheet.sheets[index].rows[14][1].formula = "of:=[.B4]"
        #expect {
            try CNILModelReader.read(spreadsheet, name: "formula.ods", keepExample: true)
        } throws: { error in
            "\(error)".contains("4_-_Exemple_de_fiche!B15") && "\(error)".contains("formula")
        }
    }

    @Test("a DOCTYPE in content.xml is refused: no entity is ever expanded")
    func doctype() throws {
        let content = Array(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + HostileSpreadsheetTests.head.dropFirst(38) + HostileSpreadsheetTests.tail).utf8)
        #expect(throws: RegisterReadError.self) { try SpreadsheetReader().read(content: content, name: "dtd.ods") }
    }
}
