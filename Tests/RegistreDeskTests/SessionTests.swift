import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: signing in, sessions, CSRF and headers")
struct SessionTests {
    @Test("a visitor who is not signed in is sent to the sign-in page, which labels every input")
    func visitorRedirected() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            let response = try await browser.get("/")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sign-in")
            let page = try await browser.get("/sign-in")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"fr\">"))
            #expect(page.text.contains("<label for=\"login\">") && page.text.contains("<label for=\"password\">"))
        }
    }

    @Test("the right password opens a session: cookie HttpOnly, SameSite=Strict; the sign-in is journaled")
    func signIn() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            _ = try await browser.get("/sign-in")
            let response = try await browser.post("/sign-in", [("login", "dpo-mende"), ("password", DeskFixture.password)])
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(Desk.sessionCookie + "=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("dpo-mende"))
        }
        let events = try fixture.store.accountEvents()
        #expect(events.last?.kind == .signedIn && events.last?.login == "dpo-mende")
    }

    @Test("a wrong password is refused, journaled, and opens nothing")
    func wrongPassword() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            let response = try await browser.signIn("dpo-mende", password: "not the password")
            #expect(response.status == .unauthorized)
            #expect(browser.cookie(Desk.sessionCookie) == nil)
            #expect(try await browser.get("/").status == .seeOther)
        }
        #expect(try fixture.store.accountEvents().last?.kind == .signInRefused)
    }

    @Test("after five failures a login is refused to the client that failed, even with the right password, until the window has passed")
    func throttled() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            for _ in 1...5 {
                let guess = try await browser.signIn("reader-mende", password: "guess guess guess")
                #expect(guess.status == .unauthorized)
            }
            let locked = try await browser.signIn("reader-mende")
            #expect(locked.status == .tooManyRequests)
            // Another login is not slowed down by someone else's guesses.
            #expect(try await Browser(client).signIn("dpo-mende").status == .seeOther)
            fixture.clock.advance(15 * 60 + 1)
            #expect(try await browser.signIn("reader-mende").status == .seeOther)
        }
    }

    @Test("the sign-in form without its token is refused")
    func signInWithoutToken() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            let response = try await browser.post("/sign-in", [("login", "admin"), ("password", DeskFixture.password)], csrf: "forged")
            #expect(response.status == .forbidden)
            #expect(browser.cookie(Desk.sessionCookie) == nil)
        }
    }

    @Test("a session ends after 30 minutes without a request, and a request keeps it alive")
    func sessionExpires() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            fixture.clock.advance(25 * 60)
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.advance(25 * 60)
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.advance(31 * 60)
            let expired = try await browser.get("/")
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/sign-in")
        }
    }

    @Test("signing out closes the session: its cookie no longer opens anything")
    func signOut() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let token = try #require(browser.cookie(Desk.sessionCookie))
            #expect(try await browser.post("/sign-out", []).status == .seeOther)
            let replay = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(Desk.sessionCookie)=\(token)"], body: nil)
            #expect(replay.status == .seeOther)
        }
        #expect(try fixture.store.accountEvents().last?.kind == .signedOut)
    }

    @Test("a form without the session's CSRF token is refused and changes nothing")
    func csrfRefused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let forged = try await browser.post("/activities/mende-etat-civil/retire", [], csrf: "0000")
            #expect(forged.status == .forbidden)
            let missing = try await browser.post("/activities/mende-etat-civil/retire", [], csrf: "")
            #expect(missing.status == .forbidden)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("every answer carries the security headers, pages and unknown addresses alike")
    func headers() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            for path in ["/sign-in", "/desk.css", "/no/such/page"] {
                let response = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'self'"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
            }
        }
    }

    @Test("the language switch shows the pages in English, and only redirects within the site")
    func languageSwitch() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(browser.lastPage.contains("Tableau de bord"))
            let switched = try await browser.get("/language/en?back=/breaches")
            #expect(switched.headers[.location] == "/breaches")
            let page = try await browser.get("/")
            #expect(page.text.contains("<html lang=\"en\">") && page.text.contains("Dashboard"))
            let away = try await browser.get("/language/fr?back=//evil.example")
            #expect(away.headers[.location] == "/")
            let backslash = try await browser.get("/language/fr?back=/%5Cevil.example")
            #expect(backslash.headers[.location] == "/")
        }
    }
}
