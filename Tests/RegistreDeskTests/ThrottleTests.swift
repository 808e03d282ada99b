import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: failed sign-ins are counted per login and per client, before the password is checked")
struct ThrottleTests {
    @Test("forty parallel wrong guesses for one login: five are checked, the others refused")
    func parallelGuesses() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await GuardedDesk.browser(client, from: "198.51.100.7").signIn("dpo-mende", password: "guess guess guess").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count { $0 == .unauthorized } == 5)
            #expect(statuses.count { $0 == .tooManyRequests } == 35)
        }
        #expect(guarded.checks.accounts == 5)
    }

    @Test("one client guessing across many logins is refused after twenty failures, even a right password")
    func oneClientManyLogins() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let guesser = GuardedDesk.browser(client, from: "198.51.100.7")
            for index in 0..<20 {
                let login = index.isMultiple(of: 2) ? "inconnu\(index)" : DeskFixture.accounts[index % 5].account
                let guess = try await guesser.signIn(login, password: "guess guess guess")
                #expect(guess.status == .unauthorized)
            }
            let refused = try await guesser.signIn("admin")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("depuis cette adresse"))
            // The client's count, not the login's: another client signs in to the same account.
            #expect(try await GuardedDesk.browser(client, from: "192.0.2.1").signIn("admin").status == .seeOther)
            // Its oldest failure leaves the window: it may try again.
            guarded.fixture.clock.advance(15 * 60 + 1)
            #expect(try await guesser.signIn("admin").status == .seeOther)
        }
        #expect(guarded.checks.accounts + guarded.checks.standIns == 20 + 2)
    }

    @Test("the owner signs in from a clean client while someone hammers their login")
    func ownerDuringAttack() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let attacker = GuardedDesk.browser(client, from: "198.51.100.7")
            var refused = 0
            for _ in 0..<12 where try await attacker.signIn("dpo-mende", password: "guess guess guess").status == .tooManyRequests {
                refused += 1
            }
            #expect(refused == 7)
            // The attacker's right guess, now, is refused too: their client has failed.
            #expect(try await attacker.signIn("dpo-mende").status == .tooManyRequests)
            let owner = GuardedDesk.browser(client, from: "203.0.113.20")
            #expect(try await owner.signIn("dpo-mende").status == .seeOther)
            #expect(try await owner.get("/").text.contains("dpo-mende"))
        }
    }

    @Test("while a login is under attack, a client that failed on it waits for the window")
    func failedClientWaits() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let attacker = GuardedDesk.browser(client, from: "198.51.100.7")
            for _ in 0..<5 { try await attacker.signIn("reader-mende", password: "guess guess guess") }
            let owner = GuardedDesk.browser(client, from: "203.0.113.20")
            #expect(try await owner.signIn("reader-mende", password: "a typo, a typo").status == .unauthorized)
            #expect(try await owner.signIn("reader-mende").status == .tooManyRequests)
            guarded.fixture.clock.advance(15 * 60 + 1)
            #expect(try await owner.signIn("reader-mende").status == .seeOther)
        }
    }

    @Test("a login that does not exist costs the same password check as one that does")
    func unknownLoginChecked() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let browser = GuardedDesk.browser(client, from: "198.51.100.7")
            let unknown = try await browser.signIn("personne", password: "guess guess guess")
            #expect(unknown.status == .unauthorized)
            #expect(guarded.checks.standIns == 1 && guarded.checks.accounts == 0)
            #expect(try await browser.signIn("dpo-mende", password: "guess guess guess").status == .unauthorized)
            #expect(guarded.checks.standIns == 1 && guarded.checks.accounts == 1)
            // The stand-in's password, if anyone found it, opens nothing.
        }
    }

    @Test("the stand-in hash's password opens no session for an unknown login")
    func standInOpensNothing() async throws {
        let guarded = try GuardedDesk()
        try await guarded.run { client in
            let browser = GuardedDesk.browser(client, from: "198.51.100.7")
            let response = try await browser.signIn("personne", password: "nobody knows this password")
            #expect(response.status == .unauthorized)
            #expect(browser.cookie(Desk.sessionCookie) == nil)
        }
        #expect(guarded.checks.standIns == 1)
    }
}
