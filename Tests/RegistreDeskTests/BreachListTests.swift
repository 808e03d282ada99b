import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The breach register is read by SQL from the clocks kept beside the breaches (`breach_clock`): 50 a page
/// with the total, the most recent first or sorted by a column, filtered by text, organisation, the
/// clock's state, the risk tier and the period of awareness; the states judged at the page's moment; an
/// account never counts or lists a breach of an organisation it was not given. The dashboard shows the 50
/// most recent open ones and says how many there are.
@Suite("Desk: the breaches paged, sorted and filtered by SQL")
struct BreachListTests {
    /// The fixture with 60 more breaches of Mende, the n-th aware n × 2 hours before the fixture's moment:
    /// within 24 hours of its deadline from the 24th on, overdue past the 36th.
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        var register = DeskFixture.register
        for number in 1...60 {
            register.breaches.append(Breach(
                id: String(format: "breach-mende-x%02d", number), title: String(format: number % 2 == 0 ? "Écran %02d" : "ecran %02d", number),
                controller: "mende", aware: friday.addingTimeInterval(-Double(number) * 2 * 3600), nature: [.availability]))
        }
        _ = try fixture.store.replace(with: register, actor: "setup")
        return fixture
    }

    static func rows(_ page: String) -> [String] {
        page.matches(of: /<tr class="clock [^"]*"><th scope="row"><a href="\/breaches\/([^"]+)">/).map { String($0.1) }
    }

    @Test("50 a page with the total, the most recent first; the next page by its link; sorted by title without case or accents")
    func paged() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let first = try await browser.get("/breaches").text
            #expect(first.contains("62 résultat(s) — page 1 / 2"))
            let rows = Self.rows(first)
            // The most recent first, the id breaking ties the same way.
            let register = try fixture.store.register()
            #expect(rows == register.breaches.sorted { ($0.aware, $0.id) > ($1.aware, $1.id) }.prefix(50).map(\.id))
            let second = try await browser.get(try #require(ListPagingTests.link("next", in: first))).text
            #expect(second.contains("page 2 / 2") && Self.rows(second).count == 12)
            #expect(Set(rows).isDisjoint(with: Self.rows(second)))
            // "Écran 02" between "ecran 01" and "ecran 03".
            let byTitle = Self.rows(try await browser.get("/breaches?sort=title&q=cran").text)
            #expect(byTitle.count == 50 && byTitle == byTitle.sorted())
            let byTitleDown = Self.rows(try await browser.get("/breaches?sort=title&desc=1&q=cran").text)
            #expect(byTitleDown.first == "breach-mende-x60")
        }
    }

    @Test("filtered by the clock's state at the page's moment, the organisation, the risk tier and the period of awareness")
    func filters() async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            // Each state as `BreachDecision` judges it at the page's moment, in each breach's calendar.
            let register = try fixture.store.register()
            func judged(_ state: BreachDecision.ClockState) -> Int {
                register.breaches.filter { BreachDecision($0, in: register, now: fixture.clock.now).clock == state }.count
            }
            for state in [BreachDecision.ClockState.overdue, .dueSoon, .inTime] {
                #expect(judged(state) > 0)
                #expect(try await browser.get("/breaches?state=\(state.rawValue)").text.contains("\(judged(state)) résultat(s)"), "\(state)")
            }
            // Two hours later, one more is overdue: the state is judged at the page's moment, not kept.
            let overdue = judged(.overdue)
            fixture.clock.advance(2 * 3600)
            #expect(judged(.overdue) > overdue)
            // (Past the session's idle timeout: signed in again.)
            try await browser.signIn("admin")
            #expect(try await browser.get("/breaches?state=overdue").text.contains("\(judged(.overdue)) résultat(s)"))
            #expect(Self.rows(try await browser.get("/breaches?organisation=florac").text) == ["breach-florac-1"])
            #expect(try await browser.get("/breaches?severity=none").text.contains("62 résultat(s)"))
            #expect(try await browser.get("/breaches?severity=high-risk").text.contains("0 résultat(s)"))
            // Aware on the fixture's day (Paris): Florac's and the first four added (every two hours since 08:00 UTC).
            #expect(try await browser.get("/breaches?from=2026-03-27&to=2026-03-27").text.contains("5 résultat(s)"))
            #expect(try await browser.get("/breaches?to=2026-03-26").text.contains("57 résultat(s)"))
            for hostile in ["state=%27%20OR%201%3D1", "severity=bogus", "from=2026-13-45", "to=yesterday"] {
                let page = try await browser.get("/breaches?" + hostile)
                #expect(page.status == .ok && page.text.contains("0 résultat(s)"), "\(hostile)")
            }
        }
    }

    @Test("a dpo counts and lists its organisation's breaches only, whatever the filter; its dashboard too", arguments: ["dpo-mende", "reader-cdg"])
    func isolated(login: String) async throws {
        let fixture = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for query in ["", "?organisation=florac", "?q=USB", "?state=in-time", "?sort=organisation&desc=1", "?page=2"] {
                let page = try await browser.get("/breaches" + query).text
                #expect(Self.rows(page).allSatisfy { $0.hasPrefix("breach-mende") }, "\(login) \(query)")
                #expect(!page.contains("Clé USB perdue"), "\(login) \(query)")
            }
            let all = try await browser.get("/breaches").text
            #expect(all.contains(login == "dpo-mende" ? "61 résultat(s)" : "0 résultat(s)"))
            let home = try await browser.get("/").text
            #expect(!home.contains("Clé USB perdue"))
            if login == "dpo-mende" {
                // 61 open breaches: the 50 most recent shown, and how many there are.
                #expect(home.contains("61 violations en cours en tout") && home.contains("href=\"/breaches?state=open\""))
                #expect(home.matches(of: /<article class="clock/).count == 50)
            }
        }
    }
}
