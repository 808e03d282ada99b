import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import Testing

/// The request page's form "Suivi" (issue 27): every field of `registre request update` settable on the
/// desk through the same act (`RequestActs.change`), each field changing only itself, a field the form did
/// not send surviving the save, the version the form was read at checked, hostile values refused with
/// nothing written; and the list of requests paged by the store, with what a reader sees (counts only).
@Suite("Desk: a request's follow-up and the list of requests")
struct RequestFollowUpTests {
    static let id = "request-mende-1"
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Each field alone, as posted, and the request it must give from the fixture's request: nothing else moves.
    static let fields: [(name: String, posted: [(String, String)], change: @Sendable (inout DataSubjectRequest) -> Void)] = [
        ("person", [("person", "dossier-M-99")], { $0.person = "dossier-M-99" }),
        ("received", [("received", "2026-03-19")], { $0.receipt.day = Self.day("2026-03-19") }),
        ("channel", [("channel", "in-person")], { $0.receipt.channel = .inPerson }),
        ("service", [("service", "État civil")], { $0.receipt.service = "État civil" }),
        ("rights", [("rightsShown", "1"), ("rights[]", "access"), ("rights[]", "erasure")], { $0.rights = [.access, .erasure] }),
        ("activities", [("activities", "mende-etat-civil\n")], { $0.activities = ["mende-etat-civil"] }),
        ("unregistered", [("unregistered", "Vidéoprotection du parking\r\nFichier des associations")],
         { $0.unregisteredProcessing = ["Vidéoprotection du parking", "Fichier des associations"] }),
        ("identity", [("identityAsked", "2026-03-21"), ("identityReceived", "2026-03-24"), ("doubt", "Signature différente")],
         { $0.identity = IdentityVerification(asked: Self.day("2026-03-21"), received: Self.day("2026-03-24"), doubt: "Signature différente") }),
        ("abuse", [("abuse", "excessive"), ("abuseReasoning", "Cinquième demande identique en un mois")],
         { $0.manifestAbuse = ManifestAbuse(ground: .excessive, reasoning: "Cinquième demande identique en un mois") }),
        ("recipients", [("recipients", "no-recipient"), ("recipientsOn", "2026-03-25")],
         { $0.recipients = RecipientNotification(kind: .noRecipient, day: Self.day("2026-03-25")) }),
        ("retention", [("retentionValue", "3"), ("retentionUnit", "years")], { $0.retention = PeriodLength(3, .years) }),
    ]

    /// The fixture's request of Mende, with an extension and an answer recorded, so that a field the
    /// follow-up does not show is there to survive.
    static func fixture() throws -> (DeskFixture, DataSubjectRequest) {
        let fixture = try DeskFixture()
        let recorded = try RequestActs(store: fixture.store).change(id, by: Acting(actor: "setup", now: friday)) { request in
            request.extended = RequestExtension(decided: day("2026-03-23"), reason: "Archives", personTold: day("2026-03-23"))
            request.answer = RequestAnswer(sent: day("2026-03-26"), outcome: .partly, reason: "Art. 15(4)", remediesGiven: true)
        }
        return (fixture, recorded.request)
    }

    static func stored(_ fixture: DeskFixture) throws -> DataSubjectRequest {
        try #require(try fixture.store.register().requests.first { $0.id == id })
    }

