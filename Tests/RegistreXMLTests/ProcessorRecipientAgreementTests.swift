import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// ART28-3-NO-AGREEMENT for a recipient recorded as a processor ("Sous-traitants" in the CNIL's model)
/// with no agreement (issue 25): the same finding as for a processor organisation without one (Art. 28(3)).
@Suite("A recipient recorded as a processor")
struct ProcessorRecipientAgreementTests {
    func findings(_ change: @escaping (inout ProcessingActivity) -> Void) -> [Finding] {
        RegisterCheck.findings(in: CompleteRegister.with(activity: change)).filter { $0.code == .art28_3_no_agreement }
    }

    @Test("a processor named only as a recipient, bound by nothing in the register: ART28-3-NO-AGREEMENT naming it (fires)")
    func fires() throws {
        let found = findings {
            $0.processors = []
            $0.recipients = [Recipient("Service de l'état civil", kind: .internal), Recipient("Éditeur du logiciel d'état civil", kind: .processor)]
        }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.article == "Art. 28(3)")
        #expect(finding.message.en.contains("'Éditeur du logiciel d'état civil', recorded as a processor"))
        #expect(finding.message.fr.contains("art. 28(3)"))
    }

    @Test("quiet: the recipient names its agreement (kept through XML), or names a processor the activity engages, or is no processor")
    func quiet() throws {
        let named = CompleteRegister.with(activity: {
            $0.processors = []
            $0.recipients = [Recipient("Éditeur du logiciel d'état civil", kind: .processor, agreement: "Contrat de maintenance n° 2024-17")]
        })
        #expect(!RegisterCheck.findings(in: named).contains { $0.code == .art28_3_no_agreement })
        let reread = try RegisterReader.read(bytes: try RegisterWriter.bytes(of: named), name: "named.xml")
        #expect(reread.activities[0].recipients[0].agreement == "Contrat de maintenance n° 2024-17")
        #expect(findings { $0.processors = []; $0.recipients = [Recipient("Prestataire", kind: .external)] }.isEmpty)
        // CompleteRegister's activity engages its processor under an agreement: a recipient naming it is that processor.
        let register = CompleteRegister.with(activity: { _ in })
        let processor = try #require(register.activities[0].processors.first.flatMap { register.organisation($0.processor) })
        #expect(findings { $0.recipients = [Recipient("\(processor.name), équipe support", kind: .processor)] }.isEmpty)
    }
}
