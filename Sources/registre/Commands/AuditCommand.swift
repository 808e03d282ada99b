import ArgumentParser
import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Request an audit of a processor under its agreement, record its meetings, print its notice.",
        subcommands: [Request.self, Record.self, Notice.self]
    )

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an audit request, refusing a start the agreement's terms do not allow.",
            discussion: """
                The earliest start is the day of notice plus the agreement's notice period (30 days in \
                seed 004), and no sooner after the previous audit than the agreement's audit frequency cap \
                (unless --ground names an exception the cap makes). A start before the processor is told, \
                before the notice has run, or beyond the cap is refused with exit status 1, naming the \
                clause and the first allowed day.
                """
        )

        @Option(help: ArgumentHelp("The agreement the audit relies on.", valueName: "id"))
        var dpa: String

        @Option(help: ArgumentHelp("The planned start of the audit (YYYY-MM-DD).", valueName: "date"))
        var start: DayArgument

        @Option(help: ArgumentHelp("The day the processor is or was told, YYYY-MM-DD (default: today).", valueName: "date"))
        var notified: DayArgument?

        @Option(help: ArgumentHelp("The id of the new audit (default: audit-START).", valueName: "id"))
        var id: String?

        @Option(help: ArgumentHelp("The controller requesting it (default: the agreement's first controller).", valueName: "id"))
        var requester: String?

        @Option(help: "What the audit covers.")
        var scope: String?

        @Option(help: "Who carries it out.")
        var auditor: String?

        @Option(help: ArgumentHelp("The kickoff meeting the processor is invited to (YYYY-MM-DD).", valueName: "date"))
        var kickoff: DayArgument?

        @Option(help: ArgumentHelp("The closing meeting the processor is invited to (YYYY-MM-DD).", valueName: "date"))
        var closing: DayArgument?

        @Option(help: ArgumentHelp("The event the audit follows, when the cap may make an exception for it: after-breach or authority-request.", valueName: "ground"))
        var ground: ContractTerm.CapException?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let request = AuditActs.Request(
                agreement: dpa, start: start.day, notified: notified?.day, id: id, requester: requester, scope: scope, auditor: auditor,
                kickoff: kickoff?.day, closing: closing?.day, ground: ground)
            let audit = try AuditActs(store: change.store.open(.existing)).request(request, by: change.acting)
            try Console.out("\(audit.id)\n")
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an audit's meetings and the day its report was sent to the processor.",
            discussion: """
                Dates that cannot have happened are refused with exit status 2, and nothing is saved: a \
                kickoff meeting before the audit's planned start, a closing meeting before the kickoff (or \
                the start), a report sent before the audit started or before the processor was told of it.
                """
        )

        @Argument(help: "The audit.")
        var id: String

        @Option(help: ArgumentHelp("The kickoff meeting (YYYY-MM-DD).", valueName: "date"))
        var kickoff: DayArgument?

        @Option(help: ArgumentHelp("The closing meeting (YYYY-MM-DD).", valueName: "date"))
        var closing: DayArgument?

        @Option(name: .customLong("report-shared"), help: ArgumentHelp("The day the report was sent to the processor (YYYY-MM-DD).", valueName: "date"))
        var reportShared: DayArgument?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            _ = try AuditActs(store: change.store.open(.existing)).change(id, by: change.acting) { audit in
                if let kickoff { audit.kickoffMeeting = kickoff.day }
                if let closing { audit.closingMeeting = closing.day }
                if let reportShared { audit.reportShared = reportShared.day }
            }
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the notice to send to the processor before the audit."
        )

        @Argument(help: "The audit.")
        var id: String

        @OptionGroup var input: RegisterInput

        @Option(help: "Output format: text, xml or odt.")
        var format: DocumentFormat = .text

        @OptionGroup var language: LanguageOption

        func run() throws {
            let register = try input.read(around: EntityKey(.audit, id))
            let audit = try Lookup.one(register.audits, id: id, kind: .audit, in: input.name)
            switch format {
            case .text: try Console.out(AuditNoticeReport.render(audit, in: register, language: language.language))
            case .xml: try Console.out(String(decoding: try ScheduleWriter.auditNotice(audit, in: register), as: UTF8.self))
            case .odt: try Output.deliver(try OpenDocumentExport.auditNotice(audit, in: register, language: language.language), to: nil)
            }
        }
    }
}
