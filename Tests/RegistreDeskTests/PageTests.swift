import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreReports
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Desk: pages, forms and downloads")
struct PageTests {
    /// A new activity's form fields, purposes aside.
    static func newActivity(id: String, name: String, purposes: [String]) -> [(String, String)] {
        [("id", id), ("name", name), ("controller", "mende"), ("status", "active"), ("bases[]", "6-1-e"),
         ("dataSubjects[]", "Agents"), ("dataCategories[]", "Identité"), ("recipients[]", "Service RH"),
         ("recipientKinds[]", "internal"), ("retention[]", "5 ans après le départ"), ("securityKinds[]", "access-control"),
         ("security[]", "Comptes nominatifs")]
            + purposes.map { ("purposes[]", $0) }
    }

    @Test("every page answers for an administrator, with its heading and its content", arguments: [
        ("/", "Tableau de bord", "Clé USB perdue à Florac"),
        ("/organisations", "Organisations", "Centre de gestion de la Lozère"),
        ("/organisations/florac", "Commune de Florac", "Délégué de Florac"),
        ("/organisations/new", "Nouvel organisme", "name=\"members[]\""),
        ("/organisations/florac/edit", "Commune de Florac", "value=\"dpo@florac.fr\""),
        ("/activities", "Activités de traitement", "Cantine de Florac"),
        ("/activities/florac-cantine", "Cantine de Florac", "Tenir les actes"),
        ("/activities/new?organisation=florac", "Nouvelle activité", "name=\"purposes[]\""),
        ("/activities/florac-cantine/delete", "Supprimer l&#39;activité", "Supprimer définitivement"),
        ("/register", "Registre", "href=\"/register?organisation=florac\""),
        ("/register?organisation=florac", "Registre", "Durée d&#39;utilité administrative"),
        ("/breaches", "Violations", "Courriel mal adressé à Mende"),
        ("/breaches/new", "Déclarer une violation", "type=\"datetime-local\""),
        ("/breaches/breach-florac-1", "Clé USB perdue à Florac", "Art. 33(3)(d)"),
        ("/history", "Historique", "activity:florac-cantine"),
    ])
    func pages(path: String, heading: String, content: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>\(heading)</h1>"), "\(path)")
            #expect(response.text.contains(content), "\(path)")
        }
    }

    @Test("a route that does not exist is not found")
    func unknownRoute() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(try await browser.get("/activities/no-such-activity").status == .notFound)
            #expect(try await browser.get("/breaches/no-such-breach").status == .notFound)
        }
    }

    @Test("an activity without a purpose shows the Art. 30(1)(b) finding beside the purposes; adding one removes it")
    func findingBesideTheField() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/new?organisation=mende")
            let created = try await browser.post("/activities/new", Self.newActivity(id: "recrutement", name: "Recrutement", purposes: []))
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/activities/recrutement?saved")
            let page = try await browser.get("/activities/recrutement")
            let purposes = try #require(page.text.range(of: "id=\"purposes-findings\"")).upperBound
            let beside = page.text[purposes...].prefix(400)
            #expect(beside.contains("ART30-1-B-PURPOSES"))
            let saved = try await browser.post("/activities/recrutement", Self.newActivity(id: "", name: "Recrutement", purposes: ["Recruter les agents"]))
            #expect(saved.status == .seeOther)
            let after = try await browser.get("/activities/recrutement")
            #expect(!after.text.contains("ART30-1-B-PURPOSES"))
            #expect(after.text.contains(">Recruter les agents</textarea>"))
        }
        // Created, then updated: two journal entries, both by the account signed in.
        let entries = try fixture.store.journal.entries(entity: "recrutement")
        #expect(entries.map(\.change) == [.created, .updated])
        #expect(entries.allSatisfy { $0.actor == "dpo-mende" })
    }

    @Test("a form that cannot be accepted comes back with the error at the field, and nothing is journaled")
    func refusedForm() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/new?organisation=mende")
            let noName = try await browser.post("/activities/new", Self.newActivity(id: "x1", name: "  ", purposes: ["P"]))
            #expect(noName.status == .unprocessableContent)
            #expect(noName.text.contains("id=\"name-error\""))
            #expect(noName.text.contains("aria-invalid=\"true\""))
            let takenID = try await browser.post("/activities/new", Self.newActivity(id: "florac-cantine", name: "Doublon", purposes: ["P"]))
            #expect(takenID.status == .unprocessableContent)
            #expect(takenID.text.contains("id=\"id-error\""))
            // What was typed is shown again.
            #expect(takenID.text.contains("value=\"Doublon\""))
            var otherController = Self.newActivity(id: "x2", name: "Ailleurs", purposes: ["P"])
            otherController.removeAll { $0.0 == "controller" }
            otherController.append(("controller", "florac"))
            let refused = try await browser.post("/activities/new", otherController)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"controller-error\""))
            // What the XML reader refuses (a control character), the register refuses too, in the form.
            let control = try await browser.post("/activities/new", Self.newActivity(id: "x3", name: "Bip\u{7}", purposes: ["P"]))
            #expect(control.status == .unprocessableContent)
            #expect(control.text.contains("Le registre refuse cette valeur"))
            let noBreachTitle = try await browser.post("/breaches/new", [("controller", "mende"), ("title", ""), ("aware", "2026-03-27T08:00"), ("nature[]", "integrity")])
            #expect(noBreachTitle.status == .unprocessableContent)
            #expect(noBreachTitle.text.contains("id=\"title-error\""))
            let future = try await browser.post("/breaches/new", [("controller", "mende"), ("title", "T"), ("aware", "2026-03-28T08:00"), ("nature[]", "integrity")])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("id=\"aware-error\""))
        }
        #expect(fixture.journalCount == before)
    }

    @Test("text typed into a form is shown as text: neither markup nor a template")
    func escaping() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/new?organisation=mende")
            let hostile = "<script>alert(1)</script> {{t.save}} {{{csrf}}}"
            let created = try await browser.post("/activities/new", Self.newActivity(id: "hostile", name: hostile, purposes: [hostile]))
            #expect(created.status == .seeOther)
            for path in ["/activities/hostile", "/activities", "/register"] {
                let page = try await browser.get(path)
                #expect(!page.text.contains("<script>"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{t.save}} {{{csrf}}}"), "\(path)")
            }
        }
    }

    @Test("declaring a breach asks title, awareness and nature, starts its clock, and journals the account")
    func declareBreach() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/breaches/new")
            // Aware at 07:30 Paris time (05:30 UTC) on the 27th: the deadline is the 30th at 07:30 (the clocks go
            // forward on the 29th, so 08:30 Paris time).
            let declared = try await browser.post("/breaches/new", [
                ("controller", "mende"), ("title", "Rançongiciel"), ("aware", "2026-03-27T07:30"), ("nature[]", "availability"),
                ("nature[]", "confidentiality"),
            ])
            #expect(declared.status == .seeOther)
            #expect(declared.headers[.location] == "/breaches/breach-20260327-1?saved")
            let page = try await browser.get("/breaches/breach-20260327-1")
            #expect(page.text.contains("2026-03-30 07:30 (Europe/Paris)") || page.text.contains("2026-03-30 08:30 (Europe/Paris)"))
            #expect(page.text.contains("reste 69 h 30 min"))
            #expect(page.text.contains("class=\"missing\""))
        }
        let entry = try #require(try fixture.store.journal.entries(entity: "breach-20260327-1").first)
        #expect(entry.actor == "dpo-mende")
        #expect(entry.change == .created)
    }

    @Test("the breach page records the Art. 33(3) items: the missing marks go; a count that is not a number is refused")
    func breachItems() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/breaches/breach-mende-1")
            #expect(page.text.components(separatedBy: "class=\"missing\"").count - 1 == 4)
            let refused = try await browser.post("/breaches/breach-mende-1", [("approximateSubjects", "beaucoup")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"approximateSubjects-error\""))
            #expect(fixture.journalCount == before)
            let saved = try await browser.post("/breaches/breach-mende-1", [
                ("description", "Un courriel envoyé au mauvais destinataire"), ("dataSubjectCategories[]", "Usagers"),
                ("approximateSubjects", "12"), ("dataCategories[]", "Identité"), ("approximateRecords", "12"),
                ("contactName", "DPO mutualisé"), ("contactEmail", "dpo@cdg48.fr"), ("likelyConsequences", "Faibles"),
                ("measures[]", "Demande de suppression au destinataire"),
            ])
            #expect(saved.status == .seeOther)
            let after = try await browser.get("/breaches/breach-mende-1")
            #expect(!after.text.contains("class=\"missing\""))
            #expect(after.text.contains(">Demande de suppression au destinataire</textarea>"))
        }
        let entry = try #require(try fixture.store.journal.entries(entity: "breach-mende-1").last)
        #expect(entry.change == .updated && entry.actor == "dpo-mende")
    }

    @Test("an administrator creates an organisation; a structure's DPO edits it but cannot change its members")
    func organisations() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            try await admin.get("/organisations/new")
            let created = try await admin.post("/organisations/new", [
                ("id", "langogne"), ("name", "Commune de Langogne"), ("isPublicBody", "yes"), ("country", "fr"),
                ("dpoName", "DPO mutualisé"), ("dpoEmail", "dpo@cdg48.fr"),
            ])
            #expect(created.status == .seeOther)
            #expect(try await admin.get("/organisations/langogne").text.contains("Commune de Langogne"))
            let dpo = Browser(client)
            try await dpo.signIn("dpo-cdg")
            #expect(try await dpo.get("/organisations/new").status == .notFound)
            try await dpo.get("/organisations/cdg48/edit")
            #expect(!dpo.lastPage.contains("name=\"members[]\""))
            let renamed = try await dpo.post("/organisations/cdg48/edit", [
                ("name", "CDG de la Lozère"), ("isPublicBody", "yes"), ("members[]", "florac"),
            ])
            #expect(renamed.status == .seeOther)
            #expect(try await dpo.get("/organisations/florac").status == .notFound)
            try await dpo.get("/organisations/cdg48/edit")
            let refused = try await dpo.post("/organisations/cdg48/edit", [("name", "")])
            #expect(refused.status == .unprocessableContent)
        }
        let register = try fixture.store.register()
        #expect(register.organisation("langogne")?.country == "FR")
        #expect(register.organisation("cdg48")?.name == "CDG de la Lozère")
        #expect(register.organisation("cdg48")?.members == ["mende"])
        #expect(try fixture.store.journal.entries(entity: "langogne").first?.actor == "admin")
    }

    @Test("on an empty register an administrator starts from nothing: an organisation, then its first activity")
    func emptyRegister() async throws {
        let scratch = try ScratchDirectory()
        let clock = TestClock(friday)
        let store = try RegisterOfRecord.open(path: scratch.path("empty.sqlite"), mode: .createIfNeeded, clock: JournalClock { clock.now })
        try store.accounts.add(
            Account(login: "admin", role: .admin, organisations: [], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
            actor: "setup", at: friday)
        let application = Application(router: Desk(store: store, clock: DeskClock { clock.now }).router())
        try await application.test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(browser.lastPage.contains("<h1>Tableau de bord</h1>"))
            try await browser.get("/organisations/new")
            #expect(try await browser.post("/organisations/new", [("id", "mairie"), ("name", "Mairie")]).status == .seeOther)
            try await browser.get("/activities/new?organisation=mairie")
            let created = try await browser.post("/activities/new", PageTests.newActivity(id: "premiere", name: "Première", purposes: ["P"]).map {
                $0.0 == "controller" ? ("controller", "mairie") : $0
            })
            #expect(created.status == .seeOther)
        }
        #expect(try store.register().activities.map(\.id) == ["premiere"])
        _ = scratch
    }

    @Test("a table the form did not send (a transfer) is kept when the form is saved; the page shows it in its inputs")
    func keptItems() async throws {
        let fixture = try DeskFixture()
        var activity = DeskFixture.activity("mende-etat-civil", "État civil de Mende", of: "mende")
        activity.transfers = [Transfer(recipient: "Prestataire canadien", destination: .country("CA"), safeguard: .adequacyDecision)]
        _ = try fixture.store.change(actor: "setup") { edit in try edit.save(.activity(activity)) }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/activities/mende-etat-civil")
            #expect(page.text.contains("name=\"transferRecipients[]\" value=\"Prestataire canadien\""))
            #expect(page.text.contains("name=\"transferDestinations[]\" value=\"CA\""))
            #expect(page.text.contains("<option value=\"adequacy-decision\" selected>"))
            let saved = try await browser.post("/activities/mende-etat-civil", Self.newActivity(id: "", name: "État civil", purposes: ["Tenir les actes"]))
            #expect(saved.status == .seeOther)
        }
        let stored = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
        #expect(stored.name == "État civil")
        #expect(stored.transfers == activity.transfers)
    }

    @Test("retiring keeps the activity; deleting asks first and then removes it, both journaled")
    func retireAndDelete() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            #expect(try await browser.post("/activities/mende-etat-civil/retire", []).status == .seeOther)
            try await browser.get("/activities/mende-etat-civil/delete")
            #expect(try await browser.post("/activities/mende-etat-civil/delete", []).status == .seeOther)
            #expect(try await browser.get("/activities/mende-etat-civil").status == .notFound)
        }
        #expect(try fixture.store.journal.entries(entity: "mende-etat-civil").map(\.change) == [.created, .updated, .deleted])
    }

    @Test("a reader sees the activity but cannot change it")
    func readerCannotEdit() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("reader-mende")
            let page = try await browser.get("/activities/mende-etat-civil")
            #expect(page.status == .ok)
            // A page, not a form with its inputs disabled (FormLayoutTests).
            #expect(!page.text.contains("disabled") && !page.text.contains("<textarea"))
            #expect(try await browser.post("/activities/mende-etat-civil/retire", []).status == .notFound)
            #expect(try await browser.post("/activities/mende-etat-civil", Self.newActivity(id: "", name: "Changé", purposes: ["P"])).status == .notFound)
            #expect(try await browser.get("/breaches/new").status == .notFound)
            #expect(try await browser.post("/breaches/breach-mende-1", [("likelyConsequences", "Changé")]).status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("downloads are the CLI's bytes: the register as XML and text, one organisation's, and a breach report")
    func downloads() async throws {
        let fixture = try DeskFixture()
        let register = try fixture.store.register()
        let restricted = register.restricted(to: "mende")
        let breach = try #require(register.breaches.first { $0.id == "breach-mende-1" })
        let expected: [(String, [UInt8])] = [
            ("/download/register/xml", try RegisterWriter.bytes(of: register)),
            ("/download/register/txt", Array(RegisterTextReport.render(register, language: .fr).utf8)),
            ("/download/register/xml?organisation=mende", try RegisterWriter.bytes(of: restricted)),
            ("/download/register/txt?organisation=mende", Array(RegisterTextReport.render(restricted, language: .fr).utf8)),
            ("/download/breaches/breach-mende-1.txt", Array(BreachReport.render(breach, in: register, now: friday, language: .fr).utf8)),
            ("/download/breaches/breach-mende-1.xml", try BreachReportWriter.report(breach, in: register, now: friday)),
        ]
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for (path, bytes) in expected {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(Array(buffer: response.body) == bytes, "\(path)")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true, "\(path)")
            }
        }
    }

    @Test("the history shows who changed what, filtered by account; administrators see verify's verdict when they ask for it")
    func history() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            try await browser.post("/activities/mende-etat-civil/retire", [])
            let mine = try await browser.get("/history?actor=dpo-mende")
            #expect(mine.text.contains("<strong>dpo-mende</strong>"))
            #expect(!mine.text.contains("<strong>setup</strong>"))
            #expect(!mine.text.contains("Journal intact"))
            let admin = Browser(client)
            try await admin.signIn("admin")
            // verify reads everything: it runs when an administrator asks by the form, not on a view.
            let history = try await admin.get("/history").text
            #expect(!history.contains("Journal intact") && history.contains("name=\"verify\""))
            #expect(!(try await admin.get("/history?verify=1").text.contains("Journal intact")), "a GET runs nothing")
            #expect(try await admin.post("/admin/verify", []).status == .seeOther)
            #expect(try await admin.get("/history").text.contains("Journal intact"))
            #expect(!(try await browser.get("/history").text.contains("Journal intact")), "a dpo sees no verdict")
        }
    }
}

