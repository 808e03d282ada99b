import Foundation
@testable import RegistreCore
import RegistreTestSupport
import Testing

/// What a database reads first: the organisations, agreements and audits of the register.
func readAhead(of register: Register) -> Register {
    var ahead = Register()
    ahead.title = register.title
    ahead.organisations = register.organisations
    ahead.agreements = register.agreements
    ahead.audits = register.audits
    return ahead
}

/// The findings of a check given the register ahead, fed the entries in the order of the format.
func findingsReadAhead(_ register: Register, now: Date? = nil) -> [Finding] {
    var check = StreamingCheck(now: now, reviewPeriod: register.reviewPeriod, readAhead: readAhead(of: register))
    for entry in register.entries { check.consume(entry) }
    return check.findings
}

@Suite("A check's memory: the rules across entries judge each activity as it comes, or keep a few bytes of it (issue 10)")
struct CheckMemoryTests {
    @Test("given the register ahead, each gap across entries fires as it does from a file", arguments: acrossEntryBreakages)
    func readAheadFires(_ breakage: Breakage) {
        let findings = findingsReadAhead(breakage.register, now: breakage.now)
        #expect(findings.contains { $0.code == breakage.code })
        #expect(findings == RegisterCheck.findings(in: breakage.register, now: breakage.now))
    }

    @Test("given the register ahead, a kept register is quiet, and the findings come in the same order as from a file")
    func readAheadQuietAndOrdered() {
        #expect(findingsReadAhead(CompleteRegister.register).isEmpty)
        let late = RegisterCheck.findings(in: CompleteRegister.register, now: afterThreeYears)
        #expect(late.contains { $0.code == .art24_1_review_overdue })
        #expect(findingsReadAhead(CompleteRegister.register, now: afterThreeYears) == late)
        // Two activities, each with a finding of its own and one across entries: the entries' findings
        // first, then those across entries, in the order of the activities.
        var register = CompleteRegister.with(activity: { $0.processors.append(ProcessorEngagement(processor: "hebergeur", service: "S")) })
        register.activities[0].purposes = []
        var second = register.activities[0]
        second.id = "rdv-2"
        register.activities.append(second)
        let expected = RegisterCheck.findings(in: register)
        #expect(expected.map(\.code) == [.art30_1_b_purposes, .art30_1_b_purposes, .art28_3_no_agreement, .art28_3_no_agreement])
        #expect(expected.map(\.subject.id) == ["rdv", "rdv-2", "rdv", "rdv-2"])
        #expect(findingsReadAhead(register) == expected)
    }

    @Test("given the register ahead, nothing of an activity is kept")
    func readAheadKeepsNothing() {
        var check = StreamingCheck(readAhead: readAhead(of: CompleteRegister.register))
        for index in 0..<1000 { check.consume(.activity(activity(index))) }
        #expect(check.bytesKeptPerEntry == 0)
    }

    @Test("from a file, an activity is kept in a few dozen bytes, not as a value of strings and arrays")
    func backlogIsPacked() throws {
        var check = StreamingCheck()
        for entry in CompleteRegister.register.entries where !entry.isAgreement { check.consume(entry) }
        for index in 0..<10_000 { check.consume(.activity(activity(index))) }
        // An id of 10 bytes, where it ends (8 bytes), and four positions of four bytes.
        #expect(check.bytesKeptPerEntry > 0)
        #expect(check.bytesKeptPerEntry <= 36, "\(check.bytesKeptPerEntry) bytes per activity")
        // Every activity comes back whole for the rules across entries: none is bound by an agreement yet.
        let uncovered = check.findings.filter { $0.code == .art28_3_no_agreement }
        #expect(uncovered.count == 10_001)
        #expect(uncovered[5_001].subject == Finding.Subject(.activity, activity(5_000).id))
    }

    /// An activity of the complete register's controller, with its processor and a date of its own.
    func activity(_ index: Int) -> ProcessingActivity {
        var activity = CompleteRegister.register.activities[0]
        activity.id = "act-\(100_000 + index)"
        activity.created = CalendarDate(year: 2020 + index % 6, month: 1 + index % 12, day: 1 + index % 28)
        return activity
    }
}

extension RegisterEntry {
    var isAgreement: Bool { if case .agreement = self { true } else { false } }
}
