import Foundation
import RegistreCore
import Testing

/// A member's answer to its objection window on its structure's change notice: one per member, refused
/// once the change has its outcome, and invisible in the stored form of a notice that has none.
@Suite("A member's answer to a change of sub-processor")
struct MemberAnswerTests {
    static let notice = CalendarDate(year: 2026, month: 3, day: 20)!

    static func agreement() -> DataProcessingAgreement {
        var agreement = DataProcessingAgreement(id: "accord", title: "Accord", controllers: ["cdg"], processor: "prestataire")
        agreement.changeNotices = [SubProcessorChange(id: "changement", kind: .addition, subProcessor: "nuage", noticeDate: notice)]
        return agreement
    }

    @Test("a later answer of the same member replaces its earlier one; another member's stays")
    func replaces() throws {
        var agreement = Self.agreement()
        let day = try #require(CalendarDate(iso: "2026-03-25"))
        try agreement.recordAnswer(.objected, of: "mende", toChange: "changement", on: day)
        try agreement.recordAnswer(.accepted, of: "florac", toChange: "changement", on: day)
        try agreement.recordAnswer(.accepted, of: "mende", toChange: "changement", on: day)
        #expect(agreement.changeNotices[0].memberAnswers.map(\.member) == ["florac", "mende"])
        #expect(agreement.changeNotices[0].answer(of: "mende")?.outcome == .accepted)
    }

    @Test("refused: not an answer, a party, a day before the notice, a change already decided")
    func refusals() throws {
        var agreement = Self.agreement()
        let day = try #require(CalendarDate(iso: "2026-03-25"))
        #expect(throws: DataProcessingAgreement.MemberAnswerRefusal.notAnAnswer(.withdrawn)) {
            try agreement.recordAnswer(.withdrawn, of: "mende", toChange: "changement", on: day)
        }
        #expect(throws: DataProcessingAgreement.MemberAnswerRefusal.party("cdg")) {
            try agreement.recordAnswer(.objected, of: "cdg", toChange: "changement", on: day)
        }
        #expect(throws: DataProcessingAgreement.MemberAnswerRefusal.beforeNotice(Self.notice)) {
            try agreement.recordAnswer(.objected, of: "mende", toChange: "changement", on: try #require(CalendarDate(iso: "2026-03-19")))
        }
        #expect(throws: DataProcessingAgreement.MemberAnswerRefusal.unknownChange("autre")) {
            try agreement.recordAnswer(.objected, of: "mende", toChange: "autre", on: day)
        }
        try agreement.record(.accepted, ofChange: "changement", on: day)
        #expect(throws: DataProcessingAgreement.MemberAnswerRefusal.decided(.accepted)) {
            try agreement.recordAnswer(.objected, of: "mende", toChange: "changement", on: day)
        }
        #expect(agreement.changeNotices[0].memberAnswers.isEmpty)
    }

    @Test("a notice without answers is stored as before (no key), one with answers reads back the same")
    func storedForm() throws {
        let plain = Self.agreement().changeNotices[0]
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!json.contains("answers"))
        var answered = plain
        answered.memberAnswers = [MemberAnswer(member: "mende", outcome: .objected, on: Self.notice)]
        let data = try JSONEncoder().encode(answered)
        #expect(try JSONDecoder().decode(SubProcessorChange.self, from: data) == answered)
        #expect(try JSONDecoder().decode(SubProcessorChange.self, from: Data(json.utf8)) == plain)
    }
}
