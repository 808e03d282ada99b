import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// ART35-DPIA-NOT-ASSESSED (issue 25): silence on the DPIA is not an answer when the activity's own data
/// meet two EDPB criteria (WP248 rev.01: sensitive data, vulnerable data subjects).
@Suite("An activity silent on the DPIA whose data meet two criteria")
struct DPIANotAssessedTests {
    func findings(_ change: @escaping (inout ProcessingActivity) -> Void) -> [Finding] {
        RegisterCheck.findings(in: CompleteRegister.with(activity: change)).filter { $0.code == .art35_dpia_not_assessed }
    }

    @Test("children's health data with no DPIA element at all: a warning naming the people (fires)")
    func fires() throws {
        let found = findings {
            $0.impactAssessment = nil
            $0.specialCategories = [SpecialCategoryData(.health)]
            $0.dataSubjects = [Category("Enfants inscrits à la cantine")]
        }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.message.en.contains("'Enfants inscrits à la cantine'"))
        #expect(finding.message.fr.contains("deux critères du CEPD"))
    }

    @Test("quiet: one criterion only, or a DPIA element recorded, or the children's parents")
    func quiet() {
        #expect(findings { $0.impactAssessment = nil; $0.specialCategories = [SpecialCategoryData(.health)]; $0.dataSubjects = [Category("Agents")] }.isEmpty)
        #expect(findings { $0.impactAssessment = nil; $0.specialCategories = []; $0.criminalOffenceData = nil; $0.dataSubjects = [Category("Élèves")] }.isEmpty)
        #expect(findings {
            $0.impactAssessment = nil
            $0.specialCategories = [SpecialCategoryData(.health)]
            $0.dataSubjects = [Category("Parents des enfants")]
        }.isEmpty)
        #expect(findings {
            $0.specialCategories = [SpecialCategoryData(.health)]
            $0.dataSubjects = [Category("Élèves")]
            $0.impactAssessment = ImpactAssessment(criteria: [.sensitiveOrHighlyPersonalData, .vulnerableDataSubjects])
        }.isEmpty)
    }
}
