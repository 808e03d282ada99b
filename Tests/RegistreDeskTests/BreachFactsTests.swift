import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreReports
import RegistreStore
import Testing

@Suite("Desk: the facts a breach decision weighs, its timeline, its activities, and the fan-out of Art. 33(2)")
struct BreachFactsTests {
    static let page = "/breaches/breach-mende-1"
    static let facts = "/breaches/breach-mende-1/facts"

    /// The facts form as the page shows it, with `changes` in place of (or after) its fields.
    static func form(_ page: String, _ changes: [(String, String)]) throws -> [(String, String)] {
        let form = try #require(HTMLForm.forms(in: page, action: facts).first)
        // The session's token is the browser's to add.
        let changed = Set(changes.map(\.0) + ["csrf"])
        return form.fields.filter { !changed.contains($0.0) } + changes
    }

    static func level(_ page: String) -> String? {
        guard let start = page.range(of: "<dd id=\"risk-level\">") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" })
    }

    @Test("facts recorded on the desk are the register's facts (as `breach update` records them), and the decision moves with them")
    func decisionMoves() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get(Self.page)
            // Health data of identifiable people sent to unknown recipients: a high tier by the ENISA method.
            let assessed = try await browser.post("/breaches/breach-mende-1/assessment", [
                ("data[]", "sensitive"), ("identification", "maximum"), ("confidentiality", "unknown-recipients"),
            ])
            #expect(assessed.status == .seeOther)
            let before = try await browser.get(Self.page)
            let levelBefore = try #require(Self.level(before.text))
            let saved = try await browser.post(Self.facts, try Self.form(before.text, [
                ("encryption", "state-of-the-art"), ("encryptionForm", "encryption"), ("keyCompromised", "no"),
                ("exfiltration", "possible"), ("evidence", "Journaux du serveur de messagerie"),
                ("recipientsTrust", "intentions-unknown"), ("recipients", "Un usager d'une autre commune"),
                ("vulnerable[]", "patients"), ("specialCategories[]", "health"), ("harm[]", "none"),
                ("activities[]", "mende-etat-civil"),
            ]))
            #expect(saved.status == .seeOther)
            let after = try await browser.get(Self.page)
            let levelAfter = try #require(Self.level(after.text))
            let register = try fixture.store.register()
            let breach = try #require(register.breaches.first { $0.id == "breach-mende-1" })
            #expect(breach.encryption == Encryption(.stateOfTheArt, keyCompromised: false, form: .encryption))
            #expect(breach.exfiltration == Exfiltration(.possible, evidence: "Journaux du serveur de messagerie"))
            #expect(breach.disclosure == Disclosure(.intentionsUnknown, recipients: "Un usager d'une autre commune"))
            #expect(breach.vulnerableGroups == [.patients])
            #expect(breach.specialCategories == [.health])
            #expect(breach.observedConsequences == [])
            #expect(breach.criminalOffenceData == nil, "a fact left empty stays not recorded")
            #expect(breach.restoration == nil)
            #expect(breach.activities == ["mende-etat-civil"])
            #expect(breach.agreement == nil, "no agreement chosen: none recorded")
            #expect(!after.text.contains("id=\"fan-out-heading\""), "no agreement: no other controller to open it for")
            // Data unintelligible to whoever holds them (EDPB Guidelines 9/2022 §II.D): the tier falls.
            let decision = BreachDecision(breach, in: register, now: friday)
            #expect(levelAfter == decision.level.map { Vocabulary.label($0)[.fr] }?.replacingOccurrences(of: "'", with: "&#39;"))
            #expect(levelAfter != levelBefore)
            #expect(after.text.contains("<option value=\"state-of-the-art\" selected>"))
            #expect(after.text.contains("id=\"vulnerable-patients\" name=\"vulnerable[]\" value=\"patients\" checked"))
        }
        #expect(try fixture.store.journal.entries(entity: "breach-mende-1").last?.actor == "dpo-mende")
    }

    @Test("the form sent back as shown changes nothing, and journals nothing")
    func unchanged() async throws {
        let fixture = try DeskFixture()
        var breach = try #require(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" })
        // Moments to the second and texts with a line break: the inputs cannot show them exactly.
        breach.detected = friday.addingTimeInterval(-11 * 3600 + 17)
        breach.restoration = Restoration(backupAvailable: true, hoursToRestore: 20, dataLost: false, impact: .critical)
        breach.exfiltration = Exfiltration(.excluded, evidence: "Journaux\nanalysés", usableForPhishing: false)
        breach.disclosure = Disclosure(.trusted, recipients: "Avocat", boundToConfidentiality: true, returnedOrDeleted: true, identified: true)
        breach.vulnerableGroups = []
        _ = try fixture.store.change(actor: "setup") { edit in try edit.save(.breach(breach)) }
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(Self.page)
            let saved = try await browser.post(Self.facts, try Self.form(page.text, []))
            #expect(saved.status == .seeOther)
        }
        #expect(fixture.journalCount == before)
        #expect(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" } == breach)
    }

    @Test("what `breach update` refuses is refused at its field, and nothing is written", arguments: [
        ([("keyCompromised", "no")], "encryption-error"),
        ([("hoursToRestore", "20")], "backup-error"),
        ([("backup", "yes"), ("hoursToRestore", "-3")], "hoursToRestore-error"),
        ([("evidence", "Journaux")], "exfiltration-error"),
        ([("recipientsBound", "yes")], "recipientsTrust-error"),
        ([("vulnerable[]", "none"), ("vulnerable[]", "patients")], "vulnerable-error"),
        ([("harm[]", "boredom")], "harm-error"),
        ([("encryption", "rot13")], "encryption-error"),
        ([("detected", "hier")], "detected-error"),
        // Florac's activity and agreement are not Mende's to name.
        ([("activities[]", "florac-cantine")], "activities-error"),
        ([("agreement", "accord-florac")], "agreement-error"),
    ] as [([(String, String)], String)])
    func refusals(changes: [(String, String)], error: String) async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(Self.page)
            let refused = try await browser.post(Self.facts, try Self.form(page.text, changes))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"\(error)\""))
        }
        #expect(fixture.journalCount == before)
    }

    @Test("a timeline that cannot have happened is refused by the CLI's rule; a stale form is a conflict")
    func timelineAndVersion() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(Self.page)
            // Detected after the desk's now (09:00 in Paris): not something that has happened.
            let future = try await browser.post(Self.facts, try Self.form(page.text, [("detected", "2026-03-27T12:00")]))
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("Art. 33"))
            #expect(fixture.journalCount == before)
            let form = try Self.form(page.text, [("exfiltration", "excluded")])
            _ = try fixture.store.change(actor: "cli") { edit in
                var breach = try edit.breach("breach-mende-1")
                breach.title = "Courriel mal adressé à Mende (deux destinataires)"
                try edit.save(.breach(breach))
            }
            let stale = try await browser.post(Self.facts, form)
            #expect(stale.status == .conflict)
        }
        #expect(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" }?.exfiltration == nil)
    }

    @Test("a processor's breach is opened for the other controllers the account acts for (Art. 33(2)); the others are refused")
    func fanOut() async throws {
        let fixture = try DeskFixture()
        _ = try fixture.store.change(actor: "setup") { edit in
            var agreement = try #require(try edit.register(around: [EntityKey(.agreement, "accord-mende")]).agreement("accord-mende"))
            agreement.controllers = ["mende", "cdg48", "florac"]
            try edit.save(.agreement(agreement))
            var breach = try edit.breach("breach-mende-1")
            breach.agreement = "accord-mende"
            try edit.save(.breach(breach))
        }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-cdg")
            let page = try await browser.get(Self.page)
            #expect(page.text.contains("name=\"controllers[]\" value=\"cdg48\""))
            #expect(!page.text.contains("name=\"controllers[]\" value=\"florac\""), "Florac is not the account's")
            let before = fixture.journalCount
            let refused = try await browser.post("/breaches/breach-mende-1/fan-out", [("controllers[]", "florac"), ("told", "2026-03-27T08:30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"fanOut-error\""))
            #expect(fixture.journalCount == before)
            let none = try await browser.post("/breaches/breach-mende-1/fan-out", [("told", "2026-03-27T08:30")])
            #expect(none.status == .unprocessableContent)
            #expect(none.text.contains("id=\"fanOutControllers-error\""))
            let opened = try await browser.post("/breaches/breach-mende-1/fan-out", [
                ("controllers[]", "cdg48"), ("told", "2026-03-27T08:30"), ("incident", "INC-42"),
            ])
            #expect(opened.status == .seeOther)
            let after = try await browser.get(Self.page)
            #expect(after.text.contains("<a href=\"/breaches/breach-mende-1-cdg48\">"))
        }
        let register = try fixture.store.register()
        let cdg = try #require(register.breaches.first { $0.id == "breach-mende-1-cdg48" })
        #expect(cdg.controller == "cdg48")
        // 08:30 in Paris is 07:30 UTC: the centre's clock runs from the moment it was told.
        #expect(cdg.aware == friday.addingTimeInterval(-30 * 60))
        #expect(cdg.processorIncident == "INC-42")
        #expect(!register.breaches.contains { $0.controller == "florac" && $0.processorIncident == "INC-42" })
        #expect(try fixture.store.journal.entries(entity: "breach-mende-1-cdg48").last?.actor == "dpo-cdg")
    }

    @Test("a reader's page shows the facts without a form to save them, and a reader's post changes nothing")
    func reader() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("reader-mende")
            let page = try await browser.get(Self.page)
            #expect(page.text.contains("id=\"facts-heading\""))
            #expect(!page.text.contains(">Enregistrer les faits</button>"))
            let refused = try await browser.post(Self.facts, [("exfiltration", "confirmed")])
            #expect(refused.status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }
}
