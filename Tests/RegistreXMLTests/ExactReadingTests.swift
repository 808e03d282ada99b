import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// registre reads the text of every field as the XML infoset defines it, exactly as xmllint does: text
/// and CDATA sections joined, character references resolved, comments and processing instructions inside
/// a text left out. Each sample is rewritten in valid variants that use those constructs in every leaf
/// text; xmllint's canonical form of each variant (less the inserted comments and processing
/// instructions) must be the sample's own, and registre must read each variant as it reads the sample.
@Suite("Reading exactly what xmllint reads")
struct ExactReadingTests {
    /// One way of writing a leaf text differently, for the same infoset.
    enum Variant: String, CaseIterable, Sendable {
        case wholeCDATA, halfCDATA, characterReferences, commentsAndInstructions, mixed

        func rewrite(_ escaped: String) -> String {
            let characters = Array(escaped)
            // Split between two characters, never inside an entity or character reference.
            var middle = characters.count / 2
            while let amp = characters[..<middle].lastIndex(of: "&"), !characters[amp..<middle].contains(";") { middle = amp }
            let head = String(characters[..<middle]), tail = String(characters[middle...])
            switch self {
            case .wholeCDATA: return Self.cdata(escaped)
            case .halfCDATA: return Self.cdata(head) + tail
            case .characterReferences: return Self.references(escaped)
            case .commentsAndInstructions: return head + Self.comment + tail + Self.instruction
            case .mixed: return Self.cdata(head) + Self.comment + Self.references(tail) + Self.instruction + Self.cdata("")
            }
        }

        static let comment = "<!--variante-->"
        static let instruction = "<?registre-test variante?>"

        /// The text in a CDATA section: references resolved, since a section holds characters as they are.
        static func cdata(_ escaped: String) -> String {
            let plain = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return "<![CDATA[" + plain + "]]>"
        }

        /// Every letter e and every non-ASCII character as a character reference, in hex and decimal by turns.
        static func references(_ escaped: String) -> String {
            var result = ""
            var inReference = false
            var hex = true
            for character in escaped {
                if character == "&" { inReference = true }
                if !inReference, character == "e" || !character.isASCII, character.unicodeScalars.count == 1,
                   let scalar = character.unicodeScalars.first {
                    result += hex ? "&#x\(String(scalar.value, radix: 16));" : "&#\(scalar.value);"
                    hex.toggle()
                } else {
                    result.append(character)
                }
                if character == ";" { inReference = false }
            }
            return result
        }
    }

    /// The sample with every leaf text (an element holding text and no element) rewritten.
    static func variant(of sample: String, _ variant: Variant) throws -> String {
        let leaf = try NSRegularExpression(pattern: #"(<([a-z][a-z-]*)(?:\s[^<>]*)?>)([^<>]*[^<>\s][^<>]*)(</\2>)"#)
        let text = sample as NSString
        var result = ""
        var last = 0
        for match in leaf.matches(in: sample, range: NSRange(location: 0, length: text.length)) {
            let inner = match.range(at: 3)
            result += text.substring(with: NSRange(location: last, length: inner.location - last))
            result += variant.rewrite(text.substring(with: inner))
            last = inner.location + inner.length
        }
        return result + text.substring(from: last)
    }

    /// xmllint's canonical form of a file, without the comments and instructions the variants add.
    static func canonical(_ path: String) throws -> String {
        let result = try CommandRunner.run("/usr/bin/env", ["xmllint", "--nonet", "--c14n", path])
        #expect(result.status == 0, "xmllint --c14n \(path): \(result.standardError)")
        return result.standardOutput.replacingOccurrences(of: Variant.comment, with: "")
            .replacingOccurrences(of: Variant.instruction, with: "")
    }

    @Test("every variant of every sample is valid for xmllint, has the sample's text content, and reads as the sample",
          arguments: Repository.sampleRegisters, Variant.allCases)
    func corpus(_ sample: String, _ variant: Variant) throws {
        let scratch = try ScratchDirectory()
        let original = try String(contentsOfFile: sample, encoding: .utf8)
        let rewritten = try Self.variant(of: original, variant)
        #expect(rewritten != original)
        let path = try scratch.write(rewritten, to: "variant.xml")
        let validity = try CommandRunner.xmllintValidates(path)
        #expect(validity.status == 0, "xmllint refuses the variant: \(validity.standardError.prefix(2000))")
        #expect(try Self.canonical(path) == Self.canonical(sample), "xmllint reads a different text")
        let expected = try RegisterReader.read(file: sample)
        let read = try RegisterReader.read(file: path)
        #expect(read == expected)
        if read != expected {
            for (mine, theirs) in zip(read.organisations, expected.organisations) where mine != theirs {
                Issue.record("organisation read as \(mine), expected \(theirs)")
            }
        }
    }

    static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><register xmlns="urn:registre:1" version="1.0">"# + body + "</register>"
    }

    /// What xmllint says the text of the first element `name` is.
    static func xmllintText(of name: String, in path: String) throws -> String {
        let result = try CommandRunner.run("/usr/bin/env", ["xmllint", "--nonet", "--xpath", "string((//*[local-name()='\(name)'])[1])", path])
        #expect(result.status == 0, "\(result.standardError)")
        // xmllint ends what it prints with a line break of its own.
        return result.standardOutput.hasSuffix("\n") ? String(result.standardOutput.dropLast()) : result.standardOutput
    }

    @Test("a name partly in CDATA keeps all its text, as xmllint reads it", arguments: [
        "<![CDATA[Centre de gestion]]> de la fonction publique territoriale",
        "<![CDATA[Centre de gestion]]>",
        "Centre <![CDATA[de]]> gestion<![CDATA[]]>",
        "Centre&#x20;de&#32;gestion &amp; <![CDATA[<associés> & co]]>",
        "Cen<!-- commentaire -->tre<?pi donnée?> de gestion",
        "<![CDATA[ ]]>Centre",
    ])
    func cdataName(_ content: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.document(#"<organisation id="cdg"><name>"# + content + "</name></organisation>"), to: "cdata.xml")
        #expect(try CommandRunner.xmllintValidates(path).status == 0)
        let register = try RegisterReader.read(file: path)
        #expect(register.organisations.first?.name == (try Self.xmllintText(of: "name", in: path)))
        #expect(register.organisations.first?.name.contains("Centre") == true)
    }

    @Test("a register written with a value that needs escaping reads back the same", arguments: [
        "A & B <C> \"D\" 'E' ]]> F", "Ligne un\nLigne deux", "  espaces  ", "Tabulation\tici",
    ])
    func roundTrip(_ value: String) throws {
        var register = CompleteRegister.register
        register.activities[0].purposes = [value]
        let bytes = try RegisterWriter.bytes(of: register)
        #expect(try RegisterReader.read(bytes: bytes).activities[0].purposes == [value])
    }
}
