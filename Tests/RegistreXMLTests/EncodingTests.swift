import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// A register saved in another encoding XML allows is read as xmllint reads it (issue 22: a UTF-16
/// register was refused with "Char 0x0 out of allowed range"): libxml2 finds the encoding from the
/// byte-order mark or the declaration.
@Suite("Encodings of a register file")
struct EncodingTests {
    static let sample = Repository.suiteTerritoriale

    /// The sample in UTF-16 of `order`, with its byte-order mark; its declaration says `declared`.
    static func utf16(bigEndian: Bool, declared: String) throws -> [UInt8] {
        let text = try String(contentsOfFile: sample, encoding: .utf8)
            .replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="\#(declared)""#)
        let body = try #require(text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        return (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + Array(body)
    }

    @Test("the sample in UTF-16, little- or big-endian with a byte-order mark, reads as the same entries as in UTF-8", arguments: [
        (false, "UTF-8"), (false, "UTF-16"), (true, "UTF-16"), (true, "UTF-8"),
    ])
    func utf16(bigEndian: Bool, declared: String) throws {
        let expected = try RegisterReader.read(file: Self.sample)
        let bytes = try Self.utf16(bigEndian: bigEndian, declared: declared)
        #expect(bytes.prefix(4).contains(0))
        let scratch = try ScratchDirectory()
        let path = scratch.path("utf16.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try RegisterReader.read(file: path) == expected)
        #expect(try RegisterReader.read(bytes: bytes, name: "utf16.xml") == expected)
        #expect(try CommandRunner.xmllintValidates(path).status == 0)
    }

    @Test("a declared single-byte encoding is read as declared; without a declaration or a mark, UTF-8")
    func declared() throws {
        let body = #"<register xmlns="urn:registre:1" version="1.0"><organisation id="c"><name>Mairie de Sète</name></organisation></register>"#
        let latin1 = try #require((#"<?xml version="1.0" encoding="ISO-8859-1"?>"# + body).data(using: .isoLatin1))
        #expect(try RegisterReader.read(bytes: Array(latin1), name: "latin1.xml").organisations.map(\.name) == ["Mairie de Sète"])
        #expect(try RegisterReader.read(bytes: Array(body.utf8), name: "plain.xml").organisations.map(\.name) == ["Mairie de Sète"])
        // Latin-1 bytes with no declaration are not UTF-8: refused, located, not misread.
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(try #require(body.data(using: .isoLatin1))), name: "bare.xml") }
    }
}
