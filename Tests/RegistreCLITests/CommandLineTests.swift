import Foundation
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing
@testable import registre

/// The command line in process: what ArgumentParser makes of arguments, the help of every command, and
/// how each failure ends (its status and its message in each language).
@Suite("The command line, in process")
struct CommandLineTests {
    // MARK: Usage errors

    @Test("a bad date, day, duration or --data is a usage error (64) naming the option, with the subcommand's usage",
          arguments: [
              (["deadlines", "--within", "soon"], "--within <duration>"),
              (["deadlines", "--now", "demain"], "--now <datetime>"),
              (["deadlines", "--now", "9999-12-31"], "--now <datetime>"),
              (["check", "--as-of", "2026-02-30"], "--as-of <date>"),
              (["breach", "open", "--title", "x", "--aware", "hier", "--nature", "integrity"], "--aware <datetime>"),
              (["audit", "request", "--dpa", "d", "--start", "2026-13-01"], "--start <date>"),
              (["campaign", "open", "T", "--structure", "s", "--all", "--due", "bientôt"], "--due <date>"),
              (["change-notice", "outcome", "c", "--dpa", "d", "--outcome", "accepted", "--on", "2026-1-1"], "--on <date>"),
              (["breach", "assess", "b", "--data", "secret", "--identification", "maximum"], "--data <category>"),
          ])
    func usage(arguments: [String], option: String) throws {
        let error = try #require(throws: (any Error).self) { try Registre.parseAsRoot(arguments) }
        #expect(Registre.exitCode(for: error).rawValue == registre.ExitStatus.usage.rawValue)
        #expect(Registre.fullMessage(for: error).contains("is invalid for '\(option)'"), "\(Registre.fullMessage(for: error))")
        #expect(!(error is any CommandFailure), "a usage error is ArgumentParser's, not a run-time failure")
    }

    @Test("the same options with good values parse")
    func goodValues() throws {
        let deadlines = try #require(try Registre.parseAsRoot(["deadlines", "--within", "10wd", "--now", "2026-03-27T16:30+02:00"]) as? DeadlinesCommand)
        #expect(deadlines.within?.period == DeadlinePeriod(shorthand: "10wd"))
        #expect(deadlines.now.explicit == Instant.parse("2026-03-27T14:30:00Z", timeZone: Instant.defaultTimeZone, day: .startOfDay))
        let check = try #require(try Registre.parseAsRoot(["check", "--db", "x.sqlite", "--as-of", "2026-03-27"]) as? CheckCommand)
        #expect(check.input.asOf?.end == Instant.parse("2026-03-27", timeZone: Instant.defaultTimeZone, day: .endOfDay))
        let audit = try #require(try Registre.parseAsRoot(["audit", "request", "--dpa", "d", "--start", "2026-04-30"]) as? AuditCommand.Request)
        #expect(audit.start.day == CalendarDate(iso: "2026-04-30"))
    }

    // MARK: Every command

    @Test("every command that runs has --lang, which also chooses the language of its failure")
    func everyCommandHasLang() {
        for (path, command) in CommandTree.commands where command.configuration.subcommands.isEmpty {
            #expect(command is any LanguageChoosing.Type, "registre \(path.joined(separator: " "))")
        }
    }

