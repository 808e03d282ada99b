import ArgumentParser
import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreStore
import RegistreXML

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Request an audit of a processor under its agreement, record its meetings, print its notice.",
        subcommands: [Request.self, Record.self, Notice.self]
    )

    /// Refuses, before anything is saved, an audit whose dates cannot have happened (a closing meeting
    /// before the kickoff, a report sent before the audit started): a value refused, status 2, as the
    /// breach commands refuse a breach's impossible timeline, each line naming the rule that found it.
    static func refuseImpossibleTimeline(_ audit: AuditRequest) throws {
        var register = Register()
        register.audits = [audit]
        let findings = RegisterCheck.findings(in: register, rules: RegisterCheck.auditTimelineRules)
        guard findings.isEmpty else {
            func lines(_ language: Language) -> String {
                findings.map { "\($0.code) [audit:\(audit.id)] \($0.article): \($0.message[language])" }.joined(separator: "\n")
            }
            throw CommandError(.unreadableInput, LocalizedText(fr: lines(.fr), en: lines(.en)))
        }
    }

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
            let moment = change.now.moment
            let startDay = start.day
            let notifiedDay = notified?.day ?? DeadlineCalculator().day(of: moment)
            let audit = try change.change { edit -> AuditRequest in
                let agreement = try edit.agreement(dpa)
                var around = try edit.register(around: [EntityKey(.agreement, dpa)])
                // The cap counts the other audits under the agreement.
                around.audits = try edit.audits(under: dpa)
                // The one id the request may take, looked up before it: a database error while looking it up
                // is the store's (exit 2 with its message), not an id "already used".
                let auditID = id ?? AuditScheduling.defaultID(start: startDay)
                let taken = try edit.isUsed(auditID)
                let isUsed: (EntityID) -> Bool = { $0 != auditID || taken }
                let audit: AuditRequest
                do throws(AuditScheduling.RequestRefusal) {
                    audit = try AuditScheduling.request(
                        under: agreement, in: around, id: auditID, requester: requester, notified: notifiedDay, start: startDay,
                        scope: scope, auditor: auditor, kickoff: kickoff?.day, closing: closing?.day, ground: ground, isUsed: isUsed)
                } catch {
                    // The agreement's terms refuse the start (1); a requester or id that cannot be used is a
                    // change the register refuses (3).
                    let status: ExitStatus = switch error {
                    case .tooEarly, .obstacle: .findingsWithErrors
                    case .notAController, .unusableID: .refusedChange
                    }
                    throw CommandError(status, error.message(under: agreement, in: around, notified: notifiedDay, start: startDay))
                }
                try AuditCommand.refuseImpossibleTimeline(audit)
                try edit.save(.audit(audit))
                return audit
            }
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
            try change.change { edit in
                var audit = try edit.audit(id)
                if let kickoff { audit.kickoffMeeting = kickoff.day }
                if let closing { audit.closingMeeting = closing.day }
                if let reportShared { audit.reportShared = reportShared.day }
                try AuditCommand.refuseImpossibleTimeline(audit)
                try edit.save(.audit(audit))
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
