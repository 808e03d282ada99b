import ArgumentParser
import Foundation

/// `registre`: keeps a GDPR organisation's accountability records honest.
///
/// Exit status, for every command, as the help below and the README's table say: 0 done and nothing serious
/// found, 1 errors in the register or a request its terms refuse, 2 an input, value or database that cannot
/// be read or is not valid, 64 a wrong command line.
@main
struct Registre: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registre",
        abstract: "Keep, check and export a GDPR record of processing activities (Art. 30).",
        discussion: """
            A register is an XML file in the registre format (Docs/registre.xsd), or the register \
            database (--db). Exit status: 0 when nothing serious was found; 1 when the register has at \
            least one error, or its own terms refuse the request (an audit too early); 2 when the \
            input, a value or the database cannot be read or is not valid; 64 when the command line \
            is wrong (unknown option, missing argument, unreadable date).
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ExportCommand.self, ImportCommand.self, HistoryCommand.self, VerifyCommand.self,
            BackupCommand.self, DeadlinesCommand.self, AuditCommand.self, ChangeNoticeCommand.self, MatrixCommand.self, SubProcessorsCommand.self,
            BreachCommand.self, SealCommand.self, UserCommand.self, ServeCommand.self,
            ModelCommand.self,
            MembersCommand.self,
            CampaignCommand.self,
        ]
    )

    /// Ignores SIGPIPE, so that a reader that goes away (`registre export | head -c1`) is a write error
    /// the command reports with status 2, not a signal that kills it mid-way.
    /// Asynchronous because `serve` runs a server; every other command runs as before.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        await main(nil)
    }
}
