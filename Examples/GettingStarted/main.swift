import Foundation
import RegistreCore
import RegistreXML

/// A date-time typed in the example, as registre reads one (without an offset: Europe/Paris time).
func instant(_ text: String) throws -> Date {
    guard let date = Instant.parse(text, timeZone: OrganisationTimeZone.default) else { throw CocoaError(.formatting) }
    return date
}

// Read a register file: the whole document is checked against the schema first.
let path = CommandLine.arguments.dropFirst().first ?? "Registers/suite-territoriale-cdg48.xml"
var register = try RegisterReader.read(file: path)
print("\(register.activities.count) activities, \(register.breaches.count) breach(es)")

// Run the checks, at a moment of your choosing: nothing in the library reads the clock.
let findings = RegisterCheck.findings(in: register, now: try instant("2026-11-26T09:00"))
print("\(findings.count) finding(s), errors: \(findings.hasErrors)")

// Add a house rule and run it with registre's own: a code of your own, the article it serves, and what it
// finds in one kind of entry. Here: an activity with more than two purposes is to be split.
let focusedPurposes = Rule.activity(FindingCode(rawValue: "HOUSE-PURPOSES"), "Art. 5(1)(b)") { activity, _ in
    .error(
        if: activity.purposes.count > 2,
        fr: "Plus de deux finalités : scinder le traitement.",
        en: "More than two purposes: split the activity.")
}
let withHouseRules = RegisterCheck.findings(in: register, now: try instant("2026-11-26T09:00"), rules: RegisterCheck.rules + [focusedPurposes])
let house = withHouseRules.filter { $0.code == focusedPurposes.code }
print("house rule \(focusedPurposes.code): \(house.count) finding(s)")

// A breach known at 16:30 on the Friday before summer time: its 72 hours end on Monday at 16:30.
let breach = Breach(
    id: "breach-20260327-1", title: "Boîte Messages compromise", controller: "mende",
    aware: try instant("2026-03-27T16:30"), nature: [.confidentiality])
register.breaches.append(breach)
let decision = BreachDecision(breach, in: register, now: breach.aware)
print("notify the authority by \(Instant.utc(decision.deadline))")

// Write it back: the canonical XML form, which reads back to the same register.
let bytes = try RegisterWriter.bytes(of: register)
let readBack = try RegisterReader.read(bytes: bytes)
print("\(bytes.count) bytes of XML, read back \(readBack == register ? "identical" : "DIFFERENT")")
