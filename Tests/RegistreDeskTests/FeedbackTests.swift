import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: what a page tells the person who acted")
struct FeedbackTests {
    @Test("a save sends back to the entry's page, which says it was saved with the journal entry's number")
    func savedWithItsNumber() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/new?organisation=mende")
            let created = try await browser.post(
                "/activities/new", PageTests.newActivity(id: "recrutement", name: "Recrutement", purposes: ["Recruter"]))
            let location = try #require(created.headers[.location])
            let page = try await browser.get(location)
            let sequence = try #require(try fixture.store.journal.page(JournalQuery(limit: 1)).entries.first?.sequence)
            #expect(page.text.contains("<p class=\"notice\" role=\"status\">Enregistré (entrée du journal n° \(sequence)).</p>"))
            // The same page read without having saved says nothing of the kind.
            #expect(!(try await browser.get("/activities/recrutement")).text.contains("class=\"notice\""))
        }
    }

    @Test("an address that matches no route gets the desk's own page not found, in the visitor's language")
    func ownNotFound() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let unknown = try await browser.get("/no/such/route")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("<h1>Page introuvable</h1>"))
            #expect(unknown.headers[.contentSecurityPolicy] != nil)
            try await browser.get("/language/en?back=/")
            #expect(try await browser.get("/still/nothing").text.contains("<h1>Page not found</h1>"))
        }
    }

    @Test("the navigation marks the page shown aria-current=page and the section of an entry's page aria-current=true")
    func currentPage() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let list = try await browser.get("/activities")
            #expect(list.text.contains("<a href=\"/activities\" aria-current=\"page\">"))
            #expect(list.text.components(separatedBy: "aria-current").count == 2)
            let entry = try await browser.get("/activities/mende-etat-civil")
            #expect(entry.text.contains("<a href=\"/activities\" aria-current=\"true\">"))
            #expect(!entry.text.contains("<a href=\"/\" aria-current"))
        }
    }
}
