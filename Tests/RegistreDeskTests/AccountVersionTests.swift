import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The account form carries the version of the account it shows (the account journal's last line giving
/// its role or organisations): a form shown before `registre user` (or another administrator) gave the
/// account an organisation does not take it away again.
@Suite("Desk: the account form carries its version; a stale one is refused")
struct AccountVersionTests {
    @Test("quiet: a form saved as shown changes the account; its version moves")
    func fresh() async throws {
        let fixture = try DeskFixture()
        let before = try fixture.store.accounts.version(of: "dpo-mende")
        #expect(before > 0)
        try await AdminPagesTests.run(fixture) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin/accounts/dpo-mende")
            #expect(page.text.contains("name=\"version\" value=\"\(before)\""))
            #expect(try await admin.post("/admin/accounts/dpo-mende", [("role", "dpo"), ("organisations[]", "mende"), ("organisations[]", "florac")]).status == .seeOther)
        }
        #expect(try fixture.store.accounts.find("dpo-mende")?.organisations == ["florac", "mende"])
        #expect(try fixture.store.accounts.version(of: "dpo-mende") > before)
    }

    @Test("firing: an organisation given on the command line after the form was shown is not dropped; the save is refused (409), nothing written")
    func stale() async throws {
        let fixture = try DeskFixture()
        try await AdminPagesTests.run(fixture) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            try await admin.get("/admin/accounts/dpo-mende")
            // Meanwhile, `registre user` gives the account Florac too (the function it calls).
            try fixture.store.accounts.change("dpo-mende", role: .dpo, organisations: ["mende", "florac"], actor: "cli", at: friday)
            let events = try fixture.store.accounts.events().count
            let refused = try await admin.post("/admin/accounts/dpo-mende", [("role", "reader"), ("organisations[]", "mende")])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("a changé depuis l&#39;affichage du formulaire"))
            // The page shows the account as it is now, with the version to save again at.
            #expect(refused.text.contains("id=\"org-florac\" name=\"organisations[]\" value=\"florac\" checked"))
            #expect(try fixture.store.accounts.events().count == events, "nothing journaled")
            // Without a version at all: refused too.
            #expect(try await admin.post("/admin/accounts/dpo-mende", [("role", "reader"), ("version", "")]).status == .conflict)
            // Saved again from the page as it is now: accepted.
            #expect(try await admin.post("/admin/accounts/dpo-mende", [("role", "reader"), ("organisations[]", "mende"), ("organisations[]", "florac")]).status == .seeOther)
        }
        let account = try #require(try fixture.store.accounts.find("dpo-mende"))
        #expect(account.role == .reader && account.organisations == ["florac", "mende"])
    }

    @Test("the store compares the version inside its write transaction")
    func storeRefuses() throws {
        let fixture = try DeskFixture()
        let version = try fixture.store.accounts.version(of: "dpo-mende")
        #expect(throws: AccountError.moved(login: "dpo-mende")) {
            try fixture.store.accounts.change("dpo-mende", role: .reader, organisations: [], actor: "admin", at: friday, expectedVersion: version - 1)
        }
        #expect(try fixture.store.accounts.find("dpo-mende")?.role == .dpo)
        try fixture.store.accounts.change("dpo-mende", role: .reader, organisations: [], actor: "admin", at: friday, expectedVersion: version)
        #expect(try fixture.store.accounts.find("dpo-mende")?.role == .reader)
    }
}
