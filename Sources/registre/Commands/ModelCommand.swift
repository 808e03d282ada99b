import ArgumentParser
import Foundation
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

/// `registre model`: a mutualisation structure's model activities in its members' registers. The
/// decisions are RegistreCore's (`ModelApplication`, `ModelDrift`, `ModelPropagation`); the acts that
/// change the register are RegistreService's (`ModelActs`), shared with the desk.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "A mutualisation structure's model activities: apply them to members, see drift, propagate changes.",
        subcommands: [Apply.self, Drift.self, Propagate.self, Own.self]
    )

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give members an activity that follows a model, with each member as its controller.",
            discussion: """
                Each new activity (id: the model's id, a dash, the member's id) follows every item of the model \
                until the member words it itself. Members that already follow the model are left as they are with \
                --to-all-members, and refused when named with --to. Prints the id of each activity created.
                """
        )

        @Argument(help: "The model activity.") var activity: String
        @Option(name: .customLong("to"), help: ArgumentHelp("A member of the structure that owns the model (repeatable).", valueName: "id"))
        var members: [String] = []
        @Flag(name: .customLong("to-all-members"), help: "Every member of the structure that does not follow the model yet.")
        var allMembers = false
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if members.isEmpty == !allMembers { throw ValidationError("give either --to MEMBER… or --to-all-members") }
        }

        func run() throws {
            let created = try ModelActs(store: change.store.open(.existing)).apply(activity, to: allMembers ? nil : members, by: change.acting)
            for id in created { try Console.out("\(id)\n") }
        }
    }

    struct Drift: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, per member, where its activities depart from the models they follow.",
            discussion: """
                Followed items that differ from the current model (bring them up to date with model propagate), \
                and own values that contradict it (a retention period shorter than the model's).
                """
        )

        // An option, not an argument: the positional argument of every command that reads is the FILE.
        @Option(name: .customLong("model"), help: ArgumentHelp("Only the activities that follow this model.", valueName: "id"))
        var activity: String?
        @OptionGroup var input: RegisterInput
        @Option(help: "Output format: text, xml or ods (a spreadsheet, one row per item).") var format: DriftFormat = .text
        @OptionGroup var language: LanguageOption
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        enum DriftFormat: String, ExpressibleByArgument, CaseIterable { case text, xml, ods }

        func run() throws {
            let register = try input.read(only: [.register, .organisation, .activity])
            if let activity, !register.activities.contains(where: { $0.id == activity && $0.isModel }) {
                throw Lookup.notFound(.activity, activity, in: input.name, option: "--model")
            }
            let items = ModelDrift.items(in: register, model: activity)
            switch format {
            case .text:
                let text = ModelDriftTextReport.render(items, model: activity, source: input.name, language: language.language)
                try Output.deliver(Array(text.utf8), to: output)
            case .xml:
                try Output.deliver(try ModelDriftWriter.bytes(of: items, source: input.name, model: activity), to: output)
            case .ods:
                try Output.deliver(try ModelDriftSpreadsheet.bytes(of: items, language: language.language), to: output)
            }
        }
    }

    struct Propagate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring every item members follow up to the model, in one transaction; own values are never touched.",
            discussion: "Each member's activity that changes is journaled as its own change. Prints what changed where."
        )

        @Argument(help: "The model activity.") var activity: String
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let updates = try ModelActs(store: change.store.open(.existing)).propagate(activity, by: change.acting)
            try Console.out(ModelPropagationTextReport.render(updates, model: activity, language: language.language))
        }
    }

    struct Own: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark items of a member's activity that follows a model as the member's own, or give them back to the model.",
            discussion: """
                An own item is worded by the member: model drift no longer reports it as behind the model, and \
                model propagate leaves it as it is.
                """
        )

        @Argument(help: "The member's activity that follows a model.") var activity: String
        @Argument(help: ArgumentHelp("The items marked.", valueName: "item")) var items: [ActivityItem]
        @Flag(name: .customLong("followed"), help: "Give the items back to the model (followed again) instead of making them own.")
        var followed = false
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            try ModelActs(store: change.store.open(.existing)).mark(items, of: activity, own: !followed, by: change.acting)
        }
    }
}
