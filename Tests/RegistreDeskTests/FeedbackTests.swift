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
            // A page whose own view has a `current` (an agreement's sub-processors) marks only its section.
            let agreement = try await browser.get("/agreements/accord-mende")
            #expect(agreement.text.components(separatedBy: "aria-current").count == 2)
            #expect(agreement.text.contains("<a href=\"/agreements\" aria-current=\"true\">"))
        }
    }

    @Test("the change-notice form offers as a new sub-processor neither the processor, a controller, nor one already authorised; an addition prints no \"(Remplace )\"")
    func changeNoticeForm() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let page = try await browser.get("/agreements/accord-florac").text
            let select = try #require(page.range(of: "<select id=\"subProcessor\"")).lowerBound
            let options = page[select...].prefix { $0 != "\n" }
            #expect(!options.contains("value=\"prestataire\""))
            #expect(!options.contains("value=\"florac\""))
            #expect(!options.contains("value=\"hebergeur\""))
            #expect(options.contains("value=\"nuage\""))
            #expect(options.contains("value=\"mende\""))
            #expect(!page.contains("(Remplace )"))
            #expect(!page.contains("(Remplace"))
        }
    }

    @Test("retiring an activity asks to confirm it first; the confirmation carries the version shown; a reader is not offered it")
    func retirementConfirmed() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/activities/mende-etat-civil")
            #expect(page.text.contains("<a href=\"/activities/mende-etat-civil/retire\">"))
            #expect(!page.text.contains("action=\"/activities/mende-etat-civil/retire\""))
            let confirm = try await browser.get("/activities/mende-etat-civil/retire")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("<form method=\"post\" action=\"/activities/mende-etat-civil/retire\">"))
            let version = try #require(try fixture.store.versionedEntry(EntityKey(.activity, "mende-etat-civil"))?.1)
            #expect(confirm.text.contains("name=\"version\" value=\"\(version)\""))
            #expect(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" }?.status != .retired)
            let retired = try await browser.post("/activities/mende-etat-civil/retire", [])
            #expect(retired.status == .seeOther)
            #expect(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" }?.status == .retired)
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            #expect(try await reader.get("/activities/mende-etat-civil/retire").status == .notFound)
        }
    }

    @Test("an approximate count typed in French is shown back in French, in English in English, and saving it unchanged writes nothing")
    func countAsTyped() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/breaches/breach-mende-1")
            let saved = try await browser.post("/breaches/breach-mende-1", [("approximateSubjects", "environ 40")])
            #expect(saved.status == .seeOther)
            let page = try await browser.get("/breaches/breach-mende-1")
            #expect(page.text.contains("value=\"environ 40\""))
            let before = fixture.journalCount
            #expect(try await browser.post("/breaches/breach-mende-1", [("approximateSubjects", "environ 40")]).status == .seeOther)
            #expect(fixture.journalCount == before)
            try await browser.get("/language/en?back=/")
            #expect(try await browser.get("/breaches/breach-mende-1").text.contains("value=\"about 40\""))
        }
        #expect(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" }?.subjects == (try Count(parsing: "about 40")))
    }
}
