import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import Testing

/// The requests of the people on the desk (issue 27): the list, a request's page and its forms, which call
/// the acts of `registre request` (`RequestActs`); who sees what (a reader nothing, a dpo only its
/// organisations' requests), the version a form carries, CSRF.
@Suite("Desk: the requests of the people")
struct RequestDeskTests {
    static let markers: [String: [String]] = ["mende": ["request-mende-1", "dossier-M-17"], "florac": ["request-florac-1", "dossier-F-4"]]

    /// The desk fixture, with its request for Mende and its request for Florac.
    static func fixture() throws -> DeskFixture {
        // The fixture's register holds them.
        try DeskFixture()
    }

    /// Every address of a request.
    static func probes(_ id: String) -> [IsolationTests.Probe] {
        [
            .init(method: "GET", path: "/requests/\(id)"),
            .init(method: "POST", path: "/requests/\(id)", fields: [("person", "intrus")]),
            .init(method: "POST", path: "/requests/\(id)/extend", fields: [("reason", "Intrus"), ("decided", "2026-03-27")]),
            .init(method: "POST", path: "/requests/\(id)/answer", fields: [("outcome", "granted"), ("sent", "2026-03-27")]),
        ]
    }

    @Test("a dpo gets not found for another commune's request, and its list leaves it out", arguments: ["dpo-mende", "dpo-cdg"])
    func dpoOfAnotherCommune(login: String) async throws {
        let fixture = try Self.fixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            let csrf = try #require(browser.csrf)
            for probe in Self.probes("request-florac-1") {
                let response = probe.method == "GET" ? try await browser.get(probe.path) : try await browser.post(probe.path, probe.fields, csrf: csrf)
                #expect(response.status == .notFound, "\(login) \(probe): \(response.status)")
                for marker in Self.markers["florac"] ?? [] { #expect(!response.text.contains(marker), "\(login) \(probe) shows \(marker)") }
            }
            for path in ["/requests", "/requests?organisation=florac", "/requests/new", "/"] {
                let response = try await browser.get(path)
                for marker in Self.markers["florac"] ?? [] { #expect(!response.text.contains(marker), "\(login) GET \(path) shows \(marker)") }
            }
            // Posting a new request for a controller it does not keep: refused, nothing written.
            let opened = try await browser.post("/requests/new", [("controller", "florac"), ("received", "2026-03-26"), ("rights[]", "access")], csrf: csrf)
            #expect(opened.status == .unprocessableContent)
            // Its own commune's request it sees, with the total of the list.
            let list = try await browser.get("/requests")
            #expect(list.status == .ok)
            #expect(list.text.contains("request-mende-1"))
            #expect(list.text.contains("1 "))
            #expect(try await browser.get("/requests/request-mende-1").status == .ok)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("a reader sees no request, not even its own commune's: their number only", arguments: ["reader-mende", "reader-cdg"])
    func reader(login: String) async throws {
        let fixture = try Self.fixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            let dashboard = try await browser.signIn(login)
            _ = dashboard
            let home = try await browser.get("/")
            #expect(!home.text.contains("href=\"/requests/"))
            let csrf = try #require(browser.csrf)
            for id in ["request-mende-1", "request-florac-1"] {
                for probe in Self.probes(id) {
                    let response = probe.method == "GET" ? try await browser.get(probe.path) : try await browser.post(probe.path, probe.fields, csrf: csrf)
                    #expect(response.status == .notFound, "\(login) \(probe): \(response.status)")
                    for marker in Self.markers.values.flatMap({ $0 }) { #expect(!response.text.contains(marker), "\(login) \(probe) shows \(marker)") }
                }
            }
            let counts = try await browser.get("/requests")
            #expect(counts.status == .ok)
            for marker in Self.markers.values.flatMap({ $0 }) { #expect(!counts.text.contains(marker), "\(login) /requests shows \(marker)") }
            #expect(try await browser.get("/requests/new").status == .notFound)
            #expect(try await browser.post("/requests/new", [("controller", "mende"), ("received", "2026-03-26"), ("rights[]", "access")], csrf: csrf).status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("the page shows the clock and the findings; the dashboard's deadline links to it; the navigation too")
    func page() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let home = try await browser.get("/")
            #expect(home.text.contains("href=\"/requests\""))
            #expect(home.text.contains("href=\"/requests/request-mende-1\""))
            // The other deadlines are not links.
            #expect(!home.text.contains("href=\"\""))
            let page = try await browser.get("/requests/request-mende-1")
            #expect(page.status == .ok)
            #expect(page.text.contains("2026-04-20"))
            #expect(page.text.contains("dossier-M-17"))
            #expect(page.text.contains("name=\"version\""))
            // No service recorded: nothing said of it.
            #expect(page.text.contains("(courrier)"))
        }
    }

    @Test("the forms: answer and extend change only their fields through the act; a stale version is refused; no CSRF, no change")
    func forms() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/request-mende-1")
            let shown = try #require(browser.version)
            let csrf = try #require(browser.csrf)
            // Without the session's token: refused, nothing written.
            let before = fixture.journalCount
            let forged = try await browser.post("/requests/request-mende-1/answer", [("outcome", "granted")], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(fixture.journalCount == before)
            // Extend: only the extension changes.
            let extended = try await browser.post(
                "/requests/request-mende-1/extend", [("version", shown), ("reason", "Archives à dépouiller"), ("decided", "2026-03-26"), ("told", "2026-03-26")],
                csrf: csrf)
            #expect(extended.status == .seeOther)
            var stored = try Self.request(fixture)
            #expect(stored.extended == RequestExtension(
                decided: CalendarDate(year: 2026, month: 3, day: 26)!, reason: "Archives à dépouiller", personTold: CalendarDate(year: 2026, month: 3, day: 26)!))
            #expect(stored.answer == nil && stored.person == "dossier-M-17" && stored.rights == [.access] && stored.activities.isEmpty)
            // The version shown before the extension is now stale: refused (409), nothing written.
            let count = fixture.journalCount
            let stale = try await browser.post("/requests/request-mende-1/answer", [("version", shown), ("outcome", "granted"), ("sent", "2026-03-27")], csrf: csrf)
            #expect(stale.status == .conflict)
            #expect(fixture.journalCount == count)
            #expect(try Self.request(fixture).answer == nil)
            // Read again: the answer is recorded, the extension kept.
            try await browser.get("/requests/request-mende-1")
            let answered = try await browser.post("/requests/request-mende-1/answer", [("outcome", "refused"), ("sent", "2026-03-27"), ("reason", "Art. 15(4)")])
            #expect(answered.status == .seeOther)
            stored = try Self.request(fixture)
            #expect(stored.answer?.outcome == .refused && stored.answer?.reason == "Art. 15(4)" && stored.answer?.remediesGiven == false)
            #expect(stored.extended?.reason == "Archives à dépouiller")
            // The findings of the act beside the fields: a refusal without the remedies (Art. 12(4)).
            let page = try await browser.get("/requests/request-mende-1")
            #expect(page.text.contains("Art. 12(4)"))
            // A day that cannot be read, or an answer before receipt: refused at the act, nothing written.
            let count2 = fixture.journalCount
            #expect(try await browser.post("/requests/request-mende-1/answer", [("outcome", "granted"), ("sent", "2026-02-30")]).status == .unprocessableContent)
            try await browser.get("/requests/request-mende-1")
            #expect(try await browser.post("/requests/request-mende-1/answer", [("outcome", "granted"), ("sent", "2026-03-01")]).status == .unprocessableContent)
            #expect(fixture.journalCount == count2)
        }
    }

    @Test("Enregistrer une demande: opened by the act, the id taken in its transaction")
    func open() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/new")
            let refused = try await browser.post("/requests/new", [("controller", "mende"), ("received", "2026-03-26")])
            #expect(refused.status == .unprocessableContent)
            let opened = try await browser.post(
                "/requests/new", [("controller", "mende"), ("received", "2026-03-26"), ("rights[]", "rectification"), ("person", "dossier-M-18")])
            #expect(opened.status == .seeOther)
            let register = try fixture.store.register()
            let request = try #require(register.requests.first { $0.person == "dossier-M-18" })
            #expect(request.id == "request-20260326-1" && request.rights == [.rectification] && request.controller == "mende")
        }
    }

    static func request(_ fixture: DeskFixture) throws -> DataSubjectRequest {
        try #require(try fixture.store.register().requests.first { $0.id == "request-mende-1" })
    }
}
