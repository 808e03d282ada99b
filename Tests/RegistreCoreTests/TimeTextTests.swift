import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Time zones and instants as text")
struct TimeTextTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!
    /// Monday 30 March 2026, 14:30 UTC: 16:30 in Paris, the day after the change to summer time.
    static let deadline = Date(timeIntervalSince1970: 1_774_881_000)

    // MARK: The zone of an organisation

    @Test("An organisation's recorded zone is its zone")
    func recordedZone() {
        let register = Register(organisations: [Organisation(id: "ny", name: "New York", timeZone: "America/New_York")])
        #expect(OrganisationTimeZone.of("ny", in: register).identifier == "America/New_York")
        #expect(OrganisationTimeZone.zone("Pacific/Noumea").identifier == "Pacific/Noumea")
    }

    @Test("No zone, no organisation or an unknown identifier: Europe/Paris")
    func defaultZone() {
        let register = Register(organisations: [
            Organisation(id: "mende", name: "Mende"), Organisation(id: "mars", name: "Mars", timeZone: "Mars/Olympus_Mons"),
        ])
        #expect(OrganisationTimeZone.default.identifier == "Europe/Paris")
        #expect(OrganisationTimeZone.of("mende", in: register).identifier == "Europe/Paris")
        #expect(OrganisationTimeZone.of("mars", in: register).identifier == "Europe/Paris")
        #expect(OrganisationTimeZone.of("nobody", in: register).identifier == "Europe/Paris")
        #expect(OrganisationTimeZone.of(nil).identifier == "Europe/Paris")
        #expect(Instant.defaultTimeZone == OrganisationTimeZone.default)
        #expect(Organisation.defaultTimeZone == OrganisationTimeZone.defaultIdentifier)
    }

    @Test("isKnown tells the system's zones from the rest")
    func knownZones() {
        #expect(OrganisationTimeZone.isKnown("Europe/Paris"))
        #expect(OrganisationTimeZone.isKnown("America/Cayenne"))
        #expect(!OrganisationTimeZone.isKnown("Mars/Olympus_Mons"))
        #expect(!OrganisationTimeZone.isKnown(""))
    }

    // MARK: Instants as text

    @Test("Each shape of an instant, on a known instant")
    func shapes() {
        let withMilliseconds = Self.deadline.addingTimeInterval(0.25)
        #expect(Instant.utc(Self.deadline) == "2026-03-30T14:30:00Z")
        #expect(Instant.utcMilliseconds(withMilliseconds) == "2026-03-30T14:30:00.250Z")
        #expect(Instant.iso(Self.deadline, in: Self.paris) == "2026-03-30T16:30:00+02:00")
        #expect(Instant.iso(withMilliseconds, in: Self.paris) == "2026-03-30T16:30:00.250+02:00")
        #expect(Instant.iso(Self.deadline, in: .gmt) == "2026-03-30T14:30:00Z")
        #expect(Instant.wallClock(Self.deadline, in: Self.paris) == "2026-03-30 16:30 (Europe/Paris)")
        #expect(Instant.wallClock(Self.deadline, in: .gmt) == "2026-03-30 14:30 (UTC)")
        #expect(Instant.wallClock(Self.deadline, in: TimeZone(identifier: "UTC")!) == "2026-03-30 14:30 (UTC)")
        #expect(Instant.utcSeconds(withMilliseconds) == "2026-03-30 14:30:00 UTC")
    }

    @Test("A last millisecond rounds up into the next second, as ISO 8601 formatters round")
    func rounding() {
        let almost = Self.deadline.addingTimeInterval(-0.0004)
        #expect(Instant.utc(almost) == "2026-03-30T14:30:00Z")
        #expect(Instant.utcSeconds(almost) == "2026-03-30 14:30:00 UTC")
        #expect(Instant.utcMilliseconds(almost) == "2026-03-30T14:30:00.000Z")
    }

    @Test("What is written reads back; what has no offset does not")
    func readsBack() throws {
        let withMilliseconds = Self.deadline.addingTimeInterval(0.25)
        #expect(Instant.fromISO(Instant.utc(Self.deadline)) == Self.deadline)
        #expect(Instant.fromISO(Instant.iso(Self.deadline, in: Self.paris)) == Self.deadline)
        let read = try #require(Instant.fromISO(Instant.utcMilliseconds(withMilliseconds)))
        #expect(abs(read.timeIntervalSince(withMilliseconds)) < 0.001)
        #expect(Instant.fromISO("2026-03-30T16:30:00") == nil)
        #expect(Instant.fromISO("2026-03-30") == nil)
        #expect(Instant.fromISO("the thirtieth of March") == nil)
    }

    @Test("Instants read one after another each read as themselves, the same text twice as well")
    func readsInTurn() throws {
        let first = "2026-03-30T14:30:00.250Z"
        let second = "2026-03-30T16:30:00+02:00"
        let readFirst = try #require(Instant.fromISO(first))
        #expect(Instant.fromISO(first) == readFirst)
        #expect(Instant.fromISO(second) == Self.deadline)
        #expect(Instant.fromISO("not an instant") == nil)
        #expect(Instant.fromISO("not an instant") == nil)
        #expect(Instant.fromISO(first) == readFirst)
        #expect(readFirst == Self.deadline.addingTimeInterval(0.25))
    }

    /// The formatters each shape replaced, configured as they were, against the shape on seeded random
    /// instants: the reports, the XML and the journal's hash chain keep their bytes.
    @Test("Every shape writes what the formatter it replaced wrote")
    func sameAsTheFormattersReplaced() {
        let posix = Locale(identifier: "en_US_POSIX")
        let utcWhole = ISO8601DateFormatter()
        let utcFractional = ISO8601DateFormatter()
        utcFractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let parisWhole = ISO8601DateFormatter()
        parisWhole.timeZone = Self.paris
        let parisFractional = ISO8601DateFormatter()
        parisFractional.timeZone = Self.paris
        parisFractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let wallClock = DateFormatter()
        wallClock.locale = posix
        wallClock.timeZone = Self.paris
        wallClock.dateFormat = "yyyy-MM-dd HH:mm"
        let journal = DateFormatter()
        journal.locale = posix
        journal.timeZone = .gmt
        journal.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"

        var random = SeededRandom(seed: 2026)
        var mismatches: [String] = []
        for index in 0..<2_000 {
            // Half whole seconds, half with a fraction, from 1900 to 2100.
            let seconds = Double(Int64.random(in: -2_208_988_800...4_102_444_800, using: &random))
            let instant = Date(timeIntervalSince1970: index.isMultiple(of: 2) ? seconds : seconds + Double.random(in: 0..<1, using: &random))
            let whole = instant.timeIntervalSince1970.rounded(.down) == instant.timeIntervalSince1970
            let pairs = [
                (Instant.utc(instant), utcWhole.string(from: instant)),
                (Instant.utcMilliseconds(instant), utcFractional.string(from: instant)),
                (Instant.iso(instant, in: Self.paris), (whole ? parisWhole : parisFractional).string(from: instant)),
                (Instant.wallClock(instant, in: Self.paris), wallClock.string(from: instant) + " (Europe/Paris)"),
                (Instant.utcSeconds(instant), journal.string(from: instant)),
            ]
            for (written, expected) in pairs where written != expected {
                mismatches.append("\(instant.timeIntervalSince1970): \(written) ≠ \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
