import RegistreCore
import Testing

@Suite("SIREN and SIRET")
struct LegalIdentifierTests {
    @Test("real identifiers of the seeds are accepted", arguments: [
        ("SIREN", "130026032"),  // ANCT
        ("SIRET", "13002603200016"),  // ANCT, head office
        ("SIREN", "284800026"),  // CDG48
        ("SIRET", "20004131700013"),  // Communauté d'agglomération du Niortais
        ("SIREN", "214800955"),  // Commune de Mende
    ])
    func accepted(scheme: String, value: String) throws {
        let identifier = try LegalIdentifier(scheme: scheme, value: value)
        #expect(identifier.scheme == scheme)
        #expect(identifier.value == value)
    }

    @Test("one mistyped digit is caught by the key", arguments: [
        ("SIREN", "130026033"), ("SIRET", "13002603200017"), ("SIREN", "284800062"),
    ])
    func wrongKey(scheme: String, value: String) {
        #expect(throws: LegalIdentifierError.wrongKey(scheme: scheme, value: value)) {
            try LegalIdentifier(scheme: scheme, value: value)
        }
    }

    @Test("a wrong length or a letter is malformed", arguments: [
        ("SIREN", "13002603"), ("SIREN", "1300260321"), ("SIREN", "13002603A"), ("SIRET", "130026032"),
        ("SIREN", "130 026 032"), ("SIRET", "１３００２６０３２０００１６"),
    ])
    func malformed(scheme: String, value: String) {
        #expect(throws: LegalIdentifierError.self) { try LegalIdentifier(scheme: scheme, value: value) }
        do {
            _ = try LegalIdentifier(scheme: scheme, value: value)
        } catch {
            guard case .malformed = error else {
                Issue.record("expected .malformed, got \(error)")
                return
            }
        }
    }

    @Test("La Poste's establishments follow the sum-of-digits rule, not Luhn")
    func laPoste() throws {
        // Digit sum 30, a multiple of 5; fails Luhn.
        #expect(try LegalIdentifier(scheme: "SIRET", value: "35600000012346") == .siret("35600000012346"))
        #expect(throws: LegalIdentifierError.self) { try LegalIdentifier(scheme: "SIRET", value: "35600000012345") }
    }

    @Test("other schemes are kept as written")
    func otherScheme() throws {
        #expect(try LegalIdentifier(scheme: "VAT", value: "DE 123") == .other(scheme: "VAT", value: "DE 123"))
    }

    @Test("a SIRET belongs to the SIREN of its first nine digits")
    func sirenOfSiret() throws {
        #expect(try LegalIdentifier(scheme: "SIRET", value: "13002603200016").siren == "130026032")
    }

    @Test("a refusal says the value and what was expected, in French and English")
    func refusalWords() {
        let malformed = LegalIdentifierError.malformed(scheme: "SIREN", value: "12", digits: 9)
        #expect(malformed.message.fr == "SIREN « 12 » est mal formé : 9 chiffres attendus")
        #expect(malformed.description == "SIREN '12' is malformed: expected 9 digits")
        #expect(LegalIdentifierError.wrongKey(scheme: "SIRET", value: "1").message.fr.contains("clé de contrôle fausse"))
    }
}
