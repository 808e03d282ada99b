import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Breach decision: the ENISA score's reasons in one language at a time")
struct ENISAWordsTests {
    @Test("every term of the score is in French in French and in the method's terms in English", arguments: [
        RiskAssessment.ConfidentialityLoss.allCases.map { Optional($0) } + [nil],
    ])
    func oneLanguage(confidentialities: [RiskAssessment.ConfidentialityLoss?]) {
        for confidentiality in confidentialities {
            for category in RiskAssessment.DataContext.Category.allCases {
                for identification in RiskAssessment.EaseOfIdentification.allCases {
                    let register = CompleteRegister.with(breach: { breach in
                        breach.assessment = RiskAssessment(
                            data: [.init(category)], identification: identification, confidentiality: confidentiality,
                            integrity: .recoverable, availability: .temporary, malicious: true)
                    })
                    let reasons = BreachDecision(register.breaches[0], in: register, now: CompleteRegister.aware).reasons
                    let french = reasons.map(\.fr).joined(separator: "\n")
                    let english = reasons.map(\.en).joined(separator: "\n")
                    for code in [category.rawValue, identification.rawValue, "malicious", "integrity", "availability"]
                        + (confidentiality.map { [$0.rawValue, "confidentiality"] } ?? []) {
                        #expect(!french.contains(" \(code) ") && !french.contains("(\(code)"), "\(code) in: \(french)")
                        #expect(english.contains(code), "\(code) missing from: \(english)")
                    }
                }
            }
        }
    }
}
