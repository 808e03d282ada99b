import Foundation
import RegistreStore
import RegistreTestSupport
import Testing

@Suite("Refused sign-ins in the account journal: a visitor's input is bounded before it is kept")
struct RefusedSignInStoreTests {
    let scratch: ScratchDirectory
    let store: RegisterStore
    let moment = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
    }

    @Test("a login that cannot be one is kept as its size and the start of its SHA-256, the reason cut to 200 characters")
    func impossibleLogin() throws {
        let login = String(repeating: "x", count: 1 << 20)
        try store.recordRefusedSignIn(login: login, reason: String(repeating: "r", count: 10_000), at: moment)
        try store.recordRefusedSignIn(login: login, reason: "again", at: moment)
        let events = try store.accountEvents()
        #expect(events[0].login.hasPrefix("(not a login: 1048576 bytes, SHA-256 ") && events[0].login.count < 80)
        #expect(events[0].actor == events[0].login && events[1].login == events[0].login)
        #expect(events[0].detail.count == AccountEvent.maximumDetailLength)
    }

    @Test("a login that could be one is kept as typed, and nothing typed stays empty")
    func possibleLogin() throws {
        try store.recordRefusedSignIn(login: "dpo@mende", reason: "wrong login or password", at: moment)
        try store.recordRefusedSignIn(login: "", reason: "sign-in form over 8192 bytes", at: moment)
        try store.recordRefusedSignIn(login: "deux mots", reason: "not a login", at: moment)
        let logins = try store.accountEvents().map(\.login)
        #expect(logins[0] == "dpo@mende" && logins[1] == "")
        #expect(logins[2].hasPrefix("(not a login: 9 bytes"))
    }

    @Test("the line that stops a flood names the client and the moment refusals are journaled again")
    func notJournaled() throws {
        try store.recordRefusalsNotJournaled(client: "198.51.100.7", beyond: 5, until: moment.addingTimeInterval(60), at: moment)
        let event = try #require(try store.accountEvents().last)
        #expect(event.kind == .refusalsNotJournaled && event.actor == "198.51.100.7" && event.login.isEmpty)
        #expect(event.detail == "more than 5 refused sign-ins within a minute; the next ones until 2026-09-21T14:14:20Z are not journaled")
    }
}
