import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
@testable import RegistreDesk
import RegistreReports
import RegistreStore
import Testing

@Suite("Desk: the history in words, paged")
struct HistoryTests {
    @Test("a change shows the entry's name, each field as the text export names it, before → after, and the account")
    func inWords() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            try await browser.post("/activities/mende-etat-civil/retire", [])
            let page = try await browser.get("/history?entity=mende-etat-civil")
            #expect(page.status == .ok)
            let name = try #require(fixture.store.register().activities.first { $0.id == "mende-etat-civil" }?.name)
            #expect(page.text.contains(name))
            let label = JournalFieldText.label("status", language: .fr)
            #expect(page.text.contains("<th scope=\"row\">\(label)</th>"))
            let retired = try #require(JournalFieldText.value("\"retired\"", field: "status", language: .fr))
            #expect(page.text.contains("<td class=\"value\">\(retired)</td>"))
            #expect(page.text.contains("<strong>dpo-mende</strong>"))
            // Only this entry's changes: no other activity's name.
            #expect(!page.text.contains("Cantine de Florac"))
        }
    }

    @Test("an entry asked by its id alone or with its kind is found; one the account may not read is not found")
    func entryById() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            #expect(try await browser.get("/history?entity=mende-etat-civil").status == .ok)
            #expect(try await browser.get("/history?entity=activity:mende-etat-civil").status == .ok)
            #expect(try await browser.get("/history?entity=florac-cantine").status == .notFound)
            #expect(try await browser.get("/history?entity=no-such-entry").status == .notFound)
        }
    }

    @Test("a long journal is shown a page at a time, the next page from the last sequence shown")
    func paged() async throws {
        let fixture = try DeskFixture()
        for time in 0..<(Desk.historyPageSize + 5) {
            _ = try fixture.store.change(actor: "dpo-mende") { edit in
                var activity = try edit.activity("mende-etat-civil")
                activity.name = "État civil \(time)"
                try edit.save(.activity(activity))
            }
        }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let first = try await browser.get("/history?actor=dpo-mende")
            #expect(first.text.components(separatedBy: "<section class=\"change\"").count - 1 == Desk.historyPageSize)
            let newest = try #require(try fixture.store.journal.page(JournalQuery(actor: "dpo-mende", limit: 1)).entries.first?.sequence)
            let next = newest - Int64(Desk.historyPageSize) + 1
            #expect(first.text.contains("href=\"/history?actor=dpo-mende&amp;before=\(next)\""))
            let second = try await browser.get("/history?actor=dpo-mende&before=\(next)")
            #expect(second.text.components(separatedBy: "<section class=\"change\"").count - 1 == 5)
            #expect(!second.text.contains("rel=\"next\""))
            #expect(second.text.contains("État civil 4"))
            #expect(!second.text.contains("État civil 5<"))
        }
    }
}
