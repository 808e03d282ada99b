import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// The register's review period set in the file (issue 25; Art. 24(1), three years by default).
@Suite("The register's review period in the file")
struct ReviewPeriodXMLTests {
    static func register(title: String?, period: PeriodLength?) -> Register {
        var register = CompleteRegister.register
        register.title = title
        register.reviewPeriod = period
        return register
    }

    @Test("written after the title, read back equal by the reader and the cursor, written again to the same bytes, valid for xmllint",
          arguments: [Optional("Registre de la commune"), nil])
    func roundTrip(title: String?) throws {
        let register = Self.register(title: title, period: PeriodLength(18, .months))
        let bytes = try RegisterWriter.bytes(of: register)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"<review-period value="18" unit="months"/>"#))
        if let title { #expect(text.contains("<title>\(title)</title>\n  <review-period")) }
        let read = try RegisterReader.read(bytes: bytes, name: "review.xml")
        #expect(read.reviewPeriod == PeriodLength(18, .months))
        #expect(read.title == title)
        #expect(read == register)
        #expect(try RegisterWriter.bytes(of: read) == bytes)
        var streamed = Register()
        let cursor = try RegisterReader.cursor(bytes: bytes, name: "review.xml")
        while let entry = try cursor.next() { streamed.append(entry) }
        #expect(streamed == register)
        let scratch = try ScratchDirectory()
        let path = scratch.path("review.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CommandRunner.xmllintValidates(path).status == 0)
    }

    @Test("absent: nothing written, the default three years (the samples are unchanged)")
    func absent() throws {
        let bytes = try RegisterWriter.bytes(of: Self.register(title: "R", period: nil))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("review-period"))
        #expect(try RegisterReader.read(bytes: bytes, name: "r.xml").reviewPeriod == nil)
    }

    @Test("the check streaming the file takes the period it sets: reviewed 18 months ago fires under one year, not under the default")
    func check() throws {
        var register = Self.register(title: "R", period: PeriodLength(1, .years))
        register.activities[0].lastReviewed = CalendarDate(iso: "2024-07-01")
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let cursor = try RegisterReader.cursor(bytes: try RegisterWriter.bytes(of: register), name: "r.xml")
        var check = StreamingCheck(now: now)
        while let entry = try cursor.next() { check.consume(entry) }
        let overdue = check.findings.filter { $0.code == .art24_1_review_overdue }
        #expect(overdue.count == 1)
        #expect(overdue.first?.message.en.contains("more than 1 year without review") == true)
        register.reviewPeriod = nil
        #expect(RegisterCheck.findings(in: register, now: now).filter { $0.code == .art24_1_review_overdue }.isEmpty)
    }

    @Test("a period beyond the supported range is refused with its line")
    func refused() throws {
        let bytes = try RegisterWriter.bytes(of: Self.register(title: "R", period: PeriodLength(2, .years)))
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #"value="2" unit="years""#, with: #"value="900000" unit="years""#)
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(text.utf8), name: "r.xml") }
    }
}
