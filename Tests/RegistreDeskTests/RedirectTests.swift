import Foundation
import HTTPTypes
import HummingbirdTesting
import RegistreDesk
import Testing

@Suite("Desk: the language switch sends back within the site only")
struct RedirectTests {
    /// `back` values as a URL carries them (percent-encoded), each of which a browser could follow to
    /// another site, or that is not a plain path of this one.
    static let hostile = [
        "/%09/evil.example",  // tab, dropped by browsers: //evil.example
        "/%0A/evil.example", "/%0D%0A/evil.example", "/%00/evil.example",
        "/%5Cevil.example", "/%5C%5Cevil.example",  // backslash, read as a slash
        "//evil.example", "///evil.example",
        "/%2F%2Fevil.example",  // decoded once by the query: ///evil.example
        "/%252F%252Fevil.example",  // decoded once: /%2F%2Fevil.example, twice: //evil.example
        "/%255Cevil.example",
        "https://evil.example", "https:%2F%2Fevil.example", "http:evil.example", "javascript:alert(1)",
        "/%E3%80%80/evil.example",  // ideographic space
        "/%C2%A0/evil.example",  // no-break space
        "/%E2%80%8B/evil.example",  // zero-width space (a format character)
        "/%E2%80%AE/evil.example",  // right-to-left override
        "%20/evil.example", "evil.example", "",
        "/./evil", "/../evil", "/a/..//evil.example",
    ]

    @Test("a hostile `back` sends to the dashboard", arguments: hostile)
    func hostileBack(_ back: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.execute(uri: "/language/en?back=\(back)", method: .get, headers: [:], body: nil)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/", "back=\(back)")
        }
    }

    @Test(
        "a path of the site comes back, normalised to its percent-encoded form",
        arguments: [
            ("/breaches", "/breaches"),
            ("/activities/mende-etat-civil", "/activities/mende-etat-civil"),
            ("/history%3Fpage%3D2", "/history?page=2"),
            ("/activit%C3%A9s", "/activit%C3%A9s"),
            ("/organisations/mende%3F", "/organisations/mende"),
        ])
    func sameSiteBack(_ back: String, _ location: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.execute(uri: "/language/en?back=\(back)", method: .get, headers: [:], body: nil)
            #expect(response.headers[.location] == location)
        }
    }
}
