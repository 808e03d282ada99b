import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// For every account and every organisation it was not given, every route and download that names that
/// organisation's entries answers with nothing of it, and every list leaves it out. The routes are
/// generated from the organisation's entries, not picked by hand.
@Suite("Desk: an account sees nothing of an organisation it was not given")
struct IsolationTests {
    struct Probe: CustomStringConvertible {
        var method: String
        var path: String
        var fields: [(String, String)] = []
        var description: String { "\(method) \(path)" }
    }

    /// Every address that names something of `organisation`.
    static func probes(for organisation: String, in register: Register) -> [Probe] {
        var probes: [Probe] = [
            Probe(method: "GET", path: "/organisations/\(organisation)"),
            Probe(method: "GET", path: "/activities/new?organisation=\(organisation)"),
            Probe(method: "GET", path: "/organisations/\(organisation)/edit"),
            Probe(method: "POST", path: "/organisations/\(organisation)/edit", fields: [("name", "Intrus")]),
            Probe(method: "GET", path: "/download/register/xml?organisation=\(organisation)"),
            Probe(method: "GET", path: "/download/register/txt?organisation=\(organisation)"),
            Probe(method: "POST", path: "/activities/new", fields: [("id", "intrus"), ("name", "Intrus"), ("controller", organisation)]),
            Probe(method: "POST", path: "/breaches/new", fields: [
                ("controller", organisation), ("title", "Intrus"), ("aware", "2026-03-27T08:00"), ("nature[]", "integrity"),
            ]),
            // A dpo records agreements only where its organisation is the controller.
            Probe(method: "POST", path: "/agreements/new", fields: [
                ("controller", organisation), ("title", "Intrus"), ("processor", "new"), ("processorName", "Intrus SARL"),
            ]),
        ]
        for activity in register.activities where activity.controller == organisation {
            probes += [
                Probe(method: "GET", path: "/activities/\(activity.id)"),
                Probe(method: "GET", path: "/activities/\(activity.id)/delete"),
                Probe(method: "GET", path: "/history?entity=activity:\(activity.id)"),
                Probe(method: "POST", path: "/activities/\(activity.id)", fields: [("name", "Changé")]),
                Probe(method: "GET", path: "/activities/\(activity.id)/retire"),
                Probe(method: "POST", path: "/activities/\(activity.id)/retire"),
                Probe(method: "POST", path: "/activities/\(activity.id)/delete"),
            ]
        }
        for agreement in register.agreements where agreement.controllers.contains(organisation) {
            probes += [
                Probe(method: "GET", path: "/agreements/\(agreement.id)"),
                Probe(method: "GET", path: "/agreements/\(agreement.id)/audits/new"),
                Probe(method: "GET", path: "/agreements/\(agreement.id)/terms"),
                Probe(method: "POST", path: "/agreements/\(agreement.id)/terms", fields: [("calendar", "FR"), ("auditNotice", "1d")]),
                Probe(method: "GET", path: "/history?entity=agreement:\(agreement.id)"),
                Probe(method: "POST", path: "/agreements/\(agreement.id)/changes", fields: [
                    ("kind", "addition"), ("subProcessor", "hebergeur"), ("received", "2026-03-20"),
                ]),
                Probe(method: "POST", path: "/agreements/\(agreement.id)/audits/new", fields: [
                    ("requester", organisation), ("notified", "2026-01-02"), ("start", "2026-06-01"),
                ]),
            ]
            for change in agreement.changeNotices {
                probes.append(Probe(method: "POST", path: "/agreements/\(agreement.id)/changes/\(change.id)", fields: [("outcome", "objected")]))
            }
        }
        for record in register.processorRecords where record.processor == organisation {
            probes += [
                Probe(method: "GET", path: "/records/\(record.id)"),
                Probe(method: "GET", path: "/history?entity=processor-record:\(record.id)"),
                Probe(method: "POST", path: "/records/\(record.id)", fields: [("processingCategories[]", "Intrus")]),
            ]
        }
        for audit in register.audits where audit.requester == organisation {
            probes += [
                Probe(method: "GET", path: "/audits/\(audit.id)"),
                Probe(method: "GET", path: "/download/audits/\(audit.id).txt"),
                Probe(method: "GET", path: "/download/audits/\(audit.id).xml"),
                Probe(method: "GET", path: "/history?entity=audit:\(audit.id)"),
                Probe(method: "POST", path: "/audits/\(audit.id)", fields: [("kickoff", "2026-02-16")]),
            ]
        }
        for breach in register.breaches where breach.controller == organisation {
            probes += [
                Probe(method: "GET", path: "/breaches/\(breach.id)"),
                Probe(method: "GET", path: "/download/breaches/\(breach.id).txt"),
                Probe(method: "GET", path: "/download/breaches/\(breach.id).xml"),
                Probe(method: "GET", path: "/history?entity=breach:\(breach.id)"),
                Probe(method: "POST", path: "/breaches/\(breach.id)", fields: [("likelyConsequences", "Intrus")]),
                Probe(method: "POST", path: "/breaches/\(breach.id)/assessment", fields: [("data[]", "simple"), ("identification", "maximum")]),
                Probe(method: "POST", path: "/breaches/\(breach.id)/notifications", fields: [("at", "2026-03-27T09:00")]),
                Probe(method: "POST", path: "/breaches/\(breach.id)/communication", fields: [("detail", "Intrus")]),
                Probe(method: "POST", path: "/breaches/\(breach.id)/facts", fields: [("exfiltration", "confirmed")]),
                Probe(method: "POST", path: "/breaches/\(breach.id)/fan-out", fields: [("controllers[]", organisation), ("told", "2026-03-27T08:00")]),
            ]
        }
        for request in register.requests where request.controller == organisation {
            probes += [
                Probe(method: "GET", path: "/requests/\(request.id)"),
                Probe(method: "GET", path: "/history?entity=request:\(request.id)"),
                Probe(method: "POST", path: "/requests/\(request.id)", fields: [("person", "intrus")]),
                Probe(method: "POST", path: "/requests/\(request.id)/extend", fields: [("reason", "Intrus"), ("decided", "2026-03-27")]),
                Probe(method: "POST", path: "/requests/\(request.id)/answer", fields: [("outcome", "granted"), ("sent", "2026-03-27")]),
            ]
            probes += ["acknowledgement.odt", "acknowledgement.txt", "answer.odt", "answer.txt"].map {
                Probe(method: "GET", path: "/requests/\(request.id)/letter/\($0)")
            }
        }
        probes += ["txt", "xml", "ods"].flatMap { format in
            [Probe(method: "GET", path: "/download/requests/register.\(format)?organisation=\(organisation)"),
             Probe(method: "GET", path: "/download/requests/register.\(format)?structure=\(organisation)")]
        }
        probes.append(Probe(method: "POST", path: "/requests/new", fields: [("controller", organisation), ("received", "2026-03-26"), ("rights[]", "access")]))
        return probes
    }

