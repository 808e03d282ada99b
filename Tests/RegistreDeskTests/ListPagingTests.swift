import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// Every list of the desk shows 50 rows a page with the total, sorts by its columns and filters by text and
/// facets; its links keep the query; an account's lists never count what it may not see.
@Suite("Desk: lists paged, sorted and filtered")
struct ListPagingTests {
    /// The fixture's register with 120 more activities for Mende (every tenth retired) and 5 for Florac.
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        var register = DeskFixture.register
        for number in 1...120 {
            var activity = DeskFixture.activity(String(format: "mende-%03d", number), String(format: "Traitement %03d de Mende", number), of: "mende")
            if number % 10 == 0 { activity.status = .retired }
            register.activities.append(activity)
        }
        for number in 1...5 {
            register.activities.append(DeskFixture.activity("florac-\(number)", "Traitement \(number) de Florac", of: "florac"))
        }
        _ = try fixture.store.replace(with: register, actor: "setup")
        return fixture
    }

    static func activityRows(_ page: String) -> [String] {
        page.matches(of: /<tr><th scope="row"><a href="\/activities\/([^"]+)">/).map { String($0.1) }
    }

    /// The address of the pager's link `rel` (`next`, `prev`), as a browser follows it.
    static func link(_ rel: String, in page: String) -> String? {
        page.firstMatch(of: try! Regex(#"<a rel="\#(rel)" href="([^"]+)">"#)).map { String($0.output[1].substring ?? "").replacing("&amp;", with: "&") }
    }

    @Test("the activities come 50 a page with the total; the next page's link keeps the filter; the last page holds the rest")
    func activityPages() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let first = try await browser.get("/activities").text
            // 3 activities of the fixture, 120 of Mende, 5 of Florac.
            #expect(first.contains("128 résultat(s) — page 1 / 3"))
            #expect(Self.activityRows(first).count == 50)
            // The next page by the key of this page's last row (its name's key and id).
            #expect(Self.link("next", in: first) == "/activities?page=2&after=traitement%20047%20de%20mende&id=mende-047")
            let mende = try await browser.get("/activities?q=de%20Mende&organisation=mende").text
            #expect(mende.contains("121 résultat(s) — page 1 / 3"))
            let next = try #require(Self.link("next", in: mende))
            #expect(next.hasPrefix("/activities?q=de%20Mende&organisation=mende&page=2&after="))
            let second = try await browser.get(next).text
            #expect(second.contains("121 résultat(s) — page 2 / 3"))
            let last = try await browser.get(try #require(Self.link("next", in: second))).text
            #expect(Self.activityRows(last).count == 21)
            #expect(last.contains("page 3 / 3") && last.contains(#"<a rel="prev""#) && !last.contains(#"<a rel="next""#))
            // Page 3 by its number alone (an address written by hand): the same rows.
            let numbered = try await browser.get("/activities?q=de%20Mende&organisation=mende&page=3").text
            #expect(Self.activityRows(numbered) == Self.activityRows(last))
        }
    }

    @Test("followed by their links, the pages give every activity once, in the list's order, and lead back to the same pages",
          arguments: ["", "sort=name&desc=1", "sort=status", "sort=organisation&desc=1", "sort=id", "status=active&sort=status"])
    func walked(order: String) async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            for login in ["admin", "dpo-mende"] {
                let browser = Browser(client)
                try await browser.signIn(login)
                var address: String? = "/activities" + (order.isEmpty ? "" : "?" + order)
                var pages: [(address: String, rows: [String])] = []
                while let next = address, pages.count < 5 {
                    let page = try await browser.get(next).text
                    pages.append((next, Self.activityRows(page)))
                    #expect(page.contains("page \(pages.count) / "), "\(login) \(next)")
                    address = Self.link("next", in: page)
                }
                let seen = pages.flatMap(\.rows)
                #expect(Set(seen).count == seen.count && seen.count > 100, "\(login) \(order): \(seen.count)")
                // Every page by its number alone holds the same rows.
                for (number, page) in pages.enumerated() {
                    let numbered = "/activities?" + (order.isEmpty ? "" : order + "&") + "page=\(number + 1)"
                    #expect(Self.activityRows(try await browser.get(numbered).text) == page.rows, "\(login) \(numbered)")
                }
                // And back by the previous links, from the last page to the first.
                var back = try await browser.get(pages[pages.count - 1].address).text
                for page in pages.dropLast().reversed() {
                    let previous = try #require(Self.link("prev", in: back))
                    back = try await browser.get(previous).text
                    #expect(Self.activityRows(back) == page.rows, "\(login) \(previous)")
                }
                #expect(Self.link("prev", in: back) == nil)
            }
        }
    }

    @Test("a key in the address that is not a row's (hostile or stale) still gives a page of the list, never an error")
    func strangeKeys() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            for query in ["after=%27%3B%20DROP%20TABLE%20field&id=x", "before=zzz&id=", "after=a", "before=%00&id=%00&sort=status", "after=&id=&page=-4"] {
                let page = try await browser.get("/activities?" + query)
                #expect(page.status == .ok, "\(query)")
                #expect(Self.activityRows(page.text).allSatisfy { $0.hasPrefix("mende-") }, "\(query)")
            }
        }
    }

    @Test("the activities filter by text, status and organisation, and sort by name either way")
    func activityFilters() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(Self.activityRows(try await browser.get("/activities?q=cantine").text) == ["florac-cantine"])
            let retired = try await browser.get("/activities?status=retired").text
            #expect(retired.contains("12 résultat(s)"))
            #expect(Self.activityRows(retired).allSatisfy { Int($0.dropFirst("mende-".count)).map { $0 % 10 == 0 } ?? false })
            #expect(Self.activityRows(try await browser.get("/activities?organisation=florac").text).count == 6)
            // A text with SQL's wildcards finds them as written, not as wildcards.
            #expect(try await browser.get("/activities?q=%25").text.contains("0 résultat(s)"))
            // Names in French order, without case or accents: "État civil" with the E, not after "Traitement".
            let descending = Self.activityRows(try await browser.get("/activities?sort=name&desc=1").text)
            #expect(descending.first == "florac-5")
            let ascending = Self.activityRows(try await browser.get("/activities?sort=name").text)
            #expect(Array(ascending.prefix(3)) == ["florac-cantine", "mende-etat-civil", "cdg-paie"])
            #expect(Self.activityRows(try await browser.get("/activities?sort=name&desc=1&page=3").text).last == "florac-cantine")
        }
    }

    @Test("one or two characters find the names that begin with them (the page says so), three or more those that hold them")
    func shortText() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let accented = try await browser.get("/activities?q=%C3%A9t").text
            #expect(Self.activityRows(accented) == ["mende-etat-civil"], "é, t: the name's first letters, accent aside")
            #expect(accented.contains("les noms qui commencent par ce texte"))
            #expect(try await browser.get("/activities?q=T").text.contains("125 résultat(s)"))
            #expect(try await browser.get("/activities?q=ci").text.contains("0 résultat(s)"), "not inside a name below three characters")
            let inside = try await browser.get("/activities?q=civ").text
            #expect(Self.activityRows(inside) == ["mende-etat-civil"] && !inside.contains("les noms qui commencent par"))
            let mine = Browser(client)
            try await mine.signIn("dpo-mende")
            #expect(try await mine.get("/activities?q=t").text.contains("120 résultat(s)"), "its own only: Mende's 120")
        }
    }

    @Test("a DPO's list counts and shows its organisation's activities only, whatever the filter asks")
    func activitiesOfOneAccount() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/activities").text
            #expect(page.contains("121 résultat(s)"))
            let florac = try await browser.get("/activities?organisation=florac&q=Florac").text
            #expect(florac.contains("0 résultat(s)"))
            #expect(!florac.contains("florac-"))
            for number in 2...3 {
                let rows = Self.activityRows(try await browser.get("/activities?page=\(number)").text)
                #expect(rows.allSatisfy { $0.hasPrefix("mende-") })
            }
        }
    }

    @Test("organisations, breaches and agreements page and filter by text, and sort by a column")
    func otherLists() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            // Names in French order: "Hébergeur" with the H, after "Commune", before "Nuage"; É as E.
            let byName = try await browser.get("/organisations?sort=name").text
            let names = ["Centre de gestion", "Commune de Florac", "Commune de Mende", "Hébergeur certifié", "Nuage souverain", "Prestataire informatique"]
                .compactMap { byName.range(of: $0)?.lowerBound }
            #expect(names.count == 6 && names == names.sorted())
            let organisations = try await browser.get("/organisations?q=florac").text
            #expect(organisations.contains("1 résultat(s)") && organisations.contains("Commune de Florac"))
            #expect(!organisations.contains("Commune de Mende"))
            // Mende's activity count comes from the index: the fixture's one and the 120 added.
            #expect(try await browser.get("/organisations?q=mende&sort=id").text.contains("<td>121</td>"))
            let breaches = try await browser.get("/breaches?q=USB").text
            #expect(breaches.contains("1 résultat(s)") && breaches.contains("Clé USB perdue à Florac") && !breaches.contains("Courriel mal adressé"))
            let overdue = try await browser.get("/breaches?state=overdue").text
            #expect(overdue.contains("0 résultat(s)"))
            let agreements = try await browser.get("/agreements?q=Florac").text
            #expect(agreements.contains("1 résultat(s)") && agreements.contains("hébergement de Florac") && !agreements.contains("hébergement de Mende"))
            let sorted = try await browser.get("/agreements?sort=title&desc=1").text
            let florac = try #require(sorted.range(of: "hébergement de Florac")), mende = try #require(sorted.range(of: "hébergement de Mende"))
            #expect(mende.lowerBound < florac.lowerBound)
        }
    }
}
