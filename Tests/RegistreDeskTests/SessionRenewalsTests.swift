import Foundation
@testable import RegistreDesk
import Testing

/// A burst of one session's requests, all finding its idle timeout due, moves it once: one write, not one
/// per request waiting for the writer.
@Suite("Desk: a session's timeout moved once by a burst of its requests")
struct SessionRenewalsTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("50 requests at once: one moves the timeout; a minute later, one again; another session its own")
    func once() async {
        let renewals = SessionRenewals()
        let claims = await withTaskGroup(of: Bool.self) { group in
            for offset in 0..<50 {
                let now = start.addingTimeInterval(Double(offset) / 1000)
                group.addTask { renewals.claim("a", until: now.addingTimeInterval(1800), now: now) }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(claims.filter { $0 }.count == 1)
        // Within the minute: nobody writes again.
        let soon = start.addingTimeInterval(59)
        #expect(!renewals.claim("a", until: soon.addingTimeInterval(1800), now: soon))
        #expect(renewals.claim("b", until: soon.addingTimeInterval(1800), now: soon))
        let later = start.addingTimeInterval(61)
        #expect(renewals.claim("a", until: later.addingTimeInterval(1800), now: later))
    }

    @Test("a write that failed is forgotten: the next request moves the timeout")
    func forgotten() {
        let renewals = SessionRenewals()
        #expect(renewals.claim("a", until: start.addingTimeInterval(1800), now: start))
        renewals.forget("a")
        #expect(renewals.claim("a", until: start.addingTimeInterval(1801), now: start.addingTimeInterval(1)))
    }

    @Test("past the sessions kept, those whose timeout has passed are forgotten, not the live ones")
    func bounded() {
        let renewals = SessionRenewals()
        for index in 0..<SessionRenewals.kept {
            #expect(renewals.claim("old-\(index)", until: start.addingTimeInterval(10), now: start))
        }
        let now = start.addingTimeInterval(20)
        #expect(renewals.claim("live", until: now.addingTimeInterval(1800), now: now))
        // The old ones were forgotten (their timeout passed): each may be moved again; the live one may not.
        #expect(renewals.claim("old-0", until: now.addingTimeInterval(1800), now: now))
        #expect(!renewals.claim("live", until: now.addingTimeInterval(1801), now: now.addingTimeInterval(1)))
    }
}
