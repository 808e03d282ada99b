import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import Testing

/// Every route of a structure's pages, for each role: a member never sees another member's campaign
/// answers nor its activities, a reader changes nothing, and what an account may not see answers "not
/// found", the same as for an entry that does not exist. Nothing refused is written.
@Suite("Desk: a structure's pages, route by route and role by role")
struct StructureIsolationTests {
    static let campaign = "cdg48-revue-2026-03-27"
    static let model = StructureFixture.model

    struct Probe: CustomStringConvertible {
        var method: String
        var path: String
        var fields: [(String, String)] = []
        var description: String { "\(method) \(path)" }
        static func get(_ path: String) -> Probe { Probe(method: "GET", path: path) }
        static func post(_ path: String, _ fields: [(String, String)] = []) -> Probe { Probe(method: "POST", path: path, fields: fields) }
    }

    /// The structure's routes, and the statuses each account gets (absent: 404; 303: a write the account may
    /// make, not sent here — the other tests make them).
    static let probes: [(Probe, [String: HTTPResponse.Status])] = [
        (.get("/structures/cdg48"), ["admin": .ok, "dpo-cdg": .ok, "reader-cdg": .ok]),
        (.get("/structures/cdg48/campaigns/new"), ["admin": .ok, "dpo-cdg": .ok]),
        (.post("/structures/cdg48/campaigns/new", [("title", "Intrus"), ("due", "2026-05-01"), ("members[]", "mende")]), ["admin": .seeOther, "dpo-cdg": .seeOther]),
        (.get("/campaigns/\(campaign)"), [
            "admin": .ok, "dpo-cdg": .ok, "reader-cdg": .ok, "dpo-mende": .ok, "reader-mende": .ok, "dpo-florac": .ok,
        ]),
        (.get("/campaigns/\(campaign)/report.txt"), ["admin": .ok, "dpo-cdg": .ok]),
        (.post("/campaigns/\(campaign)/confirm", [("activities[]", "florac-cantine"), ("outcome", "reviewed")]), [
            "admin": .unprocessableContent, "dpo-cdg": .unprocessableContent, "reader-cdg": .unprocessableContent,
            "dpo-mende": .unprocessableContent, "reader-mende": .unprocessableContent, "dpo-florac": .seeOther,
        ]),
        (.post("/campaigns/\(campaign)/close"), ["admin": .seeOther, "dpo-cdg": .seeOther]),
        (.get("/models/\(model)"), ["admin": .ok, "dpo-cdg": .ok, "reader-cdg": .ok]),
        (.post("/models/\(model)/apply", [("members[]", "mende")]), ["admin": .unprocessableContent, "dpo-cdg": .unprocessableContent]),
        (.post("/models/\(model)/propagate"), ["admin": .seeOther, "dpo-cdg": .seeOther]),
        (.get("/activities/\(model)-florac/model"), ["admin": .ok, "dpo-cdg": .ok, "dpo-florac": .ok]),
        (.post("/activities/\(model)-florac/model", [("items[]", "purpose"), ("own", "true")]), ["admin": .seeOther, "dpo-cdg": .seeOther, "dpo-florac": .seeOther]),
        (.get("/activities/\(model)-mende/model"), ["admin": .ok, "dpo-cdg": .ok, "dpo-mende": .ok, "reader-mende": .ok]),
        (.post("/activities/\(model)-mende/model", [("items[]", "purpose"), ("own", "true")]), ["admin": .seeOther, "dpo-cdg": .seeOther, "dpo-mende": .seeOther]),
        (.get("/structures/cdg48/document?format=text"), ["admin": .ok, "dpo-cdg": .ok]),
        (.get("/structures/cdg48/members-documents?format=text"), ["admin": .ok, "dpo-cdg": .ok]),
        (.get("/register-documents/jsonld"), ["admin": .ok]),
    ]

    /// What each account must never read on any of these pages: the other member's entries and answers.
    static let hidden: [String: [String]] = [
        "dpo-mende": ["Cantine de Florac", "florac-cantine", "dpo-florac", "Commune de Florac"],
        "reader-mende": ["Cantine de Florac", "florac-cantine", "dpo-florac", "Commune de Florac"],
        "dpo-florac": ["État civil de Mende", "mende-etat-civil", "dpo-mende", "Commune de Mende"],
        "reader-cdg": ["État civil de Mende", "Cantine de Florac", "dpo-mende", "dpo-florac"],
    ]

    @Test("routes × roles", arguments: ["admin", "dpo-cdg", "reader-cdg", "dpo-mende", "reader-mende", "dpo-florac"])
    func matrix(login: String) async throws {
        let fixture = try StructureFixture()
        let cli = Acting(actor: "setup", now: friday)
        _ = try ModelActs(store: fixture.store).apply(Self.model, to: nil, by: cli)
        _ = try CampaignActs(store: fixture.store).open(
            "Revue", by: "cdg48", asking: nil, due: try #require(CalendarDate(iso: "2026-04-30")), acting: cli)
        // Both members answered, each by its own account.
        for (account, activity) in [("dpo-mende", "mende-etat-civil"), ("dpo-florac", "florac-cantine")] {
            try CampaignActs(store: fixture.store).confirm([activity], in: Self.campaign, as: .reviewed, by: Acting(actor: account, now: friday))
        }
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            let csrf = try #require(browser.csrf)
            for (probe, statuses) in Self.probes {
                // Writes that are allowed are not sent: the matrix checks refusals and reads.
                let expected = statuses[login] ?? .notFound
                if probe.method == "POST" && expected != .notFound && expected != .unprocessableContent { continue }
                let response = probe.method == "GET" ? try await browser.get(probe.path) : try await browser.post(probe.path, probe.fields, csrf: csrf)
                #expect(response.status == expected, "\(login) \(probe)")
                for marker in Self.hidden[login] ?? [] {
                    #expect(!response.text.contains(marker), "\(login) \(probe) shows \(marker)")
                }
            }
            for path in ["/structures", "/", "/organisations"] {
                let response = try await browser.get(path)
                for marker in Self.hidden[login] ?? [] where marker.hasPrefix("dpo-") {
                    #expect(!response.text.contains(marker), "\(login) GET \(path) shows \(marker)")
                }
            }
        }
        #expect(fixture.journalCount == before, "\(login): a refused act wrote")
    }
}
