import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The list of organisations is read by SQL from the names' keys kept beside them (`party_name_key`): 50
/// a page with the total, sorted by name (without case or accents) or id either way, filtered by text and
/// by role, the pages followed by their neighbour's key; an account never counts or lists an organisation
/// it was not given.
@Suite("Desk: the organisations paged, sorted and filtered by SQL")
struct OrganisationListTests {
    /// The fixture with 120 more communes, members of the centre de gestion from the 101st on, their names
    /// written with and without accents and capitals ("Écluse 007", "ecluse 008").
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        var register = DeskFixture.register
        for number in 1...120 {
            let name = String(format: number % 2 == 0 ? "ecluse %03d" : "Écluse %03d", number)
            register.organisations.append(Organisation(id: String(format: "commune-%03d", number), name: name, country: "FR"))
        }
        let cdg = try #require(register.organisations.firstIndex { $0.id == "cdg48" })
        register.organisations[cdg].members += (101...120).map { String(format: "commune-%03d", $0) }
        _ = try fixture.store.replace(with: register, actor: "setup")
        return fixture
    }

    static func rows(_ page: String) -> [String] {
        page.matches(of: /<tr><th scope="row"><a href="\/organisations\/([^"]+)">/).map { String($0.1) }
    }

    @Test("50 a page with the total, in the names' order without case or accents; followed by their links, the pages give each once and lead back",
          arguments: ["", "sort=name&desc=1", "sort=id", "sort=id&desc=1", "q=ecluse"])
    func walked(order: String) async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            var address: String? = "/organisations" + (order.isEmpty ? "" : "?" + order)
            var pages: [(address: String, rows: [String])] = []
            while let next = address, pages.count < 5 {
                let page = try await browser.get(next).text
                pages.append((next, Self.rows(page)))
                #expect(page.contains(order.hasPrefix("q=") ? "120 résultat(s) — page \(pages.count) / 3" : "126 résultat(s) — page \(pages.count) / 3"), "\(next)")
                address = ListPagingTests.link("next", in: page)
            }
            let seen = pages.flatMap(\.rows)
            #expect(pages.map(\.rows.count) == (order.hasPrefix("q=") ? [50, 50, 20] : [50, 50, 26]), "\(order)")
            #expect(Set(seen).count == seen.count)
            if order.isEmpty || order.hasPrefix("q=") {
                // "Écluse 007" between "ecluse 006" and "ecluse 008": accents and capitals do not count.
                let communes = seen.filter { $0.hasPrefix("commune-") }
                #expect(communes == communes.sorted(), "\(order)")
            }
            if order == "sort=id&desc=1" { #expect(seen == seen.sorted(by: >)) }
            // Every page by its number alone holds the same rows; back by the previous links, the same pages.
            for (number, page) in pages.enumerated() {
                let numbered = "/organisations?" + (order.isEmpty ? "" : order + "&") + "page=\(number + 1)"
                #expect(Self.rows(try await browser.get(numbered).text) == page.rows, "\(numbered)")
            }
            var back = try await browser.get(pages[pages.count - 1].address).text
            for page in pages.dropLast().reversed() {
                back = try await browser.get(try #require(ListPagingTests.link("prev", in: back))).text
                #expect(Self.rows(back) == page.rows)
            }
        }
    }

    @Test("filtered by role: the structures, their members, the processors; a role the list does not know finds nothing")
    func roles() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(Self.rows(try await browser.get("/organisations?role=structure").text) == ["cdg48"])
            let members = try await browser.get("/organisations?role=member").text
            #expect(members.contains("21 résultat(s)") && Self.rows(members).contains("mende") && !Self.rows(members).contains("florac"))
            // The processor of both agreements, and Florac, processor for Mende (its record, Art. 30(2)).
            #expect(Set(Self.rows(try await browser.get("/organisations?role=processor").text)) == ["prestataire", "florac"])
            #expect(try await browser.get("/organisations?role=processor&q=presta").text.contains("1 résultat(s)"))
            let unknown = try await browser.get("/organisations?role=%27%20OR%201%3D1")
            #expect(unknown.status == .ok && unknown.text.contains("0 résultat(s)"))
        }
    }

    @Test("an account counts, lists and pages only the organisations it reads, whatever the filter or the key asks",
          arguments: ["dpo-mende", "reader-cdg", "dpo-cdg"])
    func isolated(login: String) async throws {
        let fixture = try Self.fixture()
        let given = try #require(DeskFixture.accounts.first { $0.account == login }).sees
        // The centre's dpo keeps its members' registers: Mende's and the 20 communes added.
        let sees = login == "dpo-cdg" ? given.union((101...120).map { String(format: "commune-%03d", $0) }) : given
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for query in ["", "?q=e", "?q=commune", "?role=member", "?sort=id&desc=1", "?after=a&id=a", "?before=zzz&id=zzz", "?page=2"] {
                let page = try await browser.get("/organisations" + query).text
                let rows = Self.rows(page)
                #expect(rows.allSatisfy(sees.contains), "\(login) \(query): \(rows)")
                if query.isEmpty { #expect(page.contains("\(sees.count) résultat(s)") && rows.count == sees.count, "\(login)") }
                for hidden in ["Commune de Florac", "Prestataire informatique"] where !sees.contains("florac") {
                    #expect(!page.contains(hidden), "\(login) \(query) shows \(hidden)")
                }
            }
        }
    }
}
