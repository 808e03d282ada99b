import ArgumentParser
import Foundation
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

/// `registre campaign`: a mutualisation structure asks its members to review their activities. The
/// decisions are `CampaignReview`'s; each command is one point write (or one read), and every
/// confirmation is journaled with the member's account as its actor.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Review campaigns: a structure asks its members to confirm each of their activities by a day.",
        subcommands: [Open.self, Confirm.self, Status.self, Close.self]
    )

    /// Prints where the campaign stands, as text or XML.
    static func report(
        _ campaign: ReviewCampaign, in register: Register, format: OutputFormat, source: String, language: Language
    ) throws {
        let progress = CampaignReview.progress(of: campaign, in: register)
        switch format {
        case .text:
            let structure = register.organisation(campaign.structure)?.name ?? campaign.structure
            try Console.out(CampaignTextReport.render(campaign, structure: structure, progress: progress, source: source, language: language))
        case .xml:
            try Console.out(String(decoding: try CampaignWriter.report(of: campaign, progress: progress, source: source), as: UTF8.self))
        }
    }

    /// The organisations, activities and campaigns of the register of record, as the change left them.
    static func registerAfterChange(_ options: ChangeOptions) throws -> Register {
        let database = try options.store.open(.readOnly)
        var register = Register()
        try database.stream(only: [.organisation, .activity, .campaign]) { register.append($0) }
        return register
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask members of a mutualisation structure to review their activities by a day.",
            discussion: "Prints the id of the campaign (default: STRUCTURE-revue-DAY, the day it opens)."
        )

        @Argument(help: "The campaign's title, e.g. \"Revue annuelle 2026\".") var title: String
        @Option(help: ArgumentHelp("The mutualisation structure that runs it.", valueName: "id")) var structure: String
        @Option(name: .customLong("members"), parsing: .upToNextOption, help: ArgumentHelp("The members asked.", valueName: "id"))
        var members: [String] = []
        @Flag(name: .customLong("all"), help: "Every member of the structure.") var allMembers = false
        @Option(help: ArgumentHelp("The last day for the members' confirmations (YYYY-MM-DD).", valueName: "date")) var due: DayArgument
        @Option(help: ArgumentHelp("The id of the campaign.", valueName: "id")) var id: String?
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if members.isEmpty == !allMembers { throw ValidationError("give either --members MEMBER… or --all") }
        }

        func run() throws {
            let campaign = try CampaignActs(store: change.store.open(.existing)).open(
                title, by: structure, asking: allMembers ? nil : members, due: due.day, id: id, acting: change.acting)
            try Console.out("\(campaign.id)\n")
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm activities of a member as reviewed (or changed) in a campaign, as an account of that member.",
            discussion: """
                --actor names the member's account (registre user add … --organisation MEMBER); each activity \
                gets the day as its last review. A later confirmation of an activity replaces an earlier one.
                """
        )

        @Argument(help: "The campaign.") var campaign: String
        @Argument(help: "The activities confirmed.") var activities: [String]
        @Flag(help: "The activities were changed in the course of the review (default: reviewed, unchanged).") var changed = false
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            try CampaignActs(store: change.store.open(.existing)).confirm(
                activities, in: campaign, as: changed ? .changed : .reviewed, by: change.acting)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, per member, which activities were confirmed in a campaign, by whom and when."
        )

        // An option, not an argument: the positional argument of every command that reads is the FILE.
        @Option(name: .customLong("campaign"), help: ArgumentHelp("The campaign (default: the only one).", valueName: "id"))
        var campaign: String?
        @OptionGroup var input: RegisterInput
        @Option(help: "Output format: text or xml.") var format: OutputFormat = .text
        @OptionGroup var language: LanguageOption

        func run() throws {
            let register = try input.read(only: [.register, .organisation, .activity, .campaign])
            let chosen = try Lookup.one(register.campaigns, id: campaign, kind: .campaign, in: input.name)
            try CampaignCommand.report(chosen, in: register, format: format, source: input.name, language: language.language)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a campaign and print its closing report: who reviewed what and when, what is left.",
            discussion: "A closed campaign takes no more confirmations and leaves the deadlines."
        )

        @Argument(help: "The campaign.") var campaign: String
        @Option(help: "Output format: text or xml.") var format: OutputFormat = .text
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            try CampaignActs(store: change.store.open(.existing)).close(campaign, acting: change.acting)
            let register = try CampaignCommand.registerAfterChange(change)
            let closed = try Lookup.one(register.campaigns, id: campaign, kind: .campaign, in: change.store.path)
            try CampaignCommand.report(closed, in: register, format: format, source: change.store.path, language: language.language)
        }
    }
}
