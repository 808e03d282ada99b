import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

@Suite("Reading and writing registers")
struct RoundTripTests {
    @Test("each sample is read, and written back to the same bytes", arguments: Repository.sampleRegisters)
    func canonicalSamples(_ path: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let register = try RegisterReader.read(file: path)
        #expect(!register.activities.isEmpty)
        let written = try RegisterWriter.bytes(of: register)
        #expect(written == Array(original), "the export of \(path) differs from the file")
    }

    @Test("import(export(register)) == register for generated registers", .tags(.slow), .skippedInQuickRuns, arguments: 0..<200)
    func property(seed: Int) throws {
        var generator = RegisterGenerator(seed: UInt64(seed))
        let register = generator.register()
        let bytes = try RegisterWriter.bytes(of: register)
        let read = try RegisterReader.read(bytes: bytes, name: "generated-\(seed).xml")
        #expect(read == register)
        // Writing what was read gives the same bytes again: the form is canonical.
        #expect(try RegisterWriter.bytes(of: read) == bytes)
    }

    @Test("xmllint agrees that what registre writes is valid", arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func xmllintAgrees(seed: Int) throws {
        var generator = RegisterGenerator(seed: UInt64(1000 + seed))
        let scratch = try ScratchDirectory()
        let path = scratch.path("generated.xml")
        try Data(try RegisterWriter.bytes(of: generator.register())).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.xmllintValidates(path)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("xmllint accepts every sample register", arguments: Repository.sampleRegisters)
    func xmllintSamples(_ path: String) throws {
        let result = try CommandRunner.xmllintValidates(path)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("the seed-004 sample holds what the contract describes")
    func suiteTerritorialeContent() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let cdg48 = try #require(register.organisation("cdg48"))
        #expect(cdg48.identifiers == [.siren("284800026")])
        #expect(cdg48.members.count >= 2)
        let controllers = Set(register.activities.map(\.controller))
        #expect(controllers.isSuperset(of: ["cdg48", "mende", "marvejols", "anct"]))
        #expect(register.activities.contains { $0.controller == "anct" && $0.name.contains("comptes") })
        #expect(register.processorRecords.allSatisfy { $0.processor == "anct" })
        #expect(register.processorRecords.contains { $0.subProcessors.contains { $0.processor == "hebergeur-secnumcloud" } })
    }

    @Test("findings are written as a valid <findings> document")
    func findingsDocument() throws {
        let findings = RegisterCheck.findings(in: CompleteRegister.with(activity: { $0.purposes = [] }))
        let bytes = try FindingsWriter.bytes(of: findings, source: "registre.xml")
        try RegisterReader.validate(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"code="ART30-1-B-PURPOSES""#))
        #expect(text.contains(#"<message lang="fr">"#) && text.contains(#"<message lang="en">"#))
        #expect(text.contains(#"errors="1""#))
    }

    @Test("the schema compiled into registre is Docs/registre.xsd")
    func embeddedSchemaIsTheReference() throws {
        let reference = try String(contentsOfFile: Repository.schema, encoding: .utf8)
        #expect(Schema.registerSource == reference)
    }
}
