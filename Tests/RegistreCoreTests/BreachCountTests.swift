import Foundation
import RegistreCore
import Testing

@Suite("Counts of people and records: exact, approximate or unknown, never negative")
struct BreachCountTests {
    @Test("what a DPO types", arguments: [
        ("120", "120"), ("about 120", "about 120"), ("environ 120", "about 120"), ("~120", "about 120"),
        ("100-150", "100-150"), ("100..150", "100-150"), ("100 à 150", "100-150"), ("unknown", "unknown"),
        ("inconnu", "unknown"), ("0", "0"), ("2 400", "2400"), ("environ 2\u{202F}400", "about 2400"), ("1,500-2,000", "1500-2000"),
    ])
    func parsing(text: String, expected: String) throws {
        #expect(try Count(parsing: text).description == expected)
    }

    @Test("refused: negative, reversed range, words", arguments: [
        ("-5", Count.Refusal.negative(-5)), ("about -3", .negative(-3)), ("150-100", .emptyRange(150, 100)),
        ("a few dozen", .unreadable("a few dozen")), ("", .unreadable("")), ("2,4", .unreadable("2,4")),
    ])
    func refused(text: String, refusal: Count.Refusal) {
        #expect(throws: refusal) { try Count(parsing: text) }
    }

    @Test("the initialisers refuse a negative number")
    func initialisers() {
        #expect(throws: Count.Refusal.negative(-1)) { try Count(exactly: -1) }
        #expect(throws: Count.Refusal.negative(-1)) { try Count(about: -1) }
        #expect(throws: Count.Refusal.negative(-1)) { try Count(from: -1, to: 3) }
        #expect(throws: Never.self) { try Count(from: 3, to: 3) }
    }

    @Test("the stored form: an exact count is the bare number registers always had; the others say their precision")
    func storedForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(Count(integerLiteral: 120)), as: UTF8.self) == "120")
        #expect(String(decoding: try encoder.encode(try Count(from: 10, to: 20)), as: UTF8.self) == #"{"precision":"range","upperBound":20,"value":10}"#)
        for count in [Count.unknown, try Count(about: 40), try Count(from: 1, to: 9), 7] {
            #expect(try JSONDecoder().decode(Count.self, from: encoder.encode(count)) == count)
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Count.self, from: Data("-5".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Count.self, from: Data(#"{"precision":"about","value":-5}"#.utf8)) }
    }

    @Test("a breach stored before counts could be approximate still reads")
    func oldStoredBreach() throws {
        let json = #"{"id":"b","title":"t","controller":"c","aware":0,"nature":["availability"],"dataSubjectCategories":[],"approximateSubjects":40,"dataCategories":[],"measures":[],"activities":[],"notifications":[]}"#
        let breach = try JSONDecoder().decode(Breach.self, from: Data(json.utf8))
        #expect(breach.subjects == 40)
        #expect(breach.encryption == nil && breach.observedConsequences == nil)
    }
}
