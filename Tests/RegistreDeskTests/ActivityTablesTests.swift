import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: the activity form's tables — transfers, retention durations, Art. 9 and 10, processors, joint controllers, DPIA")
struct ActivityTablesTests {
    /// The form as the page sends it for Mende's activity, with `extra` rows.
    static func form(_ extra: [(String, String)]) -> [(String, String)] {
        PageTests.newActivity(id: "", name: "État civil de Mende", purposes: ["Tenir les actes"]) + extra
    }

    @Test("every table is saved from the form, and what a row does not show is kept")
    func saved() async throws {
        let fixture = try DeskFixture()
        var before = DeskFixture.activity("mende-etat-civil", "État civil de Mende", of: "mende")
        before.transfers = [Transfer(recipient: "Support", destination: .country("US"), safeguard: .standardContractualClauses, documentation: "Clauses 2021")]
        before.processors = [ProcessorEngagement(processor: "prestataire", service: "Hébergement", agreement: "accord-mende")]
        _ = try fixture.store.change(actor: "setup") { edit in try edit.save(.activity(before)) }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-cdg")
            let page = try await browser.get("/activities/mende-etat-civil")
            // The processor of Mende's agreement is offered though the account was not given it.
            #expect(page.text.contains("<option value=\"prestataire\" selected>Prestataire informatique</option>"))
            let saved = try await browser.post("/activities/mende-etat-civil", Self.form([
                ("transferRecipients[]", "Support"), ("transferDestinations[]", "us"), ("transferSafeguards[]", "standard-contractual-clauses"),
                ("transferRecipients[]", "Archives"), ("transferDestinations[]", "Conseil de l'Europe"), ("transferSafeguards[]", ""),
                ("retentionData[]", "Actes"), ("retentionValues[]", "75"), ("retentionUnits[]", "years"), ("retentionFrom[]", "la clôture du registre"),
                ("retentionData[]", ""), ("retentionValues[]", ""), ("retentionUnits[]", "years"), ("retentionFrom[]", ""),
                ("specialCategoriesShown", "1"), ("specialCategories[]", "health"),
                ("criminalOffence", "Condamnations"), ("criminalOffenceGround", "Code de procédure pénale"),
                ("processorIDs[]", "prestataire"), ("processorServices[]", "Hébergement et sauvegarde"),
                ("processorIDs[]", ""), ("processorServices[]", ""),
                ("jointControllersShown", "1"), ("jointControllers[]", "cdg48"),
                ("dpiaStatus", "done"), ("dpiaCompleted", "2026-01-15"), ("dpiaReference", "AIPD-2026-01"),
            ] + SpecialCategory.allCases.map { ("specialConditions[]", $0 == .health ? "9-2-h" : "") }))
            #expect(saved.status == .seeOther)
        }
        let stored = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
        #expect(stored.transfers == [
            Transfer(recipient: "Support", destination: .country("US"), safeguard: .standardContractualClauses, documentation: "Clauses 2021"),
            Transfer(recipient: "Archives", destination: .internationalOrganisation("Conseil de l'Europe")),
        ])
        // The stored criterion row is edited in its place; the new duration comes after it.
        #expect(stored.retention == [
            RetentionPeriod(rule: .criterion("5 ans après le départ")),
            RetentionPeriod(data: "Actes", rule: .duration(PeriodLength(75, .years), from: "la clôture du registre")),
        ])
        #expect(stored.specialCategories == [SpecialCategoryData(.health, condition: .healthOrSocialCare)])
        #expect(stored.criminalOffenceData == CriminalOffenceData(description: "Condamnations", legalGround: "Code de procédure pénale"))
        #expect(stored.processors == [ProcessorEngagement(processor: "prestataire", service: "Hébergement et sauvegarde", agreement: "accord-mende")])
        #expect(stored.jointControllers.map(\.organisation) == ["cdg48"])
        #expect(stored.impactAssessment == ImpactAssessment(status: .done, completed: CalendarDate(year: 2026, month: 1, day: 15), reference: "AIPD-2026-01"))
        #expect(try fixture.store.journal.entries(entity: "mende-etat-civil").last?.actor == "dpo-cdg")
    }

    @Test("a transfer without its safeguard shows its finding beside the transfers; with one, it is gone")
    func transferFinding() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            let bare = try await browser.post("/activities/mende-etat-civil", Self.form([
                ("transferRecipients[]", "Support"), ("transferDestinations[]", "US"), ("transferSafeguards[]", ""),
            ]))
            #expect(bare.status == .seeOther)
            let page = try await browser.get("/activities/mende-etat-civil")
            let beside = try #require(page.text.range(of: "id=\"transfers-findings\"")).upperBound
            #expect(page.text[beside...].prefix(300).contains("ART30-1-E-TRANSFER-SAFEGUARD"))
            try await browser.post("/activities/mende-etat-civil", Self.form([
                ("transferRecipients[]", "Support"), ("transferDestinations[]", "US"), ("transferSafeguards[]", "standard-contractual-clauses"),
            ]))
            #expect(!(try await browser.get("/activities/mende-etat-civil")).text.contains("ART30-1-E-TRANSFER-SAFEGUARD"))
        }
    }

    @Test("a duration that is not a number, a processor not offered, a transfer without its country: refused at the field, nothing saved")
    func refused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            for (extra, message) in [
                ([("retentionValues[]", "cinq"), ("retentionUnits[]", "years")], "Durée de conservation 1 (art. 30(1)(f))"),
                ([("processorIDs[]", "florac"), ("processorServices[]", "Cantine")], "Sous-traitant 1 (art. 28)"),
                ([("transferRecipients[]", "Support"), ("transferDestinations[]", "")], "Transfert 1 (art. 30(1)(e))"),
                ([("jointControllersShown", "1"), ("jointControllers[]", "florac")], "Responsables conjoints (art. 26)"),
            ] as [([(String, String)], String)] {
                let response = try await browser.post("/activities/mende-etat-civil", Self.form(extra))
                #expect(response.status == .unprocessableContent, "\(extra)")
                #expect(response.text.contains(message), "\(extra)")
                #expect(!response.text.contains("Commune de Florac"), "\(extra)")
            }
        }
        #expect(fixture.journalCount == before)
    }
}
