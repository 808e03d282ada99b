import Foundation
// Not @testable: a house rule is written with the public API alone, as another package would write it.
import RegistreCore
import RegistreTestSupport
import Testing

/// A house rule of a program's own, run with registre's through the public API.
@Suite("House rules")
struct HouseRuleTests {
    static let code = FindingCode(rawValue: "HOUSE-DPIA-REFERENCE")

    /// House policy: a DPIA marked done carries the reference of its report.
    static let dpiaReference = Rule.activity(code, "Art. 35(7)") { activity, _ in
        guard let assessment = activity.impactAssessment, assessment.status == .done, assessment.reference == nil else { return [] }
        return [.warning(
            fr: "L'AIPD est faite mais son rapport n'a pas de référence.",
            en: "The DPIA is done but its report has no reference.")]
    }

    static func register(reference: String?) -> Register {
        CompleteRegister.with(activity: {
            $0.impactAssessment = ImpactAssessment(status: .done, completed: CalendarDate(year: 2026, month: 1, day: 15), reference: reference)
        })
    }

    @Test("a house rule fires beside registre's own rules, with its code, article, severity and entry")
    func fires() throws {
        let register = Self.register(reference: nil)
        let builtIn = RegisterCheck.findings(in: register)
        let findings = RegisterCheck.findings(in: register, rules: RegisterCheck.rules + [Self.dpiaReference])
        let house = try #require(findings.first { $0.code == Self.code })
        #expect(house.article == "Art. 35(7)")
        #expect(house.severity == .warning)
        #expect(house.subject == Finding.Subject(.activity, register.activities[0].id))
        #expect(house.message.en == "The DPIA is done but its report has no reference.")
        // registre's own findings are all still there, the house rule's added.
        #expect(findings.filter { $0.code != Self.code } == builtIn)
    }

    @Test("a house rule is quiet where the entry is in order, and runs alone when asked")
    func quiet() {
        let register = Self.register(reference: "AIPD-2026-01")
        #expect(RegisterCheck.findings(in: register, rules: [Self.dpiaReference]) == [])
        #expect(RegisterCheck.findings(in: Self.register(reference: nil), rules: [Self.dpiaReference]).map(\.code) == [Self.code])
    }

    @Test("a breach rule of a house's own gets the moment of the check")
    func breachRuleGetsTheMoment() throws {
        let register = CompleteRegister.register
        let breach = try #require(register.breaches.first)
        let code = FindingCode(rawValue: "HOUSE-BREACH-OPEN-A-WEEK")
        let openAWeek = Rule.breach(code, "Art. 33(5)") { breach, _, now in
            guard let now, now.timeIntervalSince(breach.aware) > 7 * 86_400 else { return [] }
            return [Rule.Gap(severity: .info, message: LocalizedText(fr: "Ouverte depuis plus d'une semaine.", en: "Open for more than a week."))]
        }
        let early = RegisterCheck.findings(in: register, now: breach.aware.addingTimeInterval(86_400), rules: [openAWeek])
        let late = RegisterCheck.findings(in: register, now: breach.aware.addingTimeInterval(8 * 86_400), rules: [openAWeek])
        #expect(early == [])
        #expect(late.map(\.severity) == [.info])
    }
}
