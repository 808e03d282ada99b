import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The list of agreements is read by SQL: 50 a page with the total, sorted by title, processor or pending
/// changes, filtered by text, organisation, processor and state; an account never counts or lists an
/// agreement of which no party is an organisation it reads (Art. 28(9)).
@Suite("Desk: the agreements paged, sorted and filtered by SQL")
struct AgreementListTests {
    /// The fixture (Florac's and Mende's agreements with the provider, signed, each with a change pending)
    /// and 55 more of Mende with the host, not signed, without change.
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        var register = DeskFixture.register
        for number in 1...55 {
            register.agreements.append(DataProcessingAgreement(
                id: String(format: "accord-mende-h%02d", number), title: String(format: "Hébergement %02d de Mende", number),
                controllers: ["mende"], processor: DeskFixture.host.id))
        }
        _ = try fixture.store.replace(with: register, actor: "setup")
        return fixture
    }

    static func rows(_ page: String) -> [String] {
        page.matches(of: /<tr><th scope="row"><a href="\/agreements\/([^"]+)">/).map { String($0.1) }
    }

    @Test("50 a page with the total; each facet keeps its agreements; a value the list does not know keeps none")
    func filters() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let first = try await browser.get("/agreements").text
            #expect(first.contains("57 résultat(s) — page 1 / 2") && Self.rows(first).count == 50)
            let second = try await browser.get(try #require(ListPagingTests.link("next", in: first))).text
            #expect(Self.rows(second).count == 7 && Set(Self.rows(second)).isDisjoint(with: Self.rows(first)))
            for (query, total) in [
                ("state=pending", 2), ("state=signed", 2), ("state=unsigned", 55), ("processor=hebergeur", 55), ("processor=prestataire", 2),
                ("organisation=florac", 1), ("organisation=prestataire", 2), ("organisation=mende&state=pending", 1), ("q=certifi", 55),
                ("state=bogus", 0), ("organisation=%27%20OR%201%3D1", 0),
            ] {
                #expect(try await browser.get("/agreements?" + query).text.contains("\(total) résultat(s)"), "\(query)")
            }
            // The agreements with a change pending first.
            let pending = Self.rows(try await browser.get("/agreements?sort=pending&desc=1").text)
            #expect(Set(pending.prefix(2)) == ["accord-florac", "accord-mende"])
            // By title without case or accents: "Accord d'hébergement…" before "Hébergement 01…", with the A and the H.
            let titles = Self.rows(try await browser.get("/agreements?sort=title").text)
            #expect(titles.prefix(3) == ["accord-florac", "accord-mende", "accord-mende-h01"])
        }
    }

    @Test("an account counts and lists only the agreements of the organisations it reads, whatever the filter", arguments: ["dpo-mende", "reader-cdg"])
    func isolated(login: String) async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for query in ["", "?organisation=florac", "?processor=prestataire", "?state=pending", "?q=florac", "?page=2"] {
                let page = try await browser.get("/agreements" + query).text
                #expect(!Self.rows(page).contains("accord-florac") && !page.contains("hébergement de Florac"), "\(login) \(query)")
            }
            #expect(try await browser.get("/agreements").text.contains(login == "dpo-mende" ? "56 résultat(s)" : "0 résultat(s)"))
        }
    }
}
