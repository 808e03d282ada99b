import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// The fields issue 25 adds to the format: the organisation's regime and the breach facts of round 3.
@Suite("Round-3 fields: written, read back equal, written again to the same bytes, valid for xmllint")
struct RoundThreeFactsXMLTests {
    @Test("an organisation's regime and every new breach fact survive the round trip; absent ones stay absent")
    func roundTrip() throws {
        var register = CompleteRegister.with(organisation: "commune") { $0.regime = .ukGDPR }
        register.breaches[0].encryption = Encryption(.stateOfTheArt, keyCompromised: false, form: .saltedHash)
        register.breaches[0].restoration = Restoration(backupAvailable: false, dataLost: true, impact: .critical)
        register.breaches[0].exfiltration = Exfiltration(.confirmed, evidence: "Revendication", usableForPhishing: true)
        register.breaches[0].disclosure = Disclosure(.trusted, recipients: "Me Durand", boundToConfidentiality: true,
                                                     returnedOrDeleted: false, identified: true)
        let bytes = try RegisterWriter.bytes(of: register)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("regime=\"uk-gdpr\""))
        #expect(text.contains("form=\"salted-hash\""))
        #expect(text.contains("impact=\"critical\""))
        #expect(text.contains("usable-for-phishing=\"true\""))
        #expect(text.contains("bound-to-confidentiality=\"true\"") && text.contains("returned-or-deleted=\"false\"") && text.contains("identified=\"true\""))
        let read = try RegisterReader.read(bytes: bytes, name: "round-three.xml")
        #expect(read == register)
        #expect(try RegisterWriter.bytes(of: read) == bytes)
        let scratch = try ScratchDirectory()
        let path = scratch.path("round-three.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let lint = try CommandRunner.xmllintValidates(path)
        #expect(lint.status == 0, "\(lint.standardError)")
        // Not recorded stays not recorded: the sample writes none of these attributes.
        let plain = String(decoding: try RegisterWriter.bytes(of: CompleteRegister.register), as: UTF8.self)
        for attribute in ["regime=", "form=", "impact=", "usable-for-phishing=", "bound-to-confidentiality=", "returned-or-deleted=", "identified="] {
            #expect(!plain.contains(attribute), "\(attribute)")
        }
    }

    @Test("an unknown regime or impact is a located problem, not a guess")
    func unknownValues() throws {
        let bytes = try RegisterWriter.bytes(of: CompleteRegister.with(organisation: "commune") { $0.regime = .swissFADP })
        let wrong = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "regime=\"fadp\"", with: "regime=\"lgpd\"")
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(wrong.utf8), name: "wrong.xml") }
    }
}
