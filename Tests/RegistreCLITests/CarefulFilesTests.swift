import Foundation
import RegistreTestSupport
import Testing

/// Files and databases handled as a careful tool does: what `-o` and `backup` do to what is already at
/// their path, write errors, read-only databases, foreign files, seals.
@Suite("Output files, write errors, read-only opening, seals")
struct CarefulFilesTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments) }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    /// Runs `registre` with standard output going to `output`, standard error captured.
    func run(_ arguments: [String], standardOutput output: FileHandle) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.registre)
        process.arguments = arguments
        process.currentDirectoryURL = scratch.url
        let errorPath = scratch.path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        try error.close()
        return (process.terminationStatus, try String(contentsOfFile: errorPath, encoding: .utf8))
    }

    // MARK: -o and backup

    @Test("a new export is readable by its owner only")
    func newFileIsPrivate() throws {
        let output = scratch.path("export.xml")
        #expect(try registre("export", Repository.suiteTerritoriale, "--format", "xml", "-o", output).status == 0)
        #expect(try mode(output) == 0o600)
        let text = scratch.path("export.txt")
        #expect(try registre("export", Repository.suiteTerritoriale, "--format", "text", "-o", text).status == 0)
        #expect(try mode(text) == 0o600)
    }

    @Test("-o over an existing file keeps its mode, and through a link replaces the file, not the link")
    func existingFileKeepsMode() throws {
        for format in ["xml", "text"] {
            let output = try scratch.write("ancien", to: "export-\(format)")
            chmod(output, 0o640)
            let link = scratch.path("lien-\(format)")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: output)
            #expect(try registre("export", Repository.suiteTerritoriale, "--format", format, "-o", link).status == 0)
            #expect(try mode(output) == 0o640)
            #expect(try type(link) == .typeSymbolicLink)
            #expect(try String(contentsOfFile: output, encoding: .utf8).count > 100)
        }
    }

    @Test("-o over an existing file keeps its owner and group", .enabled(if: geteuid() == 0, "only root can give a file away"))
    func existingFileKeepsOwner() throws {
        let output = try scratch.write("ancien", to: "export.xml")
        #expect(chown(output, 65534, 65534) == 0)
        #expect(try registre("export", Repository.suiteTerritoriale, "--format", "xml", "-o", output).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect(attributes[.ownerAccountID] as? Int == 65534)
        #expect(attributes[.groupOwnerAccountID] as? Int == 65534)
        #expect(try String(contentsOfFile: output, encoding: .utf8).count > 100)
    }

    @Test("-o onto a character device writes into it and leaves it a device")
    func characterDevice() throws {
        for format in ["xml", "text"] {
            let result = try registre("export", Repository.suiteTerritoriale, "--format", format, "-o", "/dev/null")
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try type("/dev/null") == .typeCharacterSpecial)
        }
    }

    @Test("-o onto a link to /proc/self/fd/1 writes to standard output and leaves the link")
    func linkToStandardOutput() throws {
        let link = scratch.path("sortie")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let result = try registre("export", Repository.suiteTerritoriale, "--format", "xml", "-o", link)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)))
        #expect(try type(link) == .typeSymbolicLink)
    }

    @Test("-o onto a FIFO writes into it and leaves it a FIFO")
    func fifo() throws {
        let fifo = scratch.path("tube")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = scratch.path("reçu")
        _ = FileManager.default.createFile(atPath: received, contents: nil)
        let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: received))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["cat", fifo]
        reader.standardOutput = sink
        try reader.run()
        let result = try registre("export", Repository.suiteTerritoriale, "--format", "xml", "-o", fifo)
        // A FIFO replaced by a regular file would leave the reader waiting for ever: stop it then.
        let deadline = Date().addingTimeInterval(10)
        while reader.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if reader.isRunning { reader.terminate() }
        reader.waitUntilExit()
        try sink.close()
        #expect(result.status == 0, "\(result.standardError)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try Data(contentsOf: URL(fileURLWithPath: received)) == Data(contentsOf: URL(fileURLWithPath: Repository.suiteTerritoriale)))
    }

    @Test("-o onto a directory or a link to nothing is refused with one line")
    func refusedTargets() throws {
        let directory = scratch.path("dossier")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let dangling = scratch.path("vers-rien")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: scratch.path("rien"))
        for target in [directory, dangling] {
            let result = try registre("export", Repository.suiteTerritoriale, "--format", "xml", "-o", target, "--lang", "en")
            #expect(result.status == 2)
            #expect(result.standardError.hasPrefix("\(target): cannot write: "))
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
        #expect(try type(dangling) == .typeSymbolicLink)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("rien")))
    }

    @Test("backup refuses a device and keeps an existing copy's mode; a new copy is private")
    func backupTargets() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let refused = try registre("backup", "/dev/null", "--db", db, "--lang", "en")
        #expect(refused.status == 2)
        #expect(refused.standardError == "/dev/null: cannot write: it is not a regular file\n")
        #expect(try type("/dev/null") == .typeCharacterSpecial)
        let existing = try scratch.write("ancienne copie", to: "copie.sqlite")
        chmod(existing, 0o640)
        #expect(try registre("backup", existing, "--db", db).status == 0)
        #expect(try mode(existing) == 0o640)
        #expect(try registre("verify", "--db", existing).status == 0)
        let fresh = scratch.path("neuve.sqlite")
        #expect(try registre("backup", fresh, "--db", db).status == 0)
        #expect(try mode(fresh) == 0o600)
    }

    // MARK: Write errors

    @Test("a full disk on -o or on standard output exits 2 with one line, no trap", arguments: ["xml", "text"])
    func fullDisk(format: String) throws {
        let toFile = try registre("export", Repository.suiteTerritoriale, "--format", format, "-o", "/dev/full", "--lang", "en")
        #expect(toFile.status == 2)
        #expect(toFile.standardError == "/dev/full: cannot write: No space left on device\n")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let toOutput = try run(["export", Repository.suiteTerritoriale, "--format", format, "--lang", "en"], standardOutput: full)
        #expect(toOutput.status == 2)
        #expect(toOutput.error == "standard output: cannot write: No space left on device\n")
        let check = try run(["check", Repository.suiteTerritoriale, "--lang", "en"], standardOutput: full)
        #expect(check.status == 2)
        #expect(check.error == "standard output: cannot write: No space left on device\n")
    }

    @Test("a closed pipe exits 2 quietly, no trap", arguments: ["xml", "text"])
    func closedPipe(format: String) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try run(["export", Repository.suiteTerritoriale, "--format", format], standardOutput: pipe.fileHandleForWriting)
        #expect(result.status == 2)
        #expect(result.error == "")
    }

    // MARK: Opening databases

    /// How to run `registre` as someone who cannot write: root ignores permissions, so root runs it as
    /// nobody (when nobody can reach the binary).
    static let unprivileged: [String]? = {
        guard geteuid() == 0 else { return [CommandRunner.registre] }
        let runner = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.registre]
        let probe = try? CommandRunner.run("/usr/bin/env", runner + ["--version"], currentDirectory: "/")
        return probe?.status == 0 ? runner : nil
    }()

    @Test("read commands work on a read-only file in a read-only directory", .enabled(if: unprivileged != nil))
    func readOnlyDirectory() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let runner = try #require(Self.unprivileged)
        chmod(db, 0o444)
        chmod(scratch.url.path(), 0o555)
        defer { chmod(scratch.url.path(), 0o755) }
        for arguments in [["verify"], ["export", "--format", "xml"], ["history"], ["check"], ["deadlines"], ["breach", "list"]] {
            let result = try CommandRunner.run("/usr/bin/env", runner + arguments + ["--db", db], currentDirectory: "/")
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path()) == ["registre.sqlite"])
    }

    @Test("another application's SQLite file is refused by every command and left as it was")
    func foreignDatabase() throws {
        let other = scratch.path("autre.sqlite")
        let made = try CommandRunner.run("/usr/bin/env", ["sqlite3", other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');"])
        #expect(made.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        for arguments in [["verify"], ["export", "--format", "xml"], ["history"], ["check"], ["import", Repository.incubator]] {
            let result = try session.registre(arguments + ["--db", other, "--lang", "en"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError == "\(other): not a registre database (an SQLite file without registre's tables); left untouched\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    }

    @Test("a text file given as database is refused")
    func textDatabase() throws {
        let text = try scratch.write(String(repeating: "pas une base\n", count: 100), to: "notes.txt")
        let result = try registre("verify", "--db", text, "--lang", "en")
        #expect(result.status == 2)
        #expect(result.standardError == "\(text): not a registre database (not an SQLite file); left untouched\n")
    }

    @Test("a database from a newer registre is refused")
    func newerDatabase() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        _ = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, "INSERT INTO grdb_migrations VALUES ('v99: future');"])
        for arguments in [["verify"], ["export", "--format", "xml"], ["import", Repository.incubator]] {
            let result = try session.registre(arguments + ["--db", db, "--lang", "en"])
            #expect(result.status == 2)
            #expect(result.standardError.contains("made by a newer version of registre"))
        }
    }

    @Test("read commands leave a database in its journal mode")
    func readsDoNotConvert() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        _ = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, "PRAGMA journal_mode = DELETE;"])
        for arguments in [["verify"], ["export", "--format", "xml"], ["history"], ["check"], ["deadlines"], ["breach", "list"]] {
            let result = try session.registre(arguments + ["--db", db])
            #expect(result.status != 2, "\(arguments): \(result.standardError)")
        }
        let mode = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, "PRAGMA journal_mode;"])
        #expect(mode.standardOutput == "delete\n")
    }

    @Test("--busy-timeout accepts seconds and refuses nonsense")
    func busyTimeoutOption() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        #expect(try registre("verify", "--db", db, "--busy-timeout", "1").status == 0)
        #expect(try registre("verify", "--db", db, "--busy-timeout", "-1").status == 64)
    }

    @Test("a read waits --busy-timeout for another program holding the database, then says so")
    func busyRead() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        // Another program (the sqlite3 shell) holds the database in rollback mode, where a writer's
        // exclusive lock keeps readers out, and keeps holding it until its standard input closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        try input.fileHandleForWriting.write(contentsOf: Data("""
            PRAGMA journal_mode = DELETE;
            BEGIN EXCLUSIVE;
            UPDATE entity SET position = position;

            """.utf8))
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Its rollback journal appears once it holds the lock and writes.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: db + "-journal") && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: db + "-journal"))
        let started = Date()
        let result = try registre("export", "--db", db, "--format", "xml", "--busy-timeout", "1", "--lang", "en")
        #expect(result.status == 75)
        #expect(result.standardError == "\(db): database busy: another command has held it for 1 s\n")
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }

    // MARK: verify and seal

    @Test("verify prints the head; seal and verify --seal prove the journal extends the seal")
    func sealRoundTrip() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-09-21T10:00:00Z")
        let key = scratch.path("cle")
        let made = try registre("seal", "--new-key", key)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(try mode(key) == 0o600)
        #expect(FileManager.default.fileExists(atPath: key + ".pub"))
        #expect(try registre("seal", "--new-key", key).status == 2)  // never over an existing key
        let seal = scratch.path("sceau")
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRE_TEST_JOURNAL_CLOCK"] = "2026-09-21T11:00:00Z"
        let sealed = try CommandRunner.run(CommandRunner.registre, ["seal", "--key", key, "-o", seal, "--db", db],
                                           currentDirectory: scratch.url.path(), environment: environment)
        #expect(sealed.status == 0, "\(sealed.standardError)")
        #expect(try mode(seal) == 0o600)
        #expect(try String(contentsOfFile: seal, encoding: .utf8).hasPrefix("registre-seal-1\n"))
        try registre("import", Repository.incubator, "--db", db, "--now", "2026-09-22T10:00:00Z")
        let verified = try registre("verify", "--db", db, "--seal", seal, "--public-key", key + ".pub", "--lang", "en")
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(verified.standardOutput.contains("\nhead: entry "))
        #expect(verified.standardOutput.contains("seal: the journal extends entry 23 sealed at 2026-09-21T11:00:00.000Z by the given key"))
        // Another key's public key: refused.
        let other = scratch.path("autre-cle")
        try registre("seal", "--new-key", other)
        let wrongKey = try registre("verify", "--db", db, "--seal", seal, "--public-key", other + ".pub", "--lang", "en")
        #expect(wrongKey.status == 1)
        #expect(wrongKey.standardError.contains("the seal was not signed by the given public key"))
        // A seal edited by hand: refused.
        let text = try String(contentsOfFile: seal, encoding: .utf8)
        let edited = try scratch.write(text.replacingOccurrences(of: "sequence: 23", with: "sequence: 22"), to: "sceau-modifié")
        let tampered = try registre("verify", "--db", db, "--seal", edited, "--lang", "en")
        #expect(tampered.status == 1)
        #expect(tampered.standardError.contains("the seal has been altered"))
    }

    @Test("seal refuses a database that does not verify, and a file that is not a key")
    func sealRefusals() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db)
        let notAKey = try scratch.write("bonjour\n", to: "pas-une-cle")
        #expect(try registre("seal", "--key", notAKey, "--db", db).status == 2)
        let key = scratch.path("cle")
        try registre("seal", "--new-key", key)
        _ = try CommandRunner.run("/usr/bin/env", ["sqlite3", db, #"UPDATE field SET value = '"Commune de Mande"' WHERE id = 'mende' AND name = 'name';"#])
        let refused = try registre("seal", "--key", key, "--db", db, "--lang", "en")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("nothing sealed"))
        #expect(refused.standardOutput.isEmpty)
    }

    @Test("verify --help says what verify proves with and without a seal")
    func verifyHelp() throws {
        let help = try registre("verify", "--help").standardOutput.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(help.contains("Without --seal this proves internal consistency only"))
        #expect(help.contains("nothing up to the seal was changed since it was made, by anyone without the private key"))
        #expect(!help.contains("Prove that nobody changed"))
    }
}
