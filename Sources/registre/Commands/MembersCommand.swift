import ArgumentParser
import Foundation
import RegistreCore
import RegistreReports
import RegistreXML

/// `registre members`: one view of a mutualisation structure's members, most urgent first. What counts
/// as urgent is `MemberOverview`'s; this reads the register, runs the check at the moment asked about,
/// and prints.
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Show each member of a mutualisation structure: activities, check, open breaches, deadlines, last review.",
        discussion: """
            Most urgent first: overdue breach notifications, overdue deadlines, breaches due within 24 hours, \
            errors, other open breaches, objection windows still open, warnings, activities never reviewed, \
            then the oldest review.
            """
    )

    @OptionGroup var input: RegisterInput
    @Option(help: ArgumentHelp("The structure (default: the first organisation that has members).", valueName: "id"))
    var structure: String?
    @OptionGroup var now: NowOption
    @Option(help: "Output format: text or xml.") var format: OutputFormat = .text
    @OptionGroup var language: LanguageOption

    func run() throws {
        let moment = now.moment
        let register = try input.read()
        let structures = register.organisations.filter { !$0.members.isEmpty }
        let chosen = try Lookup.structure(structure, among: structures, in: input.name)
        let overview = MemberOverview.overview(
            of: chosen, in: register, findings: RegisterCheck.findings(in: register, now: moment), now: moment)
        switch format {
        case .text:
            try Console.out(MembersTextReport.render(overview, structure: chosen, source: input.name, language: language.language))
        case .xml:
            try Console.out(String(decoding: try MembersWriter.bytes(of: overview, structure: chosen.id, source: input.name), as: UTF8.self))
        }
    }
}
