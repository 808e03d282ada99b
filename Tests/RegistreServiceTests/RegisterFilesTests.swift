import Foundation
import RegistreCore
import RegistreDocuments
import RegistreService
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Register files read once, for the command line's import and the desk's upload")
struct RegisterFilesTests {
    static let sample = Repository.path("Registers/suite-territoriale-cdg48.xml")
    static let cnilModel = Repository.path("Tests/RegistreDocumentsTests/Fixtures/registre-traitement-simplifie.ods")
    /// The CNIL's model filled by hand, as a commune's DPO would.
    static let commune = Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods")

    @Test("registre's XML is streamed as its reader reads it, with no notes")
    func xml() throws {
        let opened = try RegisterFiles.open(file: Self.sample)
        var register = Register()
        try opened.entries.forEach { register.append($0) }
        #expect(register == (try RegisterReader.read(file: Self.sample)))
        #expect(opened.notes.isEmpty)
    }

    @Test("a spreadsheet in the CNIL's model is told apart by its content, not its name, and read by the CNIL model's reader")
    func spreadsheet() throws {
        let scratch = try ScratchDirectory()
        // Renamed: the content decides.
        let renamed = scratch.path("registre.xml")
        try FileManager.default.copyItem(atPath: Self.commune, toPath: renamed)
        let read = try RegisterFiles.read(file: renamed)
        let expected = try CNILModelReader.read(file: Self.commune)
        #expect(read.register == expected.register)
        #expect(read.notes.map(\.message) == expected.notes.map(\.message))
        #expect(!read.register.activities.isEmpty)
    }

    @Test("the model's own example sheet is skipped unless asked for (--keep-example)")
    func example() throws {
        #expect(try RegisterFiles.read(file: Self.cnilModel).register.activities.isEmpty)
        #expect(try !RegisterFiles.read(file: Self.cnilModel, keepExample: true).register.activities.isEmpty)
        #expect(try RegisterFiles.open(file: Self.cnilModel, keepExample: true).notes == CNILModelReader.read(file: Self.cnilModel, keepExample: true).notes)
    }

    @Test("a CSV file is read by Madis's reader only when asked, and by registre's XML reader otherwise")
    func madisOnlyWhenAsked() throws {
        let scratch = try ScratchDirectory()
        let file = scratch.path("export.csv")
        try Data("Nom;Finalités\n".utf8).write(to: URL(fileURLWithPath: file))
        func refusal(_ read: () throws -> Void) -> [String] {
            do {
                try read()
                return []
            } catch let error as RegisterReadError {
                return error.diagnostics.map(\.message)
            } catch {
                return ["\(error)"]
            }
        }
        let asMadis = refusal { _ = try RegisterFiles.read(file: file, from: .madis) }
        #expect(!asMadis.isEmpty)
        #expect(asMadis == refusal { _ = try MadisReader.read(file: file) }, "Madis's reader, as the command line's --from madis")
        #expect(refusal { _ = try RegisterFiles.read(file: file) } != asMadis, "without --from madis: registre's XML reader")
    }
}
