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

    @Test("export --controller --format text from the database, streamed, equals the file's restricted register, in both languages",
          arguments: [Repository.suiteTerritoriale, Repository.incubator])
    func restrictedSameAsFile(file: String) throws {
        let session = try CommandSession()
        // A joint controller too: an activity then belongs to two organisations' registers, and its
        // controller's block appears in the joint controller's.
        var register = try RegisterReader.read(file: file)
        let joint = try #require(register.organisations.last { $0.id != register.activities[0].controller })
        register.activities[0].jointControllers.append(ProcessingActivity.JointController(organisation: joint.id, arrangement: "Convention du 1er mars"))
        let source = try session.scratch.write(String(decoding: try RegisterWriter.bytes(of: register), as: UTF8.self), to: "register.xml")
        #expect(try session.registre(["import", source, "--db", session.db]).status == 0)
        for organisation in register.organisations {
            for language in ["fr", "en"] {
                let fromFile = try session.registre(["export", source, "--format", "text", "--controller", organisation.id, "--lang", language])
                let fromDatabase = try session.registre(["export", "--db", session.db, "--format", "text", "--controller", organisation.id, "--lang", language])
                #expect(fromDatabase.status == 0, "\(fromDatabase.standardError)")
                #expect(fromDatabase.standardOutput == fromFile.standardOutput, "\(organisation.id), \(language)")
                if organisation.id == joint.id {
                    #expect(fromDatabase.standardOutput.contains(register.activities[0].id), "the activity it controls jointly")
                }
            }
        }
        let unknown = try session.registre(["export", "--db", session.db, "--format", "text", "--controller", "inconnu", "--lang", "en"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no organisation 'inconnu' (option --controller)"))
        #expect(unknown.standardOutput.isEmpty)
    }
}
