import Foundation
import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Deadlines as iCalendar")
struct DeadlineCalendarTests {
    let register = try! RegisterReader.read(file: Repository.suiteTerritoriale)
    let now = Instant.parse("2026-11-24T12:00", timeZone: Instant.defaultTimeZone)!

    /// RFC 5545 §3.1: content lines unfolded.
    func unfolded(_ ics: String) -> [String] {
        ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test("one event per deadline, on its due day, with CRLF lines of at most 75 octets")
    func events() throws {
        let deadlines = DeadlineSchedule.deadlines(in: register, now: now)
        try #require(!deadlines.isEmpty)
        let ics = DeadlineCalendar.ics(deadlines, now: now, name: "Échéances, CDG48", language: .fr)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = unfolded(ics)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == deadlines.count)
        #expect(lines.contains("X-WR-CALNAME:Échéances\\, CDG48"))
        for deadline in deadlines where deadline.subject.kind != .breach {
            #expect(lines.contains("DTSTART;VALUE=DATE:\(deadline.dueDay.iso.replacingOccurrences(of: "-", with: ""))"))
        }
        #expect(lines.contains("DTSTAMP:20261124T110000Z"))
    }

    @Test("UIDs are unique and stable: another day's export, or a deadline moved, keeps them")
    func stableUIDs() {
        let deadlines = DeadlineSchedule.deadlines(in: register, now: now)
        let uids = { (ics: String) in self.unfolded(ics).filter { $0.hasPrefix("UID:") } }
        let first = uids(DeadlineCalendar.ics(deadlines, now: now, name: "x", language: .fr))
        let later = uids(DeadlineCalendar.ics(deadlines, now: now.addingTimeInterval(86_400), name: "x", language: .en))
        #expect(first == later)
        #expect(Set(first).count == first.count)
        var moved = deadlines[0]
        moved.dueDay = moved.dueDay.adding(days: 3)
        #expect(DeadlineCalendar.uid(moved) == DeadlineCalendar.uid(deadlines[0]))
    }

    @Test("a breach's 72 hours are a timed event in the organisation's time zone, whose rules are written out")
    func breachInZone() throws {
        let register = CompleteRegister.with(breach: { $0.notifications = [] })
        let moment = CompleteRegister.aware.addingTimeInterval(3600)
        let deadlines = DeadlineSchedule.deadlines(in: register, now: moment).filter { $0.subject.kind == .breach }
        let breach = try #require(deadlines.first)
        let lines = unfolded(DeadlineCalendar.ics(deadlines, now: moment, name: "x", language: .en))
        let zone = breach.timeZone.identifier
        #expect(lines.contains("TZID:\(zone)"))
        #expect(lines.contains { $0.hasPrefix("DTSTART;TZID=\(zone):20260330T") })
        // Europe/Paris changes to summer time on 29 March 2026 at 02:00 local (01:00 UTC).
        if zone == "Europe/Paris" {
            #expect(lines.contains("DTSTART:20260329T020000"))
            #expect(lines.contains("TZOFFSETFROM:+0100"))
            #expect(lines.contains("TZOFFSETTO:+0200"))
        }
    }

    @Test("text is escaped and long lines folded without cutting a character")
    func escaping() {
        #expect(DeadlineCalendar.text("a;b,c\\d\ne") == #"a\;b\,c\\d\ne"#)
        let long = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = DeadlineCalendar.fold(long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
    }
}
