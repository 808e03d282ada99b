import ArgumentParser
import RegistreCore
import RegistreService

struct ReversibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reversibility",
        abstract: "Record a controller's request for the processor's reversibility plan.",
        subcommands: [Request.self]
    )

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the day the controller asked for the reversibility plan.",
            discussion: """
                The agreement's reversibility term (seed 004, art. 6: a plan within three months of the \
                request) then gives, in `deadlines`, the day the plan is due, counted as the term says.
                """
        )

        @Option(help: ArgumentHelp("The agreement.", valueName: "id"))
        var dpa: String

        @Option(help: ArgumentHelp("The day of the request, YYYY-MM-DD (default: today); not after today.", valueName: "date"))
        var on: DayArgument?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            do {
                try ReversibilityActs(store: change.store.open(.existing)).recordRequest(of: dpa, on: on?.day, by: change.acting)
            } catch let refusal as ReversibilityActs.FutureRequest {
                throw CommandError(.refusedChange, LocalizedText(
                    fr: "--on \(refusal.day.iso) : la demande ne peut être datée après aujourd'hui (\(refusal.today.iso))",
                    en: "--on \(refusal.day.iso): the request cannot be dated after today (\(refusal.today.iso))"))
            }
        }
    }
}
