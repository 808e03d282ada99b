import ArgumentParser
import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print a responsibility matrix, as a table (text) or XML."
    )

    @Option(help: ArgumentHelp("The matrix (default: the register's only one).", valueName: "id"))
    var id: String?

    @OptionGroup var input: RegisterInput

    @Option(help: "Output format: text or xml.")
    var format: OutputFormat = .text

    @OptionGroup var language: LanguageOption

    func run() throws {
        let register = try input.read(around: id.map { EntityKey(.matrix, $0) })
        let matrix = try Lookup.one(register.matrices, id: id, kind: .matrix, in: input.name)
        switch format {
        case .text:
            try Console.out(MatrixTextReport.render(matrix, in: register, language: language.language))
        case .xml:
            try Console.out(String(decoding: try RegisterWriter.bytes(of: register.extract(of: matrix)), as: UTF8.self))
        }
    }
}

struct SubProcessorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subprocessors",
        abstract: "Print the chain of sub-processors of an agreement."
    )

    @Option(help: ArgumentHelp("The agreement.", valueName: "id"))
    var dpa: String?

    @OptionGroup var input: RegisterInput
    @OptionGroup var language: LanguageOption

    func run() throws {
        let register = try input.read(around: dpa.map { EntityKey(.agreement, $0) })
        let agreement = try Lookup.one(register.agreements, id: dpa, kind: .agreement, in: input.name)
        try Console.out(SubProcessorChainReport.render(agreement, in: register, language: language.language))
    }
}

struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "List every upcoming and overdue deadline of the register, soonest first.",
        discussion: """
            Contract obligations, sub-processor objection windows (a member's own when a change is notified to its \
            structure), audits, breaches, review campaigns. Overdue deadlines are always listed.
            """
    )

    @OptionGroup var input: RegisterInput
    @OptionGroup var now: NowOption

    @Option(help: ArgumentHelp(
        "Only deadlines due within this time: 72h, 30d, 10wd (working days), 2w, 3m, 1y (at most \(SupportedRange.periodYears) years).",
        valueName: "duration"))
    var within: DurationArgument?

    @Option(help: "Output format: text, xml or ics (an iCalendar file to subscribe to, RFC 5545).")
    var format: DeadlinesFormat = .text

    @Option(help: ArgumentHelp(
        "Only this organisation's deadlines: those of the entries it is a party to, and those of a member (its review in a campaign, its window on its structure's change notice).",
        valueName: "id"))
    var organisation: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let horizon = within?.period
        let moment = now.moment
        // Deadlines come from agreements, audits, breaches and review campaigns, counted in their parties'
        // time zones; the activities of some members say which use a processor and what a campaign has left
        // to review: those only are read, not the register's every activity.
        // From the database, only the organisations these entries name (and the one asked for).
        let register = try input.read { try RegisterDeadlines.register(of: $0, namedOnly: organisation.map { [$0] } ?? []) }
        if let organisation, register.organisation(organisation) == nil {
            throw Lookup.notFound(.organisation, organisation, in: input.name, option: "--organisation")
        }
        // The function the desk's calendar feed calls, for the organisations of an account.
        let deadlines = RegisterDeadlines.scheduled(in: register, now: moment, within: horizon, concerning: organisation.map { [$0] })
        switch format {
        case .text:
            try Console.out(DeadlinesTextReport.render(deadlines, now: moment, source: input.name, language: language.language))
        case .xml:
            try Console.out(String(decoding: try ScheduleWriter.deadlines(deadlines, now: moment), as: UTF8.self))
        case .ics:
            let source = URL(fileURLWithPath: input.name).lastPathComponent
            let name = language.language == .fr ? "Échéances — \(source)" : "Deadlines — \(source)"
            try Output.deliver(Array(RegisterDeadlines.calendar(deadlines, now: moment, name: name, language: language.language).utf8), to: nil)
        }
    }
}
