import Foundation
import RegistreCore
import Testing

/// The id of a new breach, one rule for the command line and the desk.
@Suite("Breach opening: the new breach's id")
struct BreachOpeningTests {
    /// 23:30 UTC on 27 March 2026 is already the 28th in Paris (UTC+1 until the 29th).
    let lateEvening = Instant.parse("2026-03-27T23:30:00Z", timeZone: Instant.defaultTimeZone, day: .startOfDay)!

    @Test("the day of awareness in the controller's time zone, then the first number free")
    func defaultID() {
        let paris = DeadlineCalculator()
        #expect(BreachOpening.defaultID(aware: lateEvening, calculator: paris, isUsed: { _ in false }) == "breach-20260328-1")
        let used: Set<EntityID> = ["breach-20260328-1", "breach-20260328-2"]
        #expect(BreachOpening.defaultID(aware: lateEvening, calculator: paris, isUsed: used.contains) == "breach-20260328-3")
    }

    @Test("an id given is kept when it is new, refused when used or not an id")
    func givenID() throws {
        let paris = DeadlineCalculator()
        #expect(try BreachOpening.id(given: "fuite-mars", aware: lateEvening, calculator: paris, isUsed: { _ in false }) == "fuite-mars")
        #expect(throws: BreachOpening.Refusal.unusableID("mende")) {
            try BreachOpening.id(given: "mende", aware: lateEvening, calculator: paris, isUsed: { $0 == "mende" })
        }
        #expect(throws: BreachOpening.Refusal.unusableID("a b")) {
            try BreachOpening.id(given: "a b", aware: lateEvening, calculator: paris, isUsed: { _ in false })
        }
    }
}
