import ArgumentParser
import Foundation

/// `registre`: keeps a GDPR organisation's accountability records honest.
///
/// Exit status, for every command, as the help below and the README's table say: see ``ExitStatus``.
@main
struct Registre: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registre",
        abstract: "Keep, check and export a GDPR record of processing activities (Art. 30).",
        discussion: """
            A register is an XML file in the registre format (Docs/registre.xsd), or the register \
            database (--db). Messages follow --lang (fr or en) like the results.

            """ + "\n" + ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ExportCommand.self, ImportCommand.self, HistoryCommand.self, VerifyCommand.self,
            BackupCommand.self, RestoreCommand.self, DeadlinesCommand.self, AuditCommand.self, ChangeNoticeCommand.self, ReversibilityCommand.self, MatrixCommand.self, SubProcessorsCommand.self,
            BreachCommand.self, SealCommand.self, UserCommand.self, ServeCommand.self,
            ModelCommand.self,
            MembersCommand.self,
            CampaignCommand.self,
            RequestCommand.self,
        ]
    )

    /// Parses the command line and runs the command; a failure ends it through ``FailureReport``, in the
    /// language of the command's `--lang`.
    ///
    /// Ignores SIGPIPE, so that a reader that goes away (`registre export | head -c1`) is a write error
    /// the command reports with status 2, not a signal that kills it mid-way.
    /// Asynchronous because `serve` runs a server; every other command runs as before.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        var parsed: any ParsableCommand
        do {
            parsed = try await asyncParseAsRoot()
        } catch {
            exit(withError: error)  // a usage error (64) with the subcommand's usage, --help, --version
        }
        let language = FailureReport.language(of: parsed)
        Console.language = language
        let command = type(of: parsed)
        do {
            if var asynchronous = parsed as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try parsed.run()
            }
        } catch {
            FailureReport.exit(error, language: language, command: command)
        }
    }
}
