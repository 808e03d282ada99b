import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// A register file as a cursor (issue 11): the caller pulls the entries, may stop at any one, and meets
/// the file's problems where it calls `next()`.
@Suite("Register files as cursors")
struct RegisterCursorXMLTests {
    static let header = #"<?xml version="1.0" encoding="UTF-8"?>"#

    static func document(_ body: String) -> [UInt8] {
        Array("""
        \(header)
        <register xmlns="urn:registre:1" version="1.0">
        \(body)
        </register>
        """.utf8)
    }

    static let organisation = #"<organisation id="commune"><name>Commune</name></organisation>"#

    @Test("a cursor gives the entries a whole read gives, in order, then nil, and nil again")
    func sameAsRead() throws {
        let entries = try RegisterReader.cursor(file: Repository.suiteTerritoriale)
        let read = try Register(entries)
        let whole = try RegisterReader.read(file: Repository.suiteTerritoriale)
        #expect(read == whole)
        #expect(try entries.next() == nil)
        #expect(try entries.next() == nil)
    }

    @Test("a caller may stop early: the cursor dropped after two entries, the next read of the file is whole")
    func stopEarly() throws {
        var firstTwo: [RegisterEntry] = []
        do {
            let entries = try RegisterReader.cursor(file: Repository.suiteTerritoriale)
            while firstTwo.count < 2, let entry = try entries.next() { firstTwo.append(entry) }
        }
        let whole = try RegisterReader.read(file: Repository.suiteTerritoriale)
        #expect(firstTwo.map(\.key) == whole.entries.prefix(2).map(\.key))
    }

    @Test("two cursors read in turns on one thread keep their own diagnostics")
    func interleaved() throws {
        let good = try RegisterReader.cursor(file: Repository.suiteTerritoriale)
        let bad = try RegisterReader.cursor(bytes: Self.document(Self.organisation + "<activity/>"), name: "bad.xml")
        var goodCount = 0
        var badError: RegisterReadError?
        var goodDone = false
        var badDone = false
        while !goodDone || !badDone {
            if !goodDone { if try good.next() == nil { goodDone = true } else { goodCount += 1 } }
            if !badDone {
                do { if try bad.next() == nil { badDone = true } } catch { badError = error; badDone = true }
            }
        }
        let whole = try RegisterReader.read(file: Repository.suiteTerritoriale)
        #expect(goodCount == whole.entries.count)
        let error = try #require(badError)
        #expect(error.diagnostics.allSatisfy { $0.file == "bad.xml" })
    }

    @Test("a problem found at the end is thrown where the caller asks for the next entry, after the entries before it")
    func errorAtTheEnd() throws {
        // The last activity names a controller the register does not hold: known only once the file is read.
        var text = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        let last = try #require(text.range(of: #"<controller ref="mende"/>"#, options: .backwards))
        text.replaceSubrange(last, with: #"<controller ref="nulle-part"/>"#)
        let entries = try RegisterReader.cursor(bytes: Array(text.utf8), name: "late.xml")
        var handed = 0
        let error = try #require(throws: RegisterReadError.self) {
            while try entries.next() != nil { handed += 1 }
        }
        #expect(handed > 10, "the entries before the end are handed over")
        #expect(error.description.contains("late.xml") && error.description.contains("nulle-part"))
        #expect(try entries.next() == nil)
    }

    @Test("a caller's own error stops forEach and comes out unchanged")
    func callersError() throws {
        struct Enough: Error {}
        let entries = try RegisterReader.cursor(file: Repository.suiteTerritoriale)
        var seen = 0
        #expect(throws: Enough.self) {
            try entries.forEach { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
    }

    @Test("a file that cannot be opened is refused when the cursor is made")
    func missingFile() {
        #expect(throws: RegisterReadError.self) { try RegisterReader.cursor(file: "/nonexistent/register.xml") }
    }
}
