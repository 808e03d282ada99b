import Foundation
import RegistreCore
import Testing

/// The id a new breach gets when none is chosen (an id chosen is checked by RegistreService's `BreachActs`,
/// inside the transaction that saves it).
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
}
