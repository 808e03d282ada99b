import ArgumentParser

/// `registre`: keeps a GDPR organisation's accountability records honest.
///
/// Exit status, for every command: 0 when all went well and nothing serious was found, 1 when the
/// register has at least one error, 2 when the input cannot be read or is not a valid register.
@main
struct Registre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registre",
        abstract: "Keep, check and export a GDPR record of processing activities (Art. 30).",
        discussion: """
            A register is an XML file in the registre format (Docs/registre.xsd). Exit status: 0 when \
            nothing serious was found, 1 when the register has at least one error, 2 when the input \
            cannot be read or is not valid.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ExportCommand.self, ImportCommand.self, HistoryCommand.self, VerifyCommand.self,
            BackupCommand.self, DeadlinesCommand.self, AuditCommand.self, MatrixCommand.self, SubProcessorsCommand.self,
            BreachCommand.self,
            ModelCommand.self,
            MembersCommand.self,
        ]
    )
}
