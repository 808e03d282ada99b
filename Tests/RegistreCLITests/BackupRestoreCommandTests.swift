import Foundation
import RegistreTestSupport
import Testing

@Suite("registre backup --to --keep and registre restore: dated copies rotated, a tampered copy refused with nothing replaced")
struct BackupRestoreCommandTests {
    let session: CommandSession
    var db: String { session.db }
    var folder: String { session.scratch.path("copies") }

    init() throws {
        session = try CommandSession()
        try FileManager.default.createDirectory(atPath: session.scratch.path("copies"), withIntermediateDirectories: true)
    }

    func registre(_ arguments: String..., at time: String = "2026-12-07T02:00:00Z") throws -> CommandResult {
        try session.registre(arguments, journalTime: time)
    }

    @Test("three dated copies with --keep 2 leave the two newest; each passes verify")
    func rotation() throws {
        #expect(try registre("import", Repository.suiteTerritoriale, "--db", db).status == 0)
        for hour in ["02", "03", "04"] {
            let made = try registre("backup", "--to", folder, "--keep", "2", "--db", db, at: "2026-12-07T\(hour):00:00Z")
            #expect(made.status == 0, "\(made.standardError)")
        }
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(copies == ["registre-20261207T030000Z.sqlite", "registre-20261207T040000Z.sqlite"])
        #expect(try registre("verify", "--db", folder + "/" + copies[0]).status == 0)
    }

    @Test("backup takes a destination or --to, and --keep only with --to", arguments: [
        [String](), ["a.sqlite", "--to", "copies"], ["a.sqlite", "--keep", "2"], ["--to", "copies", "--keep", "0"],
    ])
    func usage(_ arguments: [String]) throws {
        #expect(try session.registre(["backup"] + arguments + ["--db", db]).status == 64)
    }

    @Test("restore puts back the copy; a tampered copy is refused (1) and the database is left as it was")
    func restore() throws {
        #expect(try registre("import", Repository.suiteTerritoriale, "--db", db).status == 0)
        let copy = try registre("backup", "--to", folder, "--db", db).standardOutput.trimmingCharacters(in: .newlines)
        let before = try registre("export", "--db", db).standardOutput
        // The copy tampered with: a name changed in every place the file holds it (fields, journal, kept XML).
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let name = Data("Commune de Mende".utf8), forged = Data("Commune de Menda".utf8)
        while let range = bytes.range(of: name) { bytes.replaceSubrange(range, with: forged) }
        let tampered = session.scratch.path("tampered.sqlite")
        try bytes.write(to: URL(fileURLWithPath: tampered))
        let refused = try registre("restore", tampered, "--db", db, "--lang", "en")
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.contains("tampered with") && refused.standardError.contains("nothing was replaced"))
        #expect(try registre("export", "--db", db).standardOutput == before)
        #expect(try registre("verify", "--db", db).status == 0)
        let restored = try registre("restore", copy, "--db", db, "--lang", "en")
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(restored.standardOutput.contains("restored from"))
        #expect(try registre("export", "--db", db).standardOutput == before)
    }
}
