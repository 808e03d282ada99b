import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Chapter V judged from the controller's own law (issue 25): the regime is derived from the
/// controller's country, overridable, and the finding's message says it.
@Suite("Transfers under the controller's regime: GDPR, UK GDPR, Swiss FADP")
struct TransferRegimeTests {
    /// The sample with the controller seated in `controllerCountry` and its processor in `processorCountry`.
    func register(controller controllerCountry: String, regime: DataProtectionRegime? = nil, processor processorCountry: String) -> Register {
        var register = CompleteRegister.with(organisation: "commune") {
            $0.country = controllerCountry
            $0.regime = regime
        }
        if let index = register.organisations.firstIndex(where: { $0.id == "anct" }) {
            register.organisations[index].country = processorCountry
        }
        return register
    }

    func unrecorded(_ register: Register) -> Finding? {
        RegisterCheck.findings(in: register).first { $0.code == .art44_processor_transfer_unrecorded }
    }

    @Test("the regime follows the country, and the register may override it")
    func derived() {
        #expect(DataProtectionRegime.of(country: "GB") == .ukGDPR)
        #expect(DataProtectionRegime.of(country: "ch") == .swissFADP)
        #expect(DataProtectionRegime.of(country: "FR") == .gdpr)
        #expect(DataProtectionRegime.of(country: nil) == .gdpr)
        #expect(Organisation(id: "x", name: "X", country: "GB", regime: .gdpr).effectiveRegime == .gdpr)
    }

    @Test("an English council's processor in Great Britain is no transfer (quiet); a French commune's is one (fires, saying GDPR)")
    func britishCouncil() throws {
        #expect(unrecorded(register(controller: "GB", processor: "GB")) == nil)
        let french = try #require(unrecorded(register(controller: "FR", processor: "GB")))
        #expect(french.message.en.contains("outside the European Economic Area (GDPR) (United Kingdom)"))
        #expect(french.message.fr.contains("hors de l'Espace économique européen (RGPD)"))
    }

    @Test("under the UK GDPR the EEA is covered by the UK's adequacy regulations (quiet); the United States is a transfer (fires, saying UK GDPR)")
    func ukGDPR() throws {
        #expect(unrecorded(register(controller: "GB", processor: "FR")) == nil)
        let american = try #require(unrecorded(register(controller: "GB", processor: "US")))
        #expect(american.message.en.contains("(UK GDPR)"))
    }

    @Test("a regime recorded overrides the country: a British-seated controller recorded under the GDPR transfers to Great Britain")
    func overridden() {
        #expect(unrecorded(register(controller: "GB", regime: .gdpr, processor: "GB")) != nil)
    }

    @Test("under the Swiss FADP the EEA and the UK are adequate (quiet); the United States is not (fires, saying FADP)")
    func swissFADP() throws {
        #expect(unrecorded(register(controller: "CH", processor: "DE")) == nil)
        #expect(unrecorded(register(controller: "CH", processor: "GB")) == nil)
        let american = try #require(unrecorded(register(controller: "CH", processor: "US")))
        #expect(american.message.en.contains("(Swiss FADP)"))
    }

    @Test("an activity's recorded transfer without safeguard: an error for a French commune sending to Great Britain, none for an English council")
    func recordedTransferSafeguard() throws {
        func safeguardFinding(_ controllerCountry: String) -> Finding? {
            var register = register(controller: controllerCountry, processor: controllerCountry)
            register.activities[0].transfers = [Transfer(recipient: "Prestataire", destination: .country("GB"))]
            return RegisterCheck.findings(in: register).first { $0.code == .art30_1_e_transfer_safeguard }
        }
        #expect(safeguardFinding("GB") == nil)
        let french = try #require(safeguardFinding("FR"))
        #expect(french.message.en.contains("outside the European Economic Area (GDPR)"))
    }

    @Test("a sub-processor in Great Britain: no safeguard needed for an English council's agreement, one needed for a French commune's")
    func subProcessor() {
        func codes(_ controllerCountry: String) -> [FindingCode] {
            var register = register(controller: controllerCountry, processor: controllerCountry)
            register.agreements[0].subProcessors[0].countries = ["GB"]
            register.agreements[0].subProcessors[0].safeguard = nil
            return RegisterCheck.findings(in: register).map(\.code)
        }
        #expect(!codes("GB").contains(.art44_sub_processor_safeguard))
        #expect(codes("FR").contains(.art44_sub_processor_safeguard))
    }
}