    @Test("each field of the follow-up is set alone, and changes no other", arguments: 0..<RequestFollowUpTests.fields.count)
    func eachField(index: Int) async throws {
        let (fixture, original) = try Self.fixture()
        let field = Self.fields[index]
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/\(Self.id)")
            let saved = try await browser.post("/requests/\(Self.id)", field.posted)
            #expect(saved.status == .seeOther, "\(field.name): \(saved.status) \(saved.text)")
        }
        var expected = original
        field.change(&expected)
        #expect(try Self.stored(fixture) == expected, "\(field.name)")
    }

    @Test("the form as the page shows it, sent back untouched, changes nothing; every field it shows is there")
    func sentBackAsShown() async throws {
        let (fixture, original) = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            // Every field set first, so that the page shows each with a value.
            try await browser.get("/requests/\(Self.id)")
            #expect(try await browser.post("/requests/\(Self.id)", Self.fields.flatMap(\.posted)).status == .seeOther)
            let page = try await browser.get("/requests/\(Self.id)")
            let form = try #require(HTMLForm.forms(in: page.text, action: "/requests/\(Self.id)").first)
            let names = Set(form.fields.map(\.0))
            for name in ["person", "received", "channel", "service", "rights[]", "activities", "unregistered", "identityAsked", "identityReceived",
                         "doubt", "abuse", "abuseReasoning", "recipients", "recipientsOn", "retentionValue", "retentionUnit"] {
                #expect(names.contains(name), "the form shows \(name)")
            }
            let before = fixture.journalCount
            // The token is among the form's hidden inputs: post exactly what the browser would.
            let again = try await browser.post(
                "/requests/\(Self.id)", form.fields.filter { $0.0 != "csrf" }, csrf: form.fields.first { $0.0 == "csrf" }?.1)
            #expect(again.status == .seeOther)
            #expect(fixture.journalCount == before)
        }
        var expected = original
        for field in Self.fields { field.change(&expected) }
        #expect(try Self.stored(fixture) == expected)
    }

    @Test("a form of a page read before another save is refused (409), nothing written")
    func stale() async throws {
        let (fixture, original) = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/\(Self.id)")
            let shown = try #require(browser.version)
            #expect(try await browser.post("/requests/\(Self.id)", [("service", "Accueil")]).status == .seeOther)
            let before = fixture.journalCount
            let stale = try await browser.post("/requests/\(Self.id)", [("version", shown), ("person", "dossier-perdu")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("relire la page"))
            #expect(fixture.journalCount == before)
        }
        #expect(try Self.stored(fixture).person == original.person)
    }

    @Test("hostile values are refused at their field, nothing written", arguments: [
        [("received", "2026-02-30")], [("received", "")], [("received", "2027-01-01")], [("channel", "pigeon")],
        [("rightsShown", "1")], [("rightsShown", "1"), ("rights[]", "access"), ("rights[]", "telepathy")],
        [("activities", "mende-etat-civil <script>")], [("activities", "pas-dans-le-registre")],
        [("identityReceived", "2026-03-24"), ("identityAsked", "")], [("identityAsked", "2026-03-25"), ("identityReceived", "2026-03-24")],
        [("abuse", ""), ("abuseReasoning", "Sans motif choisi")], [("abuse", "vexatious")],
        [("recipients", "told"), ("recipientsOn", "2026-03-01")], [("recipients", "everyone")],
        [("retentionValue", "-3"), ("retentionUnit", "years")], [("retentionValue", "3"), ("retentionUnit", "hours")],
        [("retentionValue", "999999999999999999999"), ("retentionUnit", "years")], [("retentionValue", "9000"), ("retentionUnit", "years")],
        [("doubt", String(repeating: "\u{0}", count: 3)), ("identityAsked", "2026-03-21")],
    ])
    func hostile(posted: [(String, String)]) async throws {
        let (fixture, original) = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/\(Self.id)")
            let before = fixture.journalCount
            let refused = try await browser.post("/requests/\(Self.id)", posted)
            #expect(refused.status == .unprocessableContent, "\(posted): \(refused.status)")
            #expect(refused.text.contains("role=\"alert\""), "\(posted): the error summary")
            #expect(fixture.journalCount == before)
        }
        #expect(try Self.stored(fixture) == original)
    }

    @Test("Enregistrer une demande takes the activities concerned and a chosen id, as request open does")
    func openWithActivities() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/requests/new")
            let opened = try await browser.post("/requests/new", [
                ("controller", "mende"), ("received", "2026-03-26"), ("rights[]", "access"), ("activities", "mende-etat-civil"),
                ("id", "dossier-2026-031"), ("channel", "form"),
            ])
            #expect(opened.status == .seeOther)
            try await browser.get("/requests/new")
            let taken = try await browser.post("/requests/new", [
                ("controller", "mende"), ("received", "2026-03-26"), ("rights[]", "access"), ("id", "dossier-2026-031"),
            ])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.text.contains("href=\"#id\""))
        }
        let request = try #require(try fixture.store.register().requests.first { $0.id == "dossier-2026-031" })
        #expect(request.activities == ["mende-etat-civil"] && request.receipt.channel == .form && request.person == "dossier-2026-031")
    }

    @Test("the list is the store's page: filters by right and state, sorts, and the total")
    func list() async throws {
        let (fixture, _) = try Self.fixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let all = try await browser.get("/requests")
            #expect(all.text.contains("request-mende-1") && all.text.contains("request-florac-1"))
            #expect(all.text.contains(">2 "))
            let erasure = try await browser.get("/requests?right=erasure")
            #expect(erasure.text.contains("request-florac-1") && !erasure.text.contains("request-mende-1"))
            // Mende's was answered (partly, in time); Florac's, received on 2 March, is due on 2 April, within 7 days.
            let soon = try await browser.get("/requests?state=due-soon")
            #expect(soon.text.contains("request-florac-1") && !soon.text.contains("request-mende-1"))
            #expect(try await browser.get("/requests?state=overdue").text.contains(">0 "))
            let answered = try await browser.get("/requests?state=answered")
            #expect(answered.text.contains("request-mende-1") && !answered.text.contains("request-florac-1"))
            let byState = try await browser.get("/requests?sort=state")
            let florac = try #require(byState.text.range(of: "request-florac-1")), mende = try #require(byState.text.range(of: "request-mende-1"))
            #expect(florac.lowerBound < mende.lowerBound)
            #expect(byState.text.contains("href=\"/requests?sort=due\""))
            #expect(try await browser.get("/requests?state=%27%20OR%201%3D1").text.contains(">0 "))
        }
    }

    @Test("a reader sees how many requests its organisations have, by state, never one of them", arguments: [("reader-mende", 1), ("reader-cdg", 0)])
    func readerCounts(login: String, total: Int) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for path in ["/requests", "/requests?q=dossier", "/requests?organisation=florac", "/requests?sort=state"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(page.text.contains("<tfoot><tr><th scope=\"row\">Tous</th><td>\(total)</td>"), "\(login) \(path)")
                for marker in RequestDeskTests.markers.values.flatMap({ $0 }) { #expect(!page.text.contains(marker), "\(login) \(path) shows \(marker)") }
                #expect(!page.text.contains("href=\"/requests/"))
            }
        }
    }
}
