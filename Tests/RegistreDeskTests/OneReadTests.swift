import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
@testable import RegistreStore
import Synchronization
import Testing

/// A page reads the session, its account and what it shows in one read transaction: one connection of the
/// pool, one moment of the register (what another session commits meanwhile is seen whole or not at all).
@Suite("Desk: one read transaction a page")
struct OneReadTests {
    /// How many read transactions the store begins while `body` runs (nothing else asks it meanwhile).
    static func reads(_ store: RegisterStore, _ body: () async throws -> Void) async rethrows -> Int {
        let before = store.readTransactions.load(ordering: .relaxed)
        try await body()
        return store.readTransactions.load(ordering: .relaxed) - before
    }

    @Test("the dashboard, its findings paged, the activities and the breaches: one read each, for every account",
          arguments: DeskFixture.accounts.map(\.account))
    func onePage(login: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for path in ["/", "/?page=2", "/activities", "/activities?q=civ&sort=status", "/breaches"] {
                var status: HTTPResponse.Status?
                let reads = try await Self.reads(fixture.store) { status = try await browser.get(path).status }
                #expect(status == .ok && reads == 1, "\(login) \(path): \(reads) reads")
            }
        }
    }

    @Test("signing in reads the account once; a request without a session reads once and goes to the sign-in page")
    func signingIn() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.get("/sign-in")
            var status: HTTPResponse.Status?
            let signIn = try await Self.reads(fixture.store) {
                status = try await browser.post("/sign-in", [("login", "dpo-mende"), ("password", DeskFixture.password)]).status
            }
            #expect(status == .seeOther && signIn == 1, "\(signIn) reads")
            let stranger = Browser(client)
            let away = try await Self.reads(fixture.store) { status = try await stranger.get("/").status }
            #expect(status == .seeOther && away == 1, "\(away) reads")
        }
    }

    /// A page read across several transactions could show a breach the dashboard's counts never saw; the
    /// counter above is what tells one read from several, so it must count them.
    @Test("firing: a page that reads apart (an activity's page, with its kept findings) counts more than one")
    func counted() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let reads = try await Self.reads(fixture.store) { _ = try await browser.get("/activities/mende-etat-civil") }
            #expect(reads > 1)
        }
    }
}