    @Test("every option and argument of every command has help")
    func everyOptionHasHelp() throws {
        // ArgumentParser's own description of the tool: every argument with its help ("abstract").
        let dump = try CommandRunner.registre("--experimental-dump-help")
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any])
        var commands = [(["registre"], try #require(tool["command"] as? [String: Any]))]
        var seen = 0
        while let (path, command) = commands.popLast() {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                seen += 1
                #expect(!((argument["abstract"] as? String) ?? "").isEmpty, "\(path.joined(separator: " ")): \(argument["valueName"] ?? "?")")
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                commands.append((path + [sub["commandName"] as? String ?? "?"], sub))
            }
        }
        #expect(seen > 300, "the dump lists the options")
    }

    @Test("each command's --help is pinned (Fixtures/Help)")
    func helpIsPinned() throws {
        for (path, command) in CommandTree.commands {
            let name = (["registre"] + path).joined(separator: "-") + ".txt"
            let help = Registre.helpMessage(for: command, columns: 100) + "\n"
            if let issue = try GoldenFile.issue(for: help, path: Repository.path("Tests/RegistreCLITests/Fixtures/Help/\(name)"), name: "Fixtures/Help/\(name)") {
                Issue.record(Comment(rawValue: issue))
            }
        }
    }

    // MARK: Exit statuses

    @Test("registre --help and the README list every exit status with its meaning")
    func statusesAreListed() throws {
        let help = Registre.helpMessage(for: Registre.self, columns: 1000)
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        for status in registre.ExitStatus.allCases {
            #expect(help.contains("\(status.rawValue) when \(status.meaning)."), "\(status)")
            #expect(readme.contains("| **\(status.rawValue)** |"), "README: \(status)")
        }
    }

    @Test("each failure of the library ends with its class's status")
    func statuses() {
        let expected: [(any CommandFailure, registre.ExitStatus)] = [
        (StoreError.busy(path: "r.sqlite", seconds: 1), registre.ExitStatus.busy),
        (StoreError.idInUse("paie"), .refusedChange),
        (StoreError.stillReferenced(EntityKey(.organisation, "o"), by: EntityKey(.activity, "a")), .refusedChange),
        (StoreError.unknownEntry(EntityKey(.breach, "b")), .unreadableInput),
        (StoreError.cannotWrite(path: "r.sqlite", reason: "database or disk is full"), .unreadableInput),
        (StoreError.noDatabase(path: "r.sqlite"), .unreadableInput),
        (AccountError.exists(login: "a"), .refusedChange),
        (AccountError.unknown(login: "a"), .unreadableInput),
        (RegisterReadError([XMLDiagnostic(file: "r.xml", line: 3, message: "bad")]), .unreadableInput),
        (ModelApplication.Refusal.notAModel("a"), .refusedChange),
        (ProcessorBreachFanOut.Refusal.noAgreement("b"), .refusedChange),
        (Count.Refusal.negative(-5), .unreadableInput),
        (registre.ExitStatus.findingsWithErrors, .findingsWithErrors),
        ]
        for (failure, status) in expected { #expect(failure.exitStatus == status, "\(failure)") }
    }

    @Test("failures are printed in one place: Console.error is called from FailureReport alone")
    func onePlacePrintsFailures() throws {
        let folder = Repository.path("Sources/registre")
        let files = try #require(FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]).filter { $0.hasSuffix(".swift") }
        var callers: [String] = []
        for file in files {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            let calls = text.components(separatedBy: "Console.error(").count - 1
            if calls > 0 { callers.append("\(file) ×\(calls)") }
        }
        #expect(callers == ["Failures/FailureReport.swift ×1"])
    }

    @Test("a failure says itself in the language asked")
    func languages() {
        let missing = StoreError.unknownEntry(EntityKey(.breach, "b-1"))
        #expect(missing.message(in: .fr) == "aucune violation « b-1 » dans le registre")
        #expect(missing.message(in: .en) == "no breach 'b-1' in the register")
        let referenced = StoreError.stillReferenced(EntityKey(.organisation, "o"), by: EntityKey(.activity, "a"))
        #expect(referenced.message(in: .fr) == "impossible de supprimer l'organisation « o » : l'activité de traitement « a » y fait référence")
        let busy = StoreError.busy(path: "r.sqlite", seconds: 1.5)
        #expect(busy.message(in: .fr) == "r.sqlite : base occupée : une autre commande la tient depuis 1.5 s")
        #expect(busy.message(in: .en) == "r.sqlite: database busy: another command has held it for 1.5 s")
    }

    @Test("a reader that went away is told nothing; a full disk one line")
    func writeFailures() {
        #expect(OutputFile.Failure(path: "standard output", errno: EPIPE).message(in: .en).isEmpty)
        #expect(OutputFile.Failure(path: "/dev/full", errno: ENOSPC).message(in: .fr) == "/dev/full : écriture impossible : No space left on device")
        #expect(registre.ExitStatus.findingsWithErrors.message(in: .fr).isEmpty, "findings were printed with the result")
    }

    @Test("French articles and determiners agree with the kind of entry")
    func naming() {
        #expect(EntityKind.organisation.named("o").fr == "l'organisation « o »")
        #expect(EntityKind.breach.named("b").fr == "la violation « b »")
        #expect(EntityKind.agreement.named("d").fr == "l'accord de sous-traitance « d »")
        #expect(EntityKind.matrix.named("m").fr == "la matrice de responsabilités « m »")
        #expect(EntityKind.register.named("register").fr == "le registre « register »")
        #expect(EntityKind.audit.missing("x").fr == "aucun audit « x »")
        #expect(EntityKind.campaign.missing("x").fr == "aucune campagne de revue « x »")
        #expect(EntityKind.activity.missing("x").en == "no processing activity 'x'")
    }
}
