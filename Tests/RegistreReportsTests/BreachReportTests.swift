import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("The breach report")
struct BreachReportTests {
    let register = CompleteRegister.register
    let now = CompleteRegister.aware.addingTimeInterval(30 * 3600)

    @Test("a breach with every field, in the order of the CNIL form", arguments: Language.allCases)
    func complete(language: Language) throws {
        let text = BreachReport.render(register.breaches[0], in: register, now: now, language: language)
        try expectGolden(text, "violation.\(language.rawValue).txt")
        let items = language == .fr
            ? ["(art. 33(3)(b))", "3. Nature de la violation (art. 33(3)(a))", "5. Conséquences probables (art. 33(3)(c))", "6. Mesures prises ou envisagées (art. 33(3)(d))"]
            : ["(Art. 33(3)(b))", "3. Nature of the breach (Art. 33(3)(a))", "5. Likely consequences (Art. 33(3)(c))", "6. Measures taken or proposed (Art. 33(3)(d))"]
        let positions = items.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(items)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains(language == .fr ? "Notification initiale complète." : "Initial notification complete."))
        #expect(!text.contains("MANQUANT") && !text.contains("MISSING"))
        #expect(text.contains("2026-03-30 16:30 (Europe/Paris) — 2026-03-30 14:30 (UTC)"))
    }

    @Test("without the likely consequences, (c) shows as missing and the notice as to be completed")
    func missingConsequences() {
        let broken = CompleteRegister.with(breach: { $0.likelyConsequences = nil })
        let french = BreachReport.render(broken.breaches[0], in: broken, now: now, language: .fr)
        #expect(french.contains("5. Conséquences probables (art. 33(3)(c))\n   MANQUANTES"))
        #expect(french.contains("Notification À COMPLÉTER (art. 33(4)) : manquent Art. 33(3)(c)"))
        let english = BreachReport.render(broken.breaches[0], in: broken, now: now, language: .en)
        #expect(english.contains("5. Likely consequences (Art. 33(3)(c))\n   MISSING"))
    }

    @Test("the decision explains itself")
    func reasons() {
        let text = BreachReport.render(register.breaches[0], in: register, now: now, language: .en)
        #expect(text.contains("Data processing context (DPC): 2 (behavioural +0 → 2)"))
        #expect(text.contains("Severity SE = DPC × EI + CB = 2.75: medium, which supports the tier 'risk'"))
    }

    @Test("the XML report and the breach register validate against the schema")
    func xml() throws {
        let scratch = try ScratchDirectory()
        let report = scratch.path("report.xml")
        try Data(try BreachReportWriter.report(register.breaches[0], in: register, now: now)).write(to: URL(fileURLWithPath: report))
        #expect(try CommandRunner.xmllintValidates(report).status == 0)
        let breaches = scratch.path("breaches.xml")
        try Data(try BreachReportWriter.breachRegister(register)).write(to: URL(fileURLWithPath: breaches))
        #expect(try CommandRunner.xmllintValidates(breaches).status == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains(#"<breach-report xmlns="urn:registre:1" version="1.0" status="complete">"#))
        #expect(text.contains("<aware>2026-03-27T16:30:00+01:00</aware>"))
        #expect(text.contains("<deadline>2026-03-30T14:30:00Z</deadline>"))
    }

    @Test("the breach register lists every breach", arguments: Language.allCases)
    func breachRegister(language: Language) throws {
        try expectGolden(BreachRegisterReport.render(register, now: now, language: language), "registre-violations.\(language.rawValue).txt")
    }
}
