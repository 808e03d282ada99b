import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
@testable import RegistreDesk
import RegistreStore
import Testing

/// Whose entries an account sees is a condition of the store's SQL (the history, the lists): it must say
/// what the access policy says in Swift, entry by entry, for every kind of entry and every account.
@Suite("Desk: whose entries an account sees, asked of SQL, as its access policy says")
struct VisibleEntriesTests {
    /// The fixture, with an entry of each kind the policy decides through what it names: an activity of
    /// Florac that Mende controls jointly (Art. 26), a matrix between Mende and its processor, a campaign of
    /// the centre de gestion; and Florac's breach deleted (nothing says any more whose it was).
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        _ = try fixture.store.change(actor: "setup") { edit in
            var joint = DeskFixture.activity("florac-ecole", "École commune de Florac", of: "florac")
            joint.jointControllers = [.init(organisation: "mende", arrangement: "Convention")]
            try edit.save(.activity(joint))
            try edit.save(.matrix(ResponsibilityMatrix(
                id: "matrice-mende", title: "Matrice de Mende", agreement: "accord-mende",
                parties: [.init("mende", role: .controller), .init(DeskFixture.provider.id, role: .processor)],
                rows: [.init(domain: .privacyAndRegister, label: "Registre", cells: [.init(party: "mende", obligations: ["Tenir le registre"])])])))
            try edit.save(.campaign(ReviewCampaign(
                id: "revue-cdg", title: "Revue du centre", structure: "cdg48", members: ["mende"],
                opened: CalendarDate(year: 2026, month: 3, day: 2)!, due: CalendarDate(year: 2026, month: 4, day: 30)!)))
            try edit.delete(EntityKey(.breach, "breach-florac-1"))
        }
        return fixture
    }

    @Test("every entry, for every account: SQL and the policy agree (an entry deleted: the administrator only)", arguments: DeskFixture.accounts.map(\.account))
    func agrees(login: String) throws {
        let fixture = try Self.fixture()
        let account = try #require(DeskFixture.accounts.first { $0.account == login })
        let register = try fixture.store.register()
        let policy = AccessPolicy(role: account.role, organisations: account.given, in: register)
        let visibility: Visibility = policy.seesWholeRegister ? .all : .organisations(Set(policy.readableOrganisations(of: register).map(\.id)))
        let keys = register.entries.map(\.key) + [EntityKey(.breach, "breach-florac-1")]
        #expect(keys.contains(EntityKey(.matrix, "matrice-mende")) && keys.contains(EntityKey(.campaign, "revue-cdg")))
        var shown = 0
        try fixture.store.read { reading in
            for key in keys {
                let sql = try reading.shows(key, to: visibility, requests: account.role != .reader)
                #expect(sql == policy.mayRead(key, in: register), "\(login) \(key)")
                if sql { shown += 1 }
            }
        }
        // Each account sees something, and only the administrator everything.
        #expect(shown > 0)
        #expect((shown == keys.count) == (account.role == .admin))
    }

    @Test("the history of a dpo holds the changes of its entries only, found behind any number of the others' changes")
    func historyPage() async throws {
        let fixture = try Self.fixture()
        // Florac's activity renamed past a page: Mende's own changes all lie before them in the journal.
        for time in 0..<(Desk.historyPageSize + 5) {
            _ = try fixture.store.change(actor: "cli") { edit in
                var activity = try edit.activity("florac-cantine")
                activity.name = "Cantine de Florac \(time)"
                try edit.save(.activity(activity))
            }
        }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/history")
            #expect(page.status == .ok)
            #expect(page.text.contains("État civil de Mende"))
            // The activity Mende controls jointly with Florac is Mende's too (Art. 26), the matrix too.
            #expect(page.text.contains("École commune de Florac"))
            #expect(page.text.contains("Matrice de Mende"))
            for marker in ["Cantine de Florac", "Clé USB perdue", "dossier-F-4", "Paie du centre"] {
                #expect(!page.text.contains(marker), "dpo-mende /history shows \(marker)")
            }
            // A reader of Mende: its changes, not its requests' (issue 27: they name people).
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            let read = try await reader.get("/history")
            #expect(read.text.contains("État civil de Mende"))
            #expect(!read.text.contains("dossier-M-17"))
            #expect(try await reader.get("/history?entity=request:request-mende-1").status == .notFound)
            #expect(try await browser.get("/history?entity=request:request-mende-1").status == .ok)
        }
    }
}
