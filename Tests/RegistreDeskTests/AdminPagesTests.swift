import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// Administration on the desk: accounts created, given a role and organisations, a new password, opened
/// again after failed sign-ins, removed — each in the account journal — and `verify`'s verdict; nobody but
/// an administrator reaches any of it.
@Suite("Desk: administration of accounts and the journal's verdict")
struct AdminPagesTests {
    /// The fixture's store behind a desk that hashes the passwords it sets at bcrypt's lowest cost.
    static func run(_ fixture: DeskFixture, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let clock = fixture.clock
        let desk = Desk(store: fixture.store, clock: DeskClock { clock.now }, passwordCost: 4)
        try await Application(router: desk.router()).test(.router, test)
    }

    @Test("an administrator creates an account, changes its role and organisations and its password; the account signs in with it")
    func accounts() async throws {
        let fixture = try DeskFixture()
        try await Self.run(fixture) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.status == .ok && page.text.contains("href=\"/admin\" aria-current=\"page\""))
            #expect(try await admin.post("/admin/accounts", [("login", "dpo-florac"), ("role", "dpo"), ("password", "court")]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/accounts", [("login", "dpo-mende"), ("role", "dpo"), ("password", DeskFixture.password)]).status == .unprocessableContent)
            let created = try await admin.post("/admin/accounts", [
                ("login", "dpo-florac"), ("role", "reader"), ("organisations[]", "florac"), ("password", DeskFixture.password),
            ])
            #expect(created.status == .seeOther)
            #expect(try fixture.store.accounts.find("dpo-florac")?.role == .reader)
            try await admin.get("/admin/accounts/dpo-florac")
            #expect(try await admin.post("/admin/accounts/dpo-florac", [("role", "dpo"), ("organisations[]", "florac"), ("organisations[]", "inconnu")]).status == .seeOther)
            let changed = try #require(try fixture.store.accounts.find("dpo-florac"))
            #expect(changed.role == .dpo && changed.organisations == ["florac"])
            try await admin.get("/admin/accounts/dpo-florac")
            #expect(try await admin.post("/admin/accounts/dpo-florac/password", [("password", "trop court")]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/accounts/dpo-florac/password", [("password", "un autre mot de passe long")]).status == .seeOther)

            // Its own role an administrator keeps: the register is never left without one.
            #expect(try await admin.post("/admin/accounts/admin", [("role", "dpo"), ("organisations[]", "mende")]).status == .unprocessableContent)
            #expect(try fixture.store.accounts.find("admin")?.role == .admin)

            let florac = Browser(client)
            #expect(try await florac.signIn("dpo-florac", password: "un autre mot de passe long").status == .seeOther)
            #expect(try await florac.get("/organisations/florac").status == .ok)
        }
        let kinds = try fixture.store.accounts.events().filter { $0.login == "dpo-florac" }.map(\.kind)
        #expect(kinds.starts(with: [.added, .changed, .passwordChanged]))
    }

    @Test("a login closed by failed sign-ins is opened again by an administrator, and journaled")
    func unlock() async throws {
        let fixture = try DeskFixture()
        try await Self.run(fixture) { client in
            let guesser = Browser(client)
            for _ in 0..<5 { try await guesser.signIn("dpo-mende", password: "pas le bon mot de passe") }
            #expect(try await guesser.signIn("dpo-mende").status != .seeOther, "closed to a client that failed")
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/admin/accounts/dpo-mende").text.contains("/admin/accounts/dpo-mende/unlock"))
            #expect(try await admin.post("/admin/accounts/dpo-mende/unlock", []).status == .seeOther)
            #expect(!(try await admin.get("/admin/accounts/dpo-mende").text.contains("/admin/accounts/dpo-mende/unlock")))
            #expect(try await guesser.signIn("dpo-mende").status == .seeOther)
        }
        #expect(try fixture.store.accounts.events().contains { $0.kind == .unlocked && $0.login == "dpo-mende" && $0.actor == "admin" })
    }

    @Test("verify's verdict and the journal's head: run by a form with the token, kept, never by a GET")
    func verdict() async throws {
        let fixture = try DeskFixture()
        try await Self.run(fixture) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(!(try await admin.get("/admin").text.contains("SHA-256")))
            // A GET, whatever it asks, runs nothing: the page offers the form.
            let asked = try await admin.get("/admin?verify=1").text
            #expect(!asked.contains("SHA-256") && asked.contains("action=\"/admin/verify\""))
            // Without the session's token the form is refused, and nothing is kept.
            #expect(try await admin.post("/admin/verify", [], csrf: "not-the-token").status == .forbidden)
            #expect(!(try await admin.get("/admin").text.contains("SHA-256")))
            #expect(try await admin.post("/admin/verify", []).status == .seeOther)
            let verified = try await admin.get("/admin")
            #expect(verified.text.contains("Le journal est intact."))
            let head = try #require(try fixture.store.journal.verify().head)
            #expect(verified.text.contains("n° \(head.sequence), SHA-256 \(head.hash)"))
            #expect(verified.text.contains("(admin)"), "who ran it")
            // The history shows the verdict kept too.
            #expect(try await admin.get("/history").text.contains("Journal intact"))
        }
    }

    @Test("no account but an administrator reaches any of it; nothing refused is written", arguments: ["dpo-mende", "reader-mende", "dpo-cdg", "reader-cdg"])
    func isolation(login: String) async throws {
        let fixture = try DeskFixture()
        let events = try fixture.store.accounts.events().count
        try await Self.run(fixture) { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            let csrf = try #require(browser.csrf)
            #expect(!(try await browser.get("/").text.contains("href=\"/admin\"")))
            for path in ["/admin", "/admin?verify=1", "/admin/accounts/admin", "/admin/accounts/\(login)"] {
                #expect(try await browser.get(path).status == .notFound, "\(login) GET \(path)")
            }
            for (path, fields) in [
                ("/admin/accounts", [("login", "intrus"), ("role", "admin"), ("password", DeskFixture.password)]),
                ("/admin/accounts/\(login)", [("role", "admin")]),
                ("/admin/accounts/admin/password", [("password", "un mot de passe intrus")]),
                ("/admin/accounts/admin/unlock", []), ("/admin/accounts/admin/remove", []), ("/admin/verify", []),
            ] {
                #expect(try await browser.post(path, fields, csrf: csrf).status == .notFound, "\(login) POST \(path)")
            }
        }
        // Only the sign-in itself was journaled.
        #expect(try fixture.store.accounts.events().count == events + 1)
        #expect(try fixture.store.accounts.find(login)?.role != .admin)
    }
}
