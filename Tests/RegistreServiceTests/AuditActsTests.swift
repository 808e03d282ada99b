import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// 2026-11-20T09:00:00Z: the moment the requests are made at.
private let friday = Date(timeIntervalSince1970: 1_795_165_200)

@Suite("The audit request act (Art. 28(3)(h))")
struct AuditActsTests {
    let sample: SampleRegisterOfRecord
    let acts: AuditActs
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try SampleRegisterOfRecord(at: friday)
        acts = AuditActs(store: sample.store)
    }

    func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

    @Test("a start after the agreement's 30 days of notice is recorded; the same request again is refused, its id taken")
    func recordedOnce() throws {
        let request = AuditActs.Request(agreement: "dpa-suite-territoriale", start: try day("2027-01-15"), notified: try day("2026-11-20"))
        let audit = try acts.request(request, by: Acting(actor: "dpo@cdg48", now: friday))
        #expect(audit.id == "audit-2027-01-15")
        #expect(audit.requester == "cdg48")
        #expect(throws: AuditActs.Refused.self) { try acts.request(request, by: Acting(actor: "dpo@cdg48", now: friday)) }
    }

    @Test("a start before the notice has run is refused, naming the first day allowed; nothing is written")
    func tooEarly() throws {
        let journal = try store.journal().count
        do {
            _ = try acts.request(
                AuditActs.Request(agreement: "dpa-suite-territoriale", start: try day("2026-11-25"), notified: try day("2026-11-20")),
                by: Acting(actor: "dpo@cdg48", now: friday))
            Issue.record("recorded")
        } catch let refused as AuditActs.Refused {
            guard case .tooEarly(let earliest) = refused.reason else { Issue.record("\(refused.reason)"); return }
            #expect(earliest > (try day("2026-12-19")))
            #expect(refused.message.en.contains(earliest.iso))
        }
        #expect(try store.journal().count == journal)
    }

    @Test("an account requests only for a controller it was given")
    func policy() throws {
        let register = try store.register()
        let mende = Acting(actor: "dpo@mende", now: friday, policy: AccessPolicy(role: .dpo, organisations: ["mende"], in: register))
        let request = AuditActs.Request(agreement: "dpa-suite-territoriale", start: try day("2027-01-15"), notified: try day("2026-11-20"), requester: "cdg48")
        #expect(throws: AccessRefusal(EntityKey(.organisation, "cdg48"))) { try acts.request(request, by: mende) }
    }
}
