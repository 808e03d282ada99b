import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// A breach may name an activity its controller does not record (an upload or the command line can name
/// one): its facts form shows only what the account may read of it, and keeps it on save.
@Suite("Desk: a breach naming another organisation's activity")
struct BreachActivitiesElsewhereTests {
    /// Mende's breach naming Florac's canteen beside Mende's own civil register.
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        _ = try fixture.store.change(actor: "cli") { edit in
            guard case .breach(var breach)? = try edit.entry(EntityKey(.breach, "breach-mende-1")) else { return }
            breach.activities = ["mende-etat-civil", "florac-cantine"]
            try edit.save(.breach(breach))
        }
        return fixture
    }

    @Test("firing: Mende's DPO reads neither the id nor the name of Florac's activity, only that another organisation's is named")
    func hidden() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(BreachFactsTests.page)
            #expect(page.status == .ok)
            #expect(!page.text.contains("florac-cantine") && !page.text.contains("Cantine de Florac"))
            #expect(page.text.contains("un traitement d&#39;une autre organisation"))
            #expect(page.text.contains("value=\"mende-etat-civil\" checked"))
            // Saved as shown, then with Mende's own activity unticked: Florac's stays named.
            #expect(try await browser.post(BreachFactsTests.facts, try BreachFactsTests.form(page.text, [])).status == .seeOther)
            let again = try await browser.get(BreachFactsTests.page)
            let unticked = try BreachFactsTests.form(again.text, []).filter { $0 != ("activities[]", "mende-etat-civil") }
            #expect(try await browser.post(BreachFactsTests.facts, unticked).status == .seeOther)
        }
        let breach = try #require(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" })
        #expect(breach.activities == ["florac-cantine"])
    }

    @Test("quiet: an administrator, who reads Florac's register, reads the activity's name, still no choice of Mende's form")
    func readable() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let page = try await browser.get(BreachFactsTests.page)
            #expect(page.text.contains("Cantine de Florac — un traitement d&#39;une autre organisation"))
            #expect(!page.text.contains("value=\"florac-cantine\""))
        }
    }
}
