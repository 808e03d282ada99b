import Foundation
import RegistreTestSupport
import Testing

@Suite("registre export")
struct ExportCommandTests {
    @Test("XML export of a sample is the sample itself, and xmllint accepts it", arguments: Repository.sampleRegisters)
    func xmlExport(_ path: String) throws {
        let scratch = try ScratchDirectory()
        let output = scratch.path("export.xml")
        let result = try CommandRunner.registre("export", path, "--format", "xml", "-o", output)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try CommandRunner.xmllintValidates(output).status == 0)
    }

    @Test("--controller keeps that organisation's activities only, and the result is valid")
    func controllerExport() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.path("mende.xml")
        let result = try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "xml", "--controller", "mende", "-o", output)
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#"<activity id="mende-rdv""#))
        #expect(!text.contains(#"id="cdg48-messages""#) && !text.contains("marvejols-visio") && !text.contains("anct-comptes"))
        #expect(text.contains(#"<activity id="cdg48-messages-mende""#) && !text.contains("<follows"), "the member's values, without the link to a model it does not hold")
        #expect(try CommandRunner.xmllintValidates(output).status == 0)
        let check = try CommandRunner.registre("check", output)
        #expect(check.status == 0, "\(check.standardOutput)")
    }

    @Test("--controller on the text register prints that controller only")
    func controllerText() throws {
        let result = try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "text", "--controller", "marvejols", "--lang", "en")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("CONTROLLER: Commune de Marvejols"))
        #expect(!result.standardOutput.contains("CONTROLLER: Centre de gestion"))
        #expect(!result.standardOutput.contains("Reference: cdg48-messages —"))
        #expect(result.standardOutput.contains("Reference: cdg48-messages-marvejols —"))
    }

    @Test("an unknown --controller exits 2 and writes nothing")
    func unknownController() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.path("out.xml")
        let result = try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "xml", "--controller", "paris", "-o", output, "--lang", "en")
        #expect(result.status == 2)
        #expect(result.standardError.contains("no organisation 'paris' (option --controller)"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("an invalid register is not exported, and the previous output is left as it was")
    func invalidInputLeavesOutput() throws {
        let scratch = try ScratchDirectory()
        let output = try scratch.write("previous export", to: "out.txt")
        let input = try scratch.write("<register", to: "broken.xml")
        let result = try CommandRunner.registre("export", input, "--format", "text", "-o", output)
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous export")
    }

    @Test("the text export is the golden register")
    func textExport() throws {
        let result = try CommandRunner.registre("export", Repository.suiteTerritoriale, "--format", "text", "--lang", "fr")
        #expect(result.status == 0)
        let golden = try String(contentsOfFile: Repository.path("Tests/RegistreReportsTests/Golden/suite-territoriale-cdg48.fr.txt"), encoding: .utf8)
        #expect(result.standardOutput == golden)
    }

    @Test("the binary works from another directory, with no access to the repository's files")
    func elsewhere() throws {
        let scratch = try ScratchDirectory()
        let copy = scratch.path("registre")
        try FileManager.default.copyItem(atPath: CommandRunner.registre, toPath: copy)
        let input = scratch.path("register.xml")
        try FileManager.default.copyItem(atPath: Repository.incubator, toPath: input)
        let result = try CommandRunner.run(copy, ["export", "register.xml", "--format", "text"], currentDirectory: scratch.url.path())
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("REGISTRE DES ACTIVITÉS DE TRAITEMENT"))
    }
}
