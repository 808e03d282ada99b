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
        var start: String

        @Option(help: ArgumentHelp("The day the processor is or was told (default: today).", valueName: "date"))
        var notified: String?

        @Option(help: ArgumentHelp("The id of the new audit (default: audit-START).", valueName: "id"))
        var id: String?

        @Option(help: ArgumentHelp("The controller requesting it (default: the agreement's first controller).", valueName: "id"))
        var requester: String?

        @Option(help: "What the audit covers.")
        var scope: String?

        @Option(help: "Who carries it out.")
        var auditor: String?

        @Option(help: ArgumentHelp("The kickoff meeting the processor is invited to.", valueName: "date"))
        var kickoff: String?

        @Option(help: ArgumentHelp("The closing meeting the processor is invited to.", valueName: "date"))
        var closing: String?

        @Option(help: ArgumentHelp("The event the audit follows, when the cap may make an exception for it: after-breach or authority-request.", valueName: "ground"))
        var ground: ContractTerm.CapException?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let moment = try change.now.resolve()
            let startDay = try Day.parse(start, option: "--start")
            let notifiedDay = try notified.map { try Day.parse($0, option: "--notified") }
                ?? DeadlineCalculator().day(of: moment)
            let kickoffDay = try kickoff.map { try Day.parse($0, option: "--kickoff") }
            let closingDay = try closing.map { try Day.parse($0, option: "--closing") }
            let audit = try change.change { edit -> AuditRequest in
                let agreement = try edit.agreement(dpa)
                var around = try edit.register(around: [EntityKey(.agreement, dpa)])
                // The cap counts the other audits under the agreement.
                around.audits = try edit.audits(under: dpa)
                // A database error while looking an id up is rare; count the id as used rather than trap.
                let isUsed: (EntityID) -> Bool = { id in (try? edit.isUsed(id)) ?? true }
                let audit: AuditRequest
                do throws(AuditScheduling.RequestRefusal) {
                    audit = try AuditScheduling.request(
                        under: agreement, in: around, id: id, requester: requester, notified: notifiedDay, start: startDay,
                        scope: scope, auditor: auditor, kickoff: kickoffDay, closing: closingDay, ground: ground, isUsed: isUsed)
                } catch .tooEarly(let earliest) {
                    let notice = agreement.reading(.auditNotice, from: notifiedDay, in: around)?.explanation
                    Console.error(LocalizedText(
                        fr: "Audit refusé : l'accord « \(agreement.title) » impose un préavis de \(notice?.fr ?? "?") ; notifié le \(notifiedDay.iso), l'audit ne peut commencer qu'à partir du \(earliest.iso) (demandé : \(startDay.iso)).",
                        en: "Audit refused: the agreement '\(agreement.title)' requires \(notice?.en ?? "?") of notice; notified on \(notifiedDay.iso), the audit cannot start before \(earliest.iso) (requested: \(startDay.iso))."
                    )[language.language])
                    throw ExitStatus.findingsWithErrors
                } catch .obstacle(let obstacle) {
                    Console.error(obstacle.refusal(under: agreement, notified: notifiedDay, start: startDay)[language.language])
                    throw ExitStatus.findingsWithErrors
                } catch .notAController(let requester) {
                    throw ValidationError("--requester '\(requester)': not a controller of the agreement '\(agreement.id)'")
                } catch .unusableID(let auditID) {
                    throw ValidationError("--id '\(auditID)': expected a new id (letters, digits, '.', '_', '-') not used in the register")
                }
                try edit.save(.audit(audit))
                return audit
            }
            Console.out("\(audit.id)\n")
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an audit's meetings and the day its report was sent to the processor."
        )

        @Argument(help: "The audit.")
        var id: String

        @Option(help: ArgumentHelp("The kickoff meeting.", valueName: "date"))
        var kickoff: String?

        @Option(help: ArgumentHelp("The closing meeting.", valueName: "date"))
        var closing: String?

        @Option(name: .customLong("report-shared"), help: ArgumentHelp("The day the report was sent to the processor.", valueName: "date"))
        var reportShared: String?

        @OptionGroup var change: ChangeOptions

        func run() throws {
            let kickoffDay = try kickoff.map { try Day.parse($0, option: "--kickoff") }
            let closingDay = try closing.map { try Day.parse($0, option: "--closing") }
            let reportDay = try reportShared.map { try Day.parse($0, option: "--report-shared") }
            try change.change { edit in
                var audit = try edit.audit(id)
                if let kickoffDay { audit.kickoffMeeting = kickoffDay }
                if let closingDay { audit.closingMeeting = closingDay }
                if let reportDay { audit.reportShared = reportDay }
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
            let audit = try Lookup.one(register.audits, id: id, what: "audit", in: input.name)
            switch format {
            case .text: Console.out(AuditNoticeReport.render(audit, in: register, language: language.language))
            case .xml: Console.out(String(decoding: try ScheduleWriter.auditNotice(audit, in: register), as: UTF8.self))
            case .odt: try Output.deliver(try OpenDocumentExport.auditNotice(audit, in: register, language: language.language), to: nil)
            }
        }
    }
}

/// Reads a day typed on the command line, or says what was expected.
enum Day {
    static func parse(_ text: String, option: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else {
            throw ValidationError("\(option) '\(text)': expected a day that exists, as YYYY-MM-DD")
        }
        return day
    }
}
