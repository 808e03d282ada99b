import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreTestTags
import RegistreXML
import Testing

@Suite("registre import, export --db, history, verify, backup")
struct StoreCommandTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments) }

    @Test("import, then export and check from the database, give what the file gives")
    func sameOutput() throws {
        let imported = try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-09-21T10:00:00Z")
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("23 modification(s)"))
        for format in ["xml", "text"] {
            let fromFile = try registre("export", Repository.suiteTerritoriale, "--format", format)
            let fromDB = try registre("export", "--db", db, "--format", format)
            #expect(fromDB.status == 0)
            #expect(fromDB.standardOutput == fromFile.standardOutput)
        }
        let check = try registre("check", "--db", db, "--lang", "en")
        let checkFile = try registre("check", Repository.suiteTerritoriale, "--lang", "en")
        #expect(check.status == 0)
        #expect(check.standardOutput == checkFile.standardOutput.replacingOccurrences(of: Repository.suiteTerritoriale, with: db))
        let again = try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-09-22T10:00:00Z")
        #expect(again.standardOutput.contains("aucune modification"))
    }

    @Test("the database is found through REGISTRE_DB, and defaults to ./registre.sqlite")
    func location() throws {
        let elsewhere = scratch.path("ailleurs.sqlite")
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRE_DB"] = elsewhere
        let imported = try CommandRunner.run(CommandRunner.registre, ["import", Repository.incubator], currentDirectory: scratch.url.path(), environment: environment)
        #expect(imported.status == 0)
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(!FileManager.default.fileExists(atPath: db))
        try registre("import", Repository.incubator)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test("an invalid file is not imported and the database is not created")
    func invalidImport() throws {
        let broken = try scratch.write("<register", to: "broken.xml")
        let result = try registre("import", broken, "--db", db)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("a file found invalid only at its end is not imported: the database is left as it was")
    func invalidAtTheEnd() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let before = try registre("history", "--db", db, "--format", "xml").standardOutput
        // A reference to an unknown organisation in the last entry: the schema says so only at the end.
        let text = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
            .replacingOccurrences(of: #"requester="cdg48" auditee="anct""#, with: #"requester="cdg48" auditee="inconnu""#)
            .replacingOccurrences(of: "<email>contact@cdg48.fr</email>", with: "<email>accueil@cdg48.fr</email>")
        let path = try scratch.write(text, to: "late-error.xml")
        let result = try registre("import", path, "--db", db)
        #expect(result.status == 2)
        #expect(result.standardError.contains("inconnu"))
        #expect(try registre("history", "--db", db, "--format", "xml").standardOutput == before)
        #expect(try registre("export", "--db", db, "--format", "xml").standardOutput.contains("contact@cdg48.fr"))
    }

    @Test("reading a database that does not exist exits 2 and creates nothing")
    func missingDatabase() throws {
        let result = try registre("export", "--db", db, "--format", "text", "--lang", "en")
        #expect(result.status == 2)
        #expect(result.standardError.contains("no register database"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("--as-of gives back the earlier register, byte for byte")
    func asOf() throws {
        try session.registre(["import", Repository.suiteTerritoriale, "--db", db], journalTime: "2026-09-21T10:00:00+02:00")
        let before = try registre("export", "--db", db, "--format", "xml")
        let changed = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
            .replacingOccurrences(of: "<email>mairie@mende.fr</email>", with: "<email>accueil@mende.fr</email>")
        let path = try scratch.write(changed, to: "changed.xml")
        let update = try session.registre(["import", path, "--db", db, "--actor", "secrétariat"], journalTime: "2026-10-01T09:00:00+02:00")
        #expect(update.standardOutput.contains("1 modification(s)"))
        let past = try registre("export", "--db", db, "--format", "xml", "--as-of", "2026-09-30")
        #expect(past.status == 0)
        #expect(past.standardOutput == before.standardOutput)
        let now = try registre("export", "--db", db, "--format", "xml")
        #expect(now.standardOutput.contains("accueil@mende.fr"))
        let history = try registre("history", "mende", "--db", db, "--lang", "en")
        #expect(history.standardOutput.contains("secrétariat"))
        #expect(history.standardOutput.contains("E-mail: mairie@mende.fr → accueil@mende.fr"))
        let xml = try registre("history", "--db", db, "--format", "xml")
        let historyFile = try scratch.write(xml.standardOutput, to: "history.xml")
        #expect(try CommandRunner.xmllintValidates(historyFile).status == 0)
    }

    @Test("editing a row with the sqlite3 shell makes verify exit 1 and name it")
    func verifyTampering() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        #expect(try registre("verify", "--db", db).status == 0)
        let edit = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, #"UPDATE field SET value = '"Commune de Mande"' WHERE id = 'mende' AND name = 'name';"#])
        #expect(edit.status == 0, "\(edit.standardError)")
        let result = try registre("verify", "--db", db, "--lang", "en")
        #expect(result.status == 1)
        #expect(result.standardError.contains("organisation:mende name"))
    }

    @Test("deleting a journal entry with the sqlite3 shell makes verify exit 1 and name it")
    func verifyDeletedEntry() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let edit = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE sequence = 4;"])
        #expect(edit.status == 0, "\(edit.standardError)")
        let result = try registre("verify", "--db", db, "--lang", "en")
        #expect(result.status == 1)
        #expect(result.standardError.contains("journal entry 4 is missing"))
    }

    @Test("a backup passes verify and is private")
    func backup() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let copy = scratch.path("copie.sqlite")
        #expect(try registre("backup", copy, "--db", db).status == 0)
        #expect(try registre("verify", "--db", copy).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int) == 0o600)
    }

    @Test("two imports started at the same moment both complete; nothing is lost or doubled", .tags(.slow), .skippedInQuickRuns)
    func concurrentImports() throws {
        let base = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let first = try scratch.write(String(decoding: try RegisterWriter.bytes(of: LargeRegister.make(from: base, activities: 400)), as: UTF8.self), to: "a.xml")
        let second = try scratch.write(String(decoding: try RegisterWriter.bytes(of: LargeRegister.make(from: base, activities: 400, variant: " v2")), as: UTF8.self), to: "b.xml")
        let processes = [first, second].map { file -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.registre)
            process.arguments = ["import", file, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try registre("verify", "--db", db).status == 0)
        // Whichever ran last, the database is that file's register, whole.
        let stored = try registre("export", "--db", db, "--format", "xml").standardOutput
        let candidates = try [first, second].map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(candidates.contains(stored))
    }
}
