import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// Last save no longer wins: a form carries the version of the entry it shows, a save against a later
/// version is refused (409) with what changed, and the person's input is kept to save again.
@Suite("Desk: two people, one entry")
struct ConcurrentEditTests {
    /// The fields of the form posting to `action` on the browser's last page, with `changes` made as a
    /// person would type them (each replaces the first field of its name, or is added).
    static func form(_ browser: Browser, _ action: String, _ changes: [(String, String)] = []) throws -> [(String, String)] {
        var fields = try #require(HTMLForm.forms(in: browser.lastPage, action: action).first).fields.filter { $0.0 != "csrf" }
        for (name, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == name }) { fields[index].1 = value } else { fields.append((name, value)) }
        }
        return fields
    }

    @Test("a rename, then a stale save of a purpose: refused, nothing written, the rename shown field by field; saved again, both stay",
          arguments: [("fr", "Nom", "Non enregistré"), ("en", "Name", "Not saved")])
    func staleSave(_ language: String, _ label: String, _ title: String) async throws {
        let fixture = try DeskFixture()
        let action = "/activities/mende-etat-civil"
        try await fixture.run { client in
            let alice = Browser(client), bob = Browser(client)
            try await alice.signIn("dpo-mende")
            try await bob.signIn("admin")
            try await bob.get("/language/\(language)")
            try await alice.get(action)
            try await bob.get(action)
            let renamed = try await alice.post(action, try Self.form(alice, action, [("name", "État civil et cimetières")]))
            #expect(renamed.status == .seeOther)
            let journal = fixture.journalCount
            let stale = try await bob.post(action, try Self.form(bob, action, [("purposes[]", "Tenir et délivrer les actes")]))
            #expect(stale.status == .conflict)
            #expect(fixture.journalCount == journal)
            let page = stale.text
            #expect(page.contains("role=\"alert\" id=\"conflict\""))
            #expect(page.contains(title))
            #expect(page.contains("<th scope=\"row\">\(label)</th><td>État civil de Mende</td><td>État civil et cimetières</td>"))
            #expect(page.contains("dpo-mende"))
            // Bob's input is kept, carried onto the activity as it now stands: his purpose, Alice's name.
            #expect(page.contains(">Tenir et délivrer les actes</textarea>"))
            #expect(page.contains("value=\"État civil et cimetières\""))
            #expect(bob.version == String(try fixture.store.version(of: EntityKey(.activity, "mende-etat-civil"))))
            let again = try await bob.post(action, try Self.form(bob, action))
            #expect(again.status == .seeOther)
        }
        guard case .activity(let stored)? = try fixture.store.entry(EntityKey(.activity, "mende-etat-civil")) else {
            Issue.record("no activity")
            return
        }
        #expect(stored.name == "État civil et cimetières")
        #expect(stored.purposes == ["Tenir et délivrer les actes"])
    }

    @Test("a form without its version, or with an older one, is refused and writes nothing; with the version it shows, it saves")
    func versionRequired() async throws {
        let fixture = try DeskFixture()
        let action = "/activities/mende-etat-civil"
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get(action)
            let current = try #require(browser.version)
            let journal = fixture.journalCount
            for version in ["", "0", "\((Int(current) ?? 1) - 1)", "abc"] {
                let response = try await browser.post(action, try Self.form(browser, action, [("version", version), ("name", "Changé")]))
                #expect(response.status == .conflict, "version '\(version)'")
                try await browser.get(action)
            }
            #expect(fixture.journalCount == journal)
            let retired = try await browser.post("/activities/mende-etat-civil/retire", [("version", "0")])
            #expect(retired.status == .conflict)
            try await browser.get(action)
            #expect(try await browser.post(action, try Self.form(browser, action, [("name", "Changé")])).status == .seeOther)
        }
        #expect(try fixture.store.journal.entries(entity: "mende-etat-civil").last?.actor == "dpo-mende")
    }

    /// What `registre breach update --measure` does: the measure added to the breach as stored.
    static func measureFromTheCommandLine(_ store: RegisterStore, _ measure: String) throws {
        _ = try store.change(actor: "cli") { edit in
            var breach = try edit.breach("breach-mende-1")
            breach.measures.append(measure)
            try edit.save(.breach(breach))
        }
    }

    @Test("a measure recorded from the command line while the breach form is open is not lost when the desk saves")
    func measureKept() async throws {
        let fixture = try DeskFixture()
        let action = "/breaches/breach-mende-1"
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get(action)
            try Self.measureFromTheCommandLine(fixture.store, "Mots de passe changés")
            let stale = try await browser.post(action, try Self.form(browser, action, [("likelyConsequences", "Hameçonnage possible")]))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Mots de passe changés"))
            #expect(try await browser.post(action, try Self.form(browser, action)).status == .seeOther)
            // A notification adds to the list as stored: it needs no version, and overwrites nothing.
            try await browser.get(action)
            try Self.measureFromTheCommandLine(fixture.store, "Destinataire prévenu")
            let notified = try await browser.post(action + "/notifications", [("at", "2026-03-27T09:00"), ("reference", "CNIL-1")])
            #expect(notified.status == .seeOther)
        }
        guard case .breach(let stored)? = try fixture.store.entry(EntityKey(.breach, "breach-mende-1")) else {
            Issue.record("no breach")
            return
        }
        #expect(stored.measures == ["Mots de passe changés", "Destinataire prévenu"])
        #expect(stored.likelyConsequences == "Hameçonnage possible")
        #expect(stored.notifications.map(\.reference) == ["CNIL-1"])
    }

    @Test("a change notice recorded from the command line while the agreement page is open: the desk's notice takes the next id, both stay")
    func noticeIDInTheTransaction() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/agreements/accord-mende")
            // Meanwhile, the id the page's register would give is taken.
            _ = try fixture.store.change(actor: "cli") { edit in
                var agreement = try edit.agreement("accord-mende")
                agreement.changeNotices.append(SubProcessorChange(
                    id: "accord-mende-changement-2026-03-25", kind: .addition, subProcessor: "nuage", noticeDate: CalendarDate(year: 2026, month: 3, day: 25)!))
                try edit.save(.agreement(agreement))
            }
            let recorded = try await browser.post("/agreements/accord-mende/changes", [
                ("kind", "replacement"), ("subProcessor", "nuage"), ("replaces", "hebergeur"), ("received", "2026-03-25"),
            ])
            #expect(recorded.status == .seeOther)
        }
        let agreement = try #require(try fixture.store.register().agreement("accord-mende"))
        #expect(agreement.changeNotices.map(\.id).suffix(2) == ["accord-mende-changement-2026-03-25", "accord-mende-changement-2026-03-25-2"])
    }

    /// An entry of the fixture with an edit form, and a change another makes to it meanwhile.
    enum Edited: String, CaseIterable, Sendable {
        case organisation, record, audit, assessment

        var page: String {
            switch self {
            case .organisation: "/organisations/mende/edit"
            case .record: "/records/florac-pour-mende"
            case .audit: "/audits/audit-florac-1"
            case .assessment: "/breaches/breach-mende-1"
            }
        }
        var action: String { self == .assessment ? page + "/assessment" : page }
        var key: EntityKey {
            switch self {
            case .organisation: EntityKey(.organisation, "mende")
            case .record: EntityKey(.processorRecord, "florac-pour-mende")
            case .audit: EntityKey(.audit, "audit-florac-1")
            case .assessment: EntityKey(.breach, "breach-mende-1")
            }
        }
        /// What the person types in the form.
        var typed: [(String, String)] {
            switch self {
            case .organisation: [("phone", "04 66 00 00 00")]
            case .record: [("processingCategories[]", "Hébergement du site")]
            case .audit: [("kickoff", "2026-02-20")]
            case .assessment: [("data[]", "simple"), ("identification", "limited")]
            }
        }
        /// What another changes meanwhile, from the command line.
        func otherChange(_ edit: RegisterEdit) throws {
            switch self {
            case .organisation:
                var organisation = try edit.organisation("mende")
                organisation.address = "Place du Foirail, 48000 Mende"
                try edit.save(.organisation(organisation))
            case .record:
                var record = try edit.processorRecord("florac-pour-mende")
                record.securityMeasures.append(SecurityMeasure(.backup, "Sauvegarde quotidienne"))
                try edit.save(.processorRecord(record))
            case .audit:
                var audit = try edit.audit("audit-florac-1")
                audit.scope = "Hébergement"
                try edit.save(.audit(audit))
            case .assessment:
                var breach = try edit.breach("breach-mende-1")
                breach.measures.append("Courriel rappelé")
                try edit.save(.breach(breach))
            }
        }
    }

    @Test("every edit form refuses a save once another changed the entry: 409, the change named, nothing written", arguments: Edited.allCases)
    func everyFormChecksItsVersion(_ edited: Edited) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(try await browser.get(edited.page).status == .ok)
            let fields = try Self.form(browser, edited.action, edited.typed)
            _ = try fixture.store.change(actor: "cli") { try edited.otherChange($0) }
            let journal = fixture.journalCount
            let refused = try await browser.post(edited.action, fields)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("role=\"alert\" id=\"conflict\""))
            #expect(refused.text.contains("cli"))
            #expect(fixture.journalCount == journal)
            #expect(browser.version == String(try fixture.store.version(of: edited.key)))
            // Saved again from the page the refusal shows, it goes through.
            #expect(try await browser.post(edited.action, try Self.form(browser, edited.action)).status == .seeOther)
        }
    }
}
