import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

/// Files a DPO may receive from anyone: each must be refused with a located message, and nothing outside
/// the file may be read.
@Suite("Hostile and broken input")
struct HostileInputTests {
    static let header = #"<?xml version="1.0" encoding="UTF-8"?>"#

    func refusal(_ text: String, name: String = "hostile.xml") throws -> RegisterReadError {
        try refusal(bytes: Array(text.utf8), name: name)
    }

    func refusal(bytes: [UInt8], name: String = "hostile.xml") throws -> RegisterReadError {
        do {
            let register = try RegisterReader.read(bytes: bytes, name: name)
            Issue.record("read without error: \(register)")
            throw CancellationError()
        } catch let error as RegisterReadError {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.description.hasPrefix("\(name):"))
            }
            return error
        }
    }

    /// A small valid register to spoil.
    static func register(_ body: String) -> String {
        """
        \(header)
        <register xmlns="urn:registre:1" version="1.0">
        \(body)
        </register>
        """
    }

    static let organisation = #"<organisation id="c"><name>Commune</name></organisation>"#

    @Test("a malformed file is refused at its line and column")
    func malformed() throws {
        let error = try refusal(Self.register("<organisation id=\"c\"><name>Commune</organisation>"))
        let first = try #require(error.diagnostics.first)
        #expect(first.line == 3)
        #expect(first.column != nil)
        #expect(first.description.hasPrefix("hostile.xml:3:"))
        #expect(error.diagnostics.count == 1)
    }

    @Test("billion laughs: refused, nothing expanded")
    func billionLaughs() throws {
        var entities = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let error = try refusal("\(Self.header)<!DOCTYPE register [\(entities)]><register xmlns=\"urn:registre:1\" version=\"1.0\"><title>&lol9;</title></register>")
        // libxml2 stops the amplification itself while reading the DOCTYPE, before registre refuses it.
        #expect(error.diagnostics.count == 1)
        #expect(error.description.contains("DOCTYPE") || error.description.contains("entity"))
    }

    @Test("quadratic blow-up: refused")
    func quadraticBlowUp() throws {
        let big = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&a;", count: 10_000)
        let error = try refusal("\(Self.header)<!DOCTYPE register [<!ENTITY a \"\(big)\">]><register xmlns=\"urn:registre:1\" version=\"1.0\"><title>\(references)</title></register>")
        #expect(error.description.contains("DOCTYPE"))
    }

    @Test("an external entity pointing at a local file is refused and the file is not read")
    func externalEntityFile() throws {
        let scratch = try ScratchDirectory()
        let secret = try scratch.write("SECRET-CONTENT-42", to: "secret.txt")
        let error = try refusal("\(Self.header)<!DOCTYPE register [<!ENTITY x SYSTEM \"file://\(secret)\">]><register xmlns=\"urn:registre:1\" version=\"1.0\"><title>&x;</title></register>")
        #expect(!error.description.contains("SECRET-CONTENT-42"))
        #expect(error.description.contains("DOCTYPE"))
    }

    @Test("an external entity pointing at a URL is refused")
    func externalEntityURL() throws {
        let error = try refusal("\(Self.header)<!DOCTYPE register [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]><register xmlns=\"urn:registre:1\" version=\"1.0\"><title>&x;</title></register>")
        #expect(error.description.contains("DOCTYPE"))
    }

    @Test("an external DTD is refused")
    func externalDTD() throws {
        let error = try refusal("\(Self.header)<!DOCTYPE register SYSTEM \"file:///etc/passwd\"><register xmlns=\"urn:registre:1\" version=\"1.0\"/>")
        #expect(error.description.contains("DOCTYPE"))
        #expect(!error.description.contains("root:"))
    }

    @Test("deep nesting is refused without exhausting the stack")
    func deepNesting() throws {
        let depth = 100_000
        let text = Self.header + "<register xmlns=\"urn:registre:1\" version=\"1.0\">"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</register>"
        _ = try refusal(text)
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() throws {
        var bytes = Array(Self.register(Self.organisation).utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "C")))
        bytes[index] = 0xFF
        let error = try refusal(bytes: bytes)
        #expect(error.diagnostics.first?.line == 3)
    }

    @Test("a truncated file is refused")
    func truncated() throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: Repository.suiteTerritoriale))
        _ = try refusal(bytes: Array(full.prefix(full.count / 2)))
    }

    @Test("an empty file is refused")
    func empty() throws {
        #expect(try refusal(bytes: []).description == "hostile.xml: is empty")
    }

    @Test("colliding ids are refused, naming the second one's line")
    func collidingIDs() throws {
        let error = try refusal(Self.register(Self.organisation + "\n" + #"<organisation id="c"><name>Autre</name></organisation>"#))
        #expect(error.diagnostics.first?.line == 4)
        #expect(error.description == "hostile.xml:4: id 'c' is already used at line 3: every id must be unique in the register")
    }

    @Test("a reference to an organisation that is not there is refused")
    func danglingReference() throws {
        let error = try refusal(Self.register(#"<activity id="a" status="active"><name>A</name><controller ref="ghost"/></activity>"#))
        #expect(error.description == "hostile.xml:3: reference 'ghost' names no organisation declared before it in the register")
    }

    @Test("a member may be declared after its mutualisation structure, but must be declared")
    func members() throws {
        let later = Self.register(#"<organisation id="cdg"><name>CDG</name><member ref="commune"/></organisation><organisation id="commune"><name>Commune</name></organisation>"#)
        #expect(try RegisterReader.read(bytes: Array(later.utf8)).organisations.count == 2)
        let missing = try refusal(Self.register(#"<organisation id="cdg"><name>CDG</name><member ref="commune"/></organisation>"#))
        #expect(missing.description.contains("reference 'commune' names no organisation"))
    }

    @Test("an activity may follow a model declared after it, but only a model")
    func followedModels() throws {
        let model = #"<activity id="m" status="active" model="true"><name>M</name><controller ref="cdg"/></activity>"#
        let follower = #"<activity id="f" status="active"><name>M</name><controller ref="cdg"/><follows ref="m"><own>retention</own></follows></activity>"#
        let organisation = #"<organisation id="cdg"><name>CDG</name></organisation>"#
        let register = try RegisterReader.read(bytes: Array(Self.register(organisation + follower + model).utf8))
        #expect(register.activities.first?.modelRole == .follows(ModelLink(model: "m", ownItems: [.retention])))
        #expect(register.activities.last?.isModel == true)
        let notAModel = try refusal(Self.register(organisation + follower + model.replacingOccurrences(of: #" model="true""#, with: "")))
        #expect(notAModel.description.contains("reference 'm' names no model"))
        let missing = try refusal(Self.register(organisation + follower))
        #expect(missing.description.contains("reference 'm' names no model"))
    }

    @Test("xmllint and registre agree on identity: the XSD keeps its constraints", arguments: [
        #"<organisation id="c"><name>A</name></organisation><organisation id="c"><name>B</name></organisation>"#,
        #"<activity id="a" status="active"><name>A</name><controller ref="ghost"/></activity>"#,
    ])
    func xmllintAgreesOnIdentity(body: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.register(body), to: "identity.xml")
        #expect(try CommandRunner.xmllintValidates(path).status != 0)
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(file: path) }
    }

    @Test("a SIRET with a wrong key is refused, naming the line and the field")
    func wrongSIRET() throws {
        let error = try refusal(Self.register(#"<organisation id="c"><name>ANCT</name><identifier scheme="SIRET">13002603200017</identifier></organisation>"#))
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].line == 3)
        #expect(error.description.contains("organisation 'c', field identifier"))
        #expect(error.description.contains("13002603200017"))
    }

    @Test("dates that do not exist are refused", arguments: ["2026-02-30", "2026-02-29", "2026-13-01", "2026-04-31"])
    func impossibleDates(_ date: String) throws {
        let error = try refusal(Self.register(Self.organisation + #"<activity id="a" status="active"><name>A</name><created>\#(date)</created><controller ref="c"/></activity>"#))
        #expect(error.description.contains(date))
    }

    @Test("a document in another namespace is refused")
    func foreignNamespace() throws {
        _ = try refusal("\(Self.header)<register xmlns=\"urn:other\" version=\"1.0\"/>")
    }

    @Test("a findings report is not a register")
    func findingsIsNotARegister() throws {
        let bytes = try FindingsWriter.bytes(of: [], source: nil)
        let error = try refusal(bytes: bytes)
        #expect(error.description.contains("expected a <register> document"))
    }

    @Test("a file that does not exist is refused naming it")
    func missingFile() throws {
        do {
            _ = try RegisterReader.read(file: "/nonexistent/registre.xml")
            Issue.record("read a file that does not exist")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/registre.xml: cannot open"))
        }
    }

    @Test("a directory is refused naming it")
    func directory() throws {
        let scratch = try ScratchDirectory()
        do {
            _ = try RegisterReader.read(file: scratch.url.path())
            Issue.record("read a directory")
        } catch {
            #expect(error.description.contains("is a directory"))
        }
    }

    @Test("line numbers past 65535 are exact")
    func bigLines() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let text = Self.header + "<register xmlns=\"urn:registre:1\" version=\"1.0\">" + padding + "<bogus/></register>"
        let error = try refusal(text)
        #expect(error.diagnostics.first?.line == 70_001)
    }
}

/// The counts and facts of a breach in the XML: what the schema and the reader accept, and refuse.
@Suite("Breach facts in the XML")
struct BreachFactsXMLTests {
    static func breach(_ inside: String) -> String {
        HostileInputTests.register("""
        \(HostileInputTests.organisation)
        <breach id="b" controller="c"><title>Vol</title><aware>2026-03-27T16:30:00+01:00</aware><nature>confidentiality</nature>\(inside)</breach>
        """)
    }

    @Test("a negative count is refused at its line, never read as a number", arguments: [
        "<approximate-subjects>-5</approximate-subjects>", #"<approximate-records precision="about">-3</approximate-records>"#,
    ])
    func negative(_ element: String) throws {
        #expect(throws: RegisterReadError.self) { try RegisterReader.read(bytes: Array(Self.breach(element).utf8), name: "b.xml") }
    }

    @Test("approximate, range and unknown counts read", arguments: [
        (#"<approximate-subjects precision="about">120</approximate-subjects>"#, "about 120"),
        (#"<approximate-subjects precision="range" up-to="50">30</approximate-subjects>"#, "30-50"),
        (#"<approximate-subjects precision="unknown"/>"#, "unknown"),
        ("<approximate-subjects>7</approximate-subjects>", "7"),
    ])
    func counts(_ element: String, expected: String) throws {
        let register = try RegisterReader.read(bytes: Array(Self.breach(element).utf8), name: "b.xml")
        #expect(register.breaches.first?.subjects?.description == expected)
    }

    @Test("a range without its upper bound is refused")
    func rangeWithoutUpperBound() throws {
        #expect(throws: RegisterReadError.self) {
            try RegisterReader.read(bytes: Array(Self.breach(#"<approximate-subjects precision="range">30</approximate-subjects>"#).utf8), name: "b.xml")
        }
    }

    @Test("every fact reads back; an empty list is 'none found', an absent one 'not recorded'")
    func facts() throws {
        let text = Self.breach("""
        <encryption strength="state-of-the-art" key-compromised="false"/>
        <restoration backup="true" hours-to-restore="6" data-lost="false"/>
        <exfiltration finding="excluded">Journaux du pare-feu</exfiltration>
        <disclosure trust="intentions-unknown">Un ancien agent</disclosure>
        <vulnerable-groups><group>children</group></vulnerable-groups>
        <special-categories/>
        <criminal-offence-data>false</criminal-offence-data>
        """)
        let breach = try #require(try RegisterReader.read(bytes: Array(text.utf8), name: "b.xml").breaches.first)
        #expect(breach.encryption == Encryption(.stateOfTheArt, keyCompromised: false))
        #expect(breach.restoration == Restoration(backupAvailable: true, hoursToRestore: 6, dataLost: false))
        #expect(breach.exfiltration == Exfiltration(.excluded, evidence: "Journaux du pare-feu"))
        #expect(breach.disclosure == Disclosure(.intentionsUnknown, recipients: "Un ancien agent"))
        #expect(breach.vulnerableGroups == [.children])
        #expect(breach.specialCategories == [])
        #expect(breach.criminalOffenceData == false)
        #expect(breach.observedConsequences == nil)
    }
}