    /// Every address of an entry of `organisation` that shows what the entry names: the account reads the
    /// entry, and must read nothing of what it names of an organisation it was not given.
    static func readableProbes(for organisation: String, in register: Register) -> [Probe] {
        register.breaches.filter { $0.controller == organisation }.flatMap { breach in
            [
                Probe(method: "GET", path: "/breaches/\(breach.id)"),
                Probe(method: "GET", path: "/download/breaches/\(breach.id).txt"),
                Probe(method: "GET", path: "/download/breaches/\(breach.id).xml"),
                Probe(method: "GET", path: "/history?entity=breach:\(breach.id)"),
            ]
        }
    }

    /// Each commune's breach names an activity of every other organisation besides its own (an upload or the
    /// command line can name one): what the account reads of a breach must not tell what it names elsewhere.
    static func namingElsewhere(_ fixture: DeskFixture) throws {
        _ = try fixture.store.change(actor: "cli") { edit in
            for (id, activities) in [
                "breach-mende-1": ["mende-etat-civil", "florac-cantine", "cdg-paie"],
                "breach-florac-1": ["florac-cantine", "mende-etat-civil", "cdg-paie"],
            ] {
                guard case .breach(var breach)? = try edit.entry(EntityKey(.breach, id)) else { continue }
                breach.activities = activities
                try edit.save(.breach(breach))
            }
        }
    }

    /// The pages that list things: they must leave the organisation out.
    static let lists = ["/", "/organisations", "/activities", "/register", "/agreements", "/agreements/new", "/upload", "/breaches", "/breaches/new", "/requests", "/requests/new", "/history", "/download/register/xml", "/download/register/txt",
                        "/download/requests/register.txt", "/download/requests/register.xml",
                        // The lists asked of SQL, with their facets: the account's visibility is a condition of each.
                        "/organisations?role=processor", "/organisations?q=commune&sort=id&desc=1", "/breaches?state=open",
                        "/breaches?organisation=florac&severity=none", "/breaches?organisation=mende&from=2026-01-01",
                        "/agreements?organisation=florac", "/agreements?processor=prestataire&sort=processor", "/agreements?state=pending",
                        "/history?actor=setup", "/history?before=100000"]

    @Test("routes × organisations not given, for each account", arguments: DeskFixture.accounts.filter { $0.role != .admin }.map(\.account))
    func matrix(login: String) async throws {
        let fixture = try DeskFixture()
        try Self.namingElsewhere(fixture)
        let entry = try #require(DeskFixture.accounts.first { $0.account == login })
        let hidden = Set(DeskFixture.markers.keys).subtracting(entry.sees)
        #expect(!hidden.isEmpty)
        let before = fixture.journalCount
        let register = DeskFixture.register
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            let csrf = try #require(browser.csrf)
            var cells = 0
            for organisation in hidden.sorted() {
                let markers = DeskFixture.markers[organisation]!
                for probe in Self.probes(for: organisation, in: register) {
                    let response = probe.method == "GET"
                        ? try await browser.get(probe.path)
                        : try await browser.post(probe.path, probe.fields, csrf: csrf)
                    #expect([.notFound, .unprocessableContent].contains(response.status), "\(login) \(probe): \(response.status)")
                    for marker in markers where marker != organisation {
                        #expect(!response.text.contains(marker), "\(login) \(probe) shows \(marker)")
                    }
                    cells += 1
                }
                for path in Self.lists {
                    let response = try await browser.get(path)
                    for marker in markers {
                        #expect(!response.text.contains(marker), "\(login) GET \(path) shows \(marker)")
                    }
                    cells += 1
                }
            }
            #expect(cells > 20)
            // And what the account was given, it does see, without what its entries name of the others.
            for organisation in entry.sees {
                #expect(try await browser.get("/organisations/\(organisation)").status == .ok, "\(login) \(organisation)")
                for probe in Self.readableProbes(for: organisation, in: register) {
                    let response = try await browser.get(probe.path)
                    #expect(response.status == .ok, "\(login) \(probe): \(response.status)")
                    for marker in hidden.flatMap({ DeskFixture.markers[$0]! }) {
                        #expect(!response.text.contains(marker), "\(login) \(probe) shows \(marker)")
                    }
                    cells += 1
                }
            }
        }
        #expect(fixture.journalCount == before)
    }
}