@Suite("Desk: the register kept between requests")
struct RegisterCacheTests {
    @Test("a change made beside the desk (the CLI) is seen on the next request; the revision is the journal's last entry")
    func changeBeside() async throws {
        let fixture = try DeskFixture()
        let first = try fixture.store.revision()
        #expect(first == fixture.journalCount)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(!(try await browser.get("/breaches")).text.contains("Serveur chiffré à Florac"))
            _ = try fixture.store.change(actor: "cli") { edit in
                try edit.save(.breach(Breach(
                    id: "breach-florac-2", title: "Serveur chiffré à Florac", controller: "florac", aware: friday, nature: [.availability])))
            }
            #expect(try fixture.store.revision() == first + 1)
            #expect(try await browser.get("/breaches").text.contains("Serveur chiffré à Florac"))
            #expect(try await browser.get("/").text.contains("Serveur chiffré à Florac"))
        }
    }

    @Test("the dashboard's counts of findings follow a change of the register")
    func counts() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let before = try await browser.get("/")
            let row = { (page: String) -> String in
                guard let start = page.range(of: "href=\"/organisations/florac\"") else { return "" }
                return String(page[start.upperBound...].prefix { $0 != "\n" })
            }
            _ = try fixture.store.change(actor: "cli") { edit in
                var activity = try edit.activity("florac-cantine")
                activity.purposes = []
                try edit.save(.activity(activity))
            }
            let after = try await browser.get("/")
            #expect(row(before.text) != row(after.text))
        }
    }
}
