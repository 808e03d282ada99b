import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// ART5-1-E-RETENTION-MISSING-FOR-DATA (issue 25): where the register keeps retention per data category,
/// as the CNIL's register model does (a "Durée de conservation" beside each category), a category with
/// none of its own is kept for an unknown time (Art. 5(1)(e), Art. 30(1)(f)).
@Suite("A data category with no retention of its own")
struct RetentionPerCategoryTests {
    func findings(_ change: @escaping (inout ProcessingActivity) -> Void) -> [Finding] {
        RegisterCheck.findings(in: CompleteRegister.with(activity: change)).filter { $0.code == .art5_1_e_retention_missing_for_data }
    }

    @Test("two categories, a period for one: a warning naming the other (fires)")
    func fires() throws {
        let found = findings {
            $0.dataCategories = [Category("Nom, prénoms, filiation"), Category("Situation matrimoniale")]
            $0.retention = [RetentionPeriod(data: "Nom, prénoms, filiation", rule: .criterion("Conservation définitive (archives publiques)"))]
        }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.message.en.contains("'Situation matrimoniale'"))
        #expect(finding.message.fr.contains("« Situation matrimoniale »") && finding.message.fr.contains("CNIL"))
        #expect(finding.article.contains("Art. 5(1)(e)"))
    }

    @Test("quiet: periods that name no data or no category (records grouped otherwise), every category with its own, one period naming several")
    func quiet() {
        #expect(findings {
            $0.dataCategories = [Category("Identité : nom, prénom"), Category("Appréciations des comités")]
            $0.retention = [RetentionPeriod(data: "Dossiers de candidature", rule: .duration(PeriodLength(5, .years), from: "la fin de l'accompagnement"))]
        }.isEmpty)
        #expect(findings {
            $0.dataCategories = [Category("Identité"), Category("RIB")]
            $0.retention = [RetentionPeriod(data: nil, rule: .duration(PeriodLength(5, .years), from: "la fin du contrat"))]
        }.isEmpty)
        #expect(findings {
            $0.dataCategories = [Category("Identité"), Category("RIB")]
            $0.retention = [RetentionPeriod(data: "identité", rule: .duration(PeriodLength(5, .years), from: "la fin du contrat")),
                            RetentionPeriod(data: "RIB", rule: .duration(PeriodLength(13, .months), from: "le paiement"))]
        }.isEmpty)
        #expect(findings {
            $0.dataCategories = [Category("Nom"), Category("RIB")]
            $0.retention = [RetentionPeriod(data: "Nom et RIB", rule: .duration(PeriodLength(5, .years), from: "la fin du contrat"))]
        }.isEmpty)
    }

}
