import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: the DPIA on the activity form — the EDPB criteria, the result, and the Art. 35 warning when the criteria call for it")
struct ActivityImpactTests {
    static let page = "/activities/mende-etat-civil"

    /// The activity form as its page shows it, with `changes` in place of its fields of those names.
    static func form(_ page: String, _ changes: [(String, String)]) throws -> [(String, String)] {
        let form = try #require(HTMLForm.forms(in: page, action: Self.page).first)
        let changed = Set(changes.map(\.0) + ["csrf"])
        return form.fields.filter { !changed.contains($0.0) } + changes
    }

    /// The findings listed beside the DPIA's fields.
    static func dpiaFindings(_ page: String) -> Substring {
        guard let start = page.range(of: "id=\"dpia-findings\">"), let end = page.range(of: "</ul>", range: start.upperBound..<page.endIndex) else { return "" }
        return page[start.upperBound..<end.lowerBound]
    }

    @Test("two criteria ticked with no DPIA done: the Art. 35 error beside the DPIA at once; one criterion, or a DPIA under way: none")
    func warningFromCriteria() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let before = try await browser.get(Self.page)
            #expect(before.text.contains("name=\"dpiaCriteria[]\" value=\"large-scale\""))
            #expect(!Self.dpiaFindings(before.text).contains("ART35-DPIA-MISSING"))
            let one = try await browser.post(Self.page, try Self.form(before.text, [("dpiaCriteria[]", "large-scale")]))
            #expect(one.status == .seeOther)
            let quiet = try await browser.get(Self.page)
            #expect(!Self.dpiaFindings(quiet.text).contains("ART35-DPIA-MISSING"), "one criterion does not call for a DPIA")
            let two = try await browser.post(Self.page, try Self.form(quiet.text, [("dpiaCriteria[]", "large-scale"), ("dpiaCriteria[]", "systematic-monitoring")]))
            #expect(two.status == .seeOther)
            let fires = try await browser.get(Self.page)
            #expect(Self.dpiaFindings(fires.text).contains("ART35-DPIA-MISSING"), "no status chosen: the warning shows, not only after 'non requise'")
            #expect(fires.text.contains("id=\"dpia-large-scale\" name=\"dpiaCriteria[]\" value=\"large-scale\" aria-describedby=\"dpia-criteria-help\" checked"))
            let underWay = try await browser.post(Self.page, try Self.form(fires.text, [
                ("dpiaCriteria[]", "large-scale"), ("dpiaCriteria[]", "systematic-monitoring"), ("dpiaStatus", "in-progress"),
            ]))
            #expect(underWay.status == .seeOther)
            let after = try await browser.get(Self.page)
            #expect(!Self.dpiaFindings(after.text).contains("ART35-DPIA-MISSING"))
        }
        let activity = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
        #expect(activity.impactAssessment == ImpactAssessment(criteria: [.largeScale, .systematicMonitoring], status: .inProgress))
    }

    @Test("criteria unticked are removed; a form that does not show the boxes keeps them; an unknown criterion is refused")
    func criteriaKept() async throws {
        let fixture = try DeskFixture()
        _ = try fixture.store.change(actor: "setup") { edit in
            var activity = try edit.activity("mende-etat-civil")
            activity.impactAssessment = ImpactAssessment(criteria: [.vulnerableDataSubjects, .largeScale], status: .done)
            try edit.save(.activity(activity))
        }
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(Self.page)
            let before = fixture.journalCount
            // An older page without the boxes: the criteria stay as recorded (nothing journaled).
            let withoutBoxes = try Self.form(page.text, []).filter { $0.0 != "dpiaCriteria[]" && $0.0 != "dpiaCriteriaShown" }
            #expect(try await browser.post(Self.page, withoutBoxes).status == .seeOther)
            #expect(fixture.journalCount == before)
            try await browser.get(Self.page)
            let unknown = try await browser.post(Self.page, try Self.form(page.text, [("dpiaCriteria[]", "astrology")]))
            #expect(unknown.status == .unprocessableContent)
            #expect(fixture.journalCount == before)
            try await browser.get(Self.page)
            let unticked = try await browser.post(Self.page, try Self.form(page.text, [("dpiaCriteria[]", "large-scale")]))
            #expect(unticked.status == .seeOther)
        }
        let activity = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
        #expect(activity.impactAssessment?.criteria == [.largeScale])
        #expect(activity.impactAssessment?.status == .done)
    }
}
