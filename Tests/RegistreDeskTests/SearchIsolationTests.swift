import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The activities' text filter on the desk: the rows that hold the text, 50 a page with the total; an
/// account of one commune never finds, counts or pages anything of another through it.
@Suite("Desk: the activities' search, paged and isolated")
struct SearchIsolationTests {
    @Test("a text most names hold: 50 a page, the total, the next page by key; an administrator finds every commune's")
    func manyNames() async throws {
        let fixture = try ListPagingTests.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let first = try await browser.get("/activities?q=traitement").text
            #expect(first.contains(#"role="status">125 résultat(s) — page 1 / 3"#))
            // Sorted by the names' keys: Mende's "Traitement 001 …" first.
            #expect(ListPagingTests.activityRows(first) == (1...50).map { String(format: "mende-%03d", $0) })
            let second = try await browser.get(try #require(ListPagingTests.link("next", in: first))).text
            let third = try await browser.get(try #require(ListPagingTests.link("next", in: second))).text
            #expect(third.contains("page 3 / 3") && ListPagingTests.activityRows(third).count == 25)
            let all = [first, second, third].flatMap(ListPagingTests.activityRows)
            #expect(Set(all).count == 125 && all.last == "florac-5" && all.contains("florac-1"))
        }
    }

    @Test("an account of Mende searching a text of Florac's names finds nothing, counts nothing; its own text finds only its own",
          arguments: ["dpo-mende", "reader-mende"])
    func isolated(login: String) async throws {
        let fixture = try ListPagingTests.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for text in ["de%20Florac", "florac", "Cantine", "traitement%201%20de"] {
                let page = try await browser.get("/activities?q=\(text)").text
                #expect(ListPagingTests.activityRows(page).allSatisfy { $0.hasPrefix("mende") }, "\(text)")
                #expect(!page.contains("florac-") && !page.contains("Cantine de Florac"), "\(text)")
            }
            #expect(try await browser.get("/activities?q=de%20Florac").text.contains(#"role="status">0 résultat(s) — page 1 / 1"#))
            let own = try await browser.get("/activities?q=traitement").text
            #expect(own.contains(#"role="status">120 résultat(s) — page 1 / 3"#))
            #expect(ListPagingTests.activityRows(own).allSatisfy { $0.hasPrefix("mende-") })
        }
    }
}
