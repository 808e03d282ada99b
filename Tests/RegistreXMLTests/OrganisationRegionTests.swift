import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// An organisation's region (issue 25): the calendar its deadlines follow without a contract saying so.
@Suite("An organisation's region: its calendar, in the file and in the deadlines")
struct OrganisationRegionTests {
    @Test("a commune of Moselle counts in FR-57 (Good Friday and 26 December off); one without a region, in France's; a contract's calendar still wins")
    func calendarFollowsTheRegion() throws {
        let goodFriday = try #require(CalendarDate(iso: "2026-04-03"))
        let moselle = CompleteRegister.with(organisation: "commune") { $0.region = "FR-57" }
        #expect(DeadlineCalculator.for("commune", in: moselle).holidays.isHoliday(goodFriday))
        #expect(!DeadlineCalculator.for("commune", in: CompleteRegister.register).holidays.isHoliday(goodFriday))
        #expect(!DeadlineCalculator.for("commune", in: moselle, calendar: "FR").holidays.isHoliday(goodFriday))
        let scotland = CompleteRegister.with(organisation: "commune") { $0.country = "GB"; $0.region = "GB-SCT" }
        #expect(DeadlineCalculator.for("commune", in: scotland).holidays.isHoliday(try #require(CalendarDate(iso: "2026-01-02"))))
    }

    @Test("the region is written, read back equal and valid; a region of another country, or not written as a code, is a located problem")
    func readAndWritten() throws {
        let register = CompleteRegister.with(organisation: "commune") { $0.region = "FR-57" }
        let bytes = try RegisterWriter.bytes(of: register)
        #expect(String(decoding: bytes, as: UTF8.self).contains("<region>FR-57</region>"))
        #expect(try RegisterReader.read(bytes: bytes, name: "moselle.xml") == register)
        let scratch = try ScratchDirectory()
        let path = scratch.path("moselle.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CommandRunner.xmllintValidates(path).status == 0)
        for wrong in ["DE-BY", "fr-57"] {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<region>FR-57</region>", with: "<region>\(wrong)</region>")
            #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(text.utf8), name: "wrong.xml") }
        }
    }
}
