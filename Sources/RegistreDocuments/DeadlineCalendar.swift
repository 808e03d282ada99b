public import Foundation
public import RegistreCore

/// The deadlines of a register as an iCalendar file (RFC 5545) a DPO subscribes to: one event per
/// deadline, on the day it falls due in the organisation's time zone (an all-day event), or at its exact
/// time for a deadline counted in hours (a breach's 72 hours), with the zone's rules written out
/// (VTIMEZONE) so that every client shows the same hour.
///
/// UIDs are stable: a deadline keeps its UID from one export to the next, so that a subscribed calendar
/// updates an event rather than duplicating it. Nothing depends on the clock but DTSTAMP, which is `now`.
public enum DeadlineCalendar {
    /// The iCalendar text of `deadlines`, one event each, in a calendar called `name`, stamped `now`.
    public static func ics(_ deadlines: [ScheduledDeadline], now: Date, name: String, language: Language) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//registre//deadlines//\(language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(text(name))",
        ]
        let timed = deadlines.filter(isTimed)
        var zones: [String] = []
        for deadline in timed where !zones.contains(deadline.timeZone.identifier) { zones.append(deadline.timeZone.identifier) }
        if let first = deadlines.first { lines.append("X-WR-TIMEZONE:\(first.timeZone.identifier)") }
        for zone in zones {
            let dates = timed.filter { $0.timeZone.identifier == zone }.map(\.due)
            lines += timeZone(OrganisationTimeZone.zone(zone), from: dates.min()!, to: dates.max()!)
        }
        for deadline in deadlines {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(uid(deadline))")
            lines.append("DTSTAMP:\(utc(now))")
            if isTimed(deadline) {
                lines.append("DTSTART;TZID=\(deadline.timeZone.identifier):\(local(deadline.due, in: deadline.timeZone))")
            } else {
                lines.append("DTSTART;VALUE=DATE:\(compact(deadline.dueDay))")
                lines.append("DTEND;VALUE=DATE:\(compact(deadline.dueDay.adding(days: 1)))")
            }
            lines.append("SUMMARY:\(text(deadline.what[language]))")
            lines.append("DESCRIPTION:\(text("\(deadline.source) — \(deadline.subject)"))")
            lines.append("CATEGORIES:\(deadline.subject.kind.rawValue.uppercased())")
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A deadline counted in hours has a time; one counted in days ends with its day.
    static func isTimed(_ deadline: ScheduledDeadline) -> Bool {
        deadline.subject.kind == .breach
    }

    /// Built from what identifies the deadline, not from its date: a deadline whose day moves keeps its
    /// event. FNV-1a, not `Hasher`, whose seed changes at every run.
    public static func uid(_ deadline: ScheduledDeadline) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(deadline.subject)|\(deadline.source)|\(deadline.what.en)".utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(deadline.subject.kind.rawValue)-\(deadline.subject.id)-\(String(repeating: "0", count: 16 - hex.count) + hex)@registre"
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped.
    public static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            case "\r": continue
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space, never inside a
    /// character.
    public static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.append(character)
            octets += size
        }
        return folded
    }

    private static func compact(_ day: CalendarDate) -> String {
        day.iso.replacingOccurrences(of: "-", with: "")
    }

    private static func format(_ date: Date, _ zone: TimeZone, utc: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!) + (utc ? "Z" : "")
    }

    private static func utc(_ date: Date) -> String { format(date, .gmt, utc: true) }

    private static func local(_ date: Date, in zone: TimeZone) -> String { format(date, zone, utc: false) }

    private static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%02d", sign, minutes / 60, minutes % 60)
    }

    /// The zone's offsets and their changes over the years the deadlines span, from the system's time
    /// zone database: one observance per change (RFC 5545 §3.6.5), its start in the local time before it.
    static func timeZone(_ zone: TimeZone, from first: Date, to last: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let start = calendar.date(byAdding: .year, value: -1, to: first)!
        let end = calendar.date(byAdding: .year, value: 1, to: last)!
        var moment = start
        var observances = 0
        while let change = zone.nextDaylightSavingTimeTransition(after: moment), change <= end {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:\(kind)", "DTSTART:\(format(change, TimeZone(secondsFromGMT: before)!, utc: false))",
                "TZOFFSETFROM:\(offset(before))", "TZOFFSETTO:\(offset(after))",
                "TZNAME:\(zone.abbreviation(for: change) ?? offset(after))", "END:\(kind)",
            ]
            observances += 1
            moment = change
        }
        if observances == 0 {
            // No change in the span: one observance from long before.
            let seconds = zone.secondsFromGMT(for: first)
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset(seconds))", "TZOFFSETTO:\(offset(seconds))",
                "TZNAME:\(zone.abbreviation(for: first) ?? offset(seconds))", "END:STANDARD",
            ]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }
}
