import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistreDesk
import RegistreStore
import RegistreTestTags
import Testing

@Suite("Desk: what a visitor sends to the sign-in is bounded before it is kept")
struct SignInBoundsTests {
    @Test("a login no account can have is refused without a password check and journaled by its size and digest")
    func impossibleLogin() async throws {
        let guarded = try GuardedDesk()
        let login = String(repeating: "a", count: 5_000)
        try await guarded.run { client in
            let browser = GuardedDesk.browser(client, from: "203.0.113.9")
            let response = try await browser.signIn(login, password: "whatever whatever")
            #expect(response.status == .unauthorized)
            #expect(!response.text.contains(String(repeating: "a", count: 65)))
        }
        #expect(guarded.checks.accounts + guarded.checks.standIns == 0)
        let event = try #require(try guarded.fixture.store.accountEvents().last)
        #expect(event.kind == .signInRefused)
        #expect(event.login.hasPrefix("(not a login: 5000 bytes, SHA-256 ") && event.login.count < 80)
        #expect(event.actor == event.login)
        #expect(event.detail == "not a login, from 203.0.113.9")
    }

    @Test("a login that could exist is journaled as typed")
    func possibleLogin() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let response = try await GuardedDesk.browser(client, from: "203.0.113.9").signIn("personne@mende", password: "guess guess")
            #expect(response.status == .unauthorized)
        }
        let event = try #require(try guarded.fixture.store.accountEvents().last)
        #expect(event.login == "personne@mende" && event.detail == "wrong login or password, from 203.0.113.9")
    }

    @Test("a sign-in form over 8 KiB is refused before it is read whole")
    func oversizedForm() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let browser = GuardedDesk.browser(client, from: "203.0.113.9")
            try await browser.get("/sign-in")
            let large = try await browser.post("/sign-in", [("login", String(repeating: "é", count: 1 << 18)), ("password", "x")])
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("Formulaire trop long"))
            // Just under the bound: read, and refused as a login no account can have.
            let under = try await browser.post("/sign-in", [("login", String(repeating: "b", count: 7_000)), ("password", "x")])
            #expect(under.status == .unauthorized)
        }
        let events = try guarded.fixture.store.accountEvents().suffix(2)
        #expect(events.map(\.detail) == ["sign-in form over 8192 bytes, from 203.0.113.9", "not a login, from 203.0.113.9"])
        #expect(events.first?.login == "")
    }

    @Test("a flood of refused sign-ins adds a bounded number of lines and bytes to the account journal", .tags(.slow), .skippedInQuickRuns)
    func floodIsBounded() async throws {
        let guarded = try GuardedDesk()
        let before = try guarded.journalBytes, linesBefore = try guarded.fixture.store.accountEvents().count
        try await guarded.run { client in
            // One client: megabyte logins, impossible logins, unknown logins, wrong passwords, far past its throttle.
            let one = GuardedDesk.browser(client, from: "198.51.100.7")
            try await one.get("/sign-in")
            for _ in 0..<5 { try await one.post("/sign-in", [("login", String(repeating: "x", count: 1 << 20)), ("password", "x")]) }
            for index in 0..<40 {
                try await one.post("/sign-in", [("login", "\(String(repeating: "y", count: 3_000))\(index)"), ("password", "x")])
                try await one.post("/sign-in", [("login", "inconnu\(index)"), ("password", "wrong wrong")])
                try await one.post("/sign-in", [("login", "admin"), ("password", "wrong wrong")])
            }
            // Forty more clients, four refusals each.
            for index in 0..<40 {
                let other = GuardedDesk.browser(client, from: "192.0.2.\(index)")
                for _ in 0..<4 { try await other.signIn("inconnu", password: "wrong wrong") }
            }
        }
        let events = try guarded.fixture.store.accountEvents().dropFirst(linesBefore)
        // Within one minute: five lines from the first client and its summary, then the shared quota of 30
        // (of which those five) and its summary.
        #expect(events.count == 32)
        #expect(events.filter { $0.kind == .refusalsNotJournaled }.map(\.actor) == ["198.51.100.7", "*"])
        #expect(try guarded.journalBytes - before < 32 * 300)
    }

    @Test("the quota is a minute's: refusals of the next minute are journaled again")
    func quotaRenews() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let browser = GuardedDesk.browser(client, from: "198.51.100.7")
            for _ in 0..<7 { try await browser.signIn("inconnu", password: "wrong wrong") }
            let count = try guarded.fixture.store.accountEvents().count
            guarded.fixture.clock.advance(61)
            try await browser.signIn("inconnu", password: "wrong wrong")
            let events = try guarded.fixture.store.accountEvents()
            #expect(events.count == count + 1 && events.last?.kind == .signInRefused)
        }
    }
}
