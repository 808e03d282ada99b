import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

@Suite("One organisation's register, streamed")
struct RestrictedExportTests {
    @Test("export --controller streams exactly what restricted(to:) gives, from a file and from the database",
          .tags(.slow), .skippedInQuickRuns, arguments: [Repository.suiteTerritoriale, Repository.incubator])
    func sameAsInMemory(file: String) throws {
        let session = try CommandSession()
        #expect(try session.registre(["import", file, "--db", session.db]).status == 0)
        let register = try RegisterReader.read(file: file)
        for organisation in register.organisations {
            let expected = String(decoding: try RegisterWriter.bytes(of: register.restricted(to: organisation.id)), as: UTF8.self)
            let fromFile = try session.registre(["export", file, "--format", "xml", "--controller", organisation.id])
            let fromDatabase = try session.registre(["export", "--db", session.db, "--format", "xml", "--controller", organisation.id])
            #expect(fromFile.standardOutput == expected, "\(organisation.id) from the file")
            #expect(fromDatabase.standardOutput == expected, "\(organisation.id) from the database")
        }
        let unknown = try session.registre(["export", file, "--format", "xml", "--controller", "inconnu"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("inconnu"))
    }
}

@Suite("The printed register from the database")
struct PrintedRegisterStreamTests {
    @Test("export --format text from the database, written piece by piece, equals the text of the file, in both languages",
          arguments: [Repository.suiteTerritoriale, Repository.incubator])
    func sameAsFile(file: String) throws {
        let session = try CommandSession()
        #expect(try session.registre(["import", file, "--db", session.db]).status == 0)
        for language in ["fr", "en"] {
            let fromFile = try session.registre(["export", file, "--format", "text", "--lang", language])
            let fromDatabase = try session.registre(["export", "--db", session.db, "--format", "text", "--lang", language])
            #expect(fromDatabase.status == 0)
            #expect(fromDatabase.standardOutput == fromFile.standardOutput)
        }
    }
}
