public import ArgumentParser
public import RegistreCore
import RegistreStore

extension SubProcessorChange.Outcome: ExpressibleByArgument {}
extension ContractTerm.CapException: ExpressibleByArgument {}

struct ChangeNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-notice",
        abstract: "Record what became of a change of sub-processor once the controllers could object.",
        subcommands: [Outcome.self]
    )

    struct Outcome: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the outcome of a change notice: accepted (no objection), objected (objection upheld) or withdrawn.",
            discussion: """
                Once recorded, the change's objection window no longer asks for its outcome in `deadlines`.
                """
        )

        @Argument(help: "The change notice.")
        var id: String

        @Option(help: ArgumentHelp("The agreement the change notice belongs to.", valueName: "id"))
        var dpa: String

        @Option(help: "accepted (no objection), objected (objection upheld) or withdrawn.")
        var outcome: SubProcessorChange.Outcome

        @Option(help: ArgumentHelp("The day it was decided, YYYY-MM-DD (default: today).", valueName: "date"))
        var on: DayArgument?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if outcome == .pending { throw ValidationError("--outcome pending: expected accepted, objected or withdrawn") }
        }

        func run() throws {
            let day = on?.day ?? DeadlineCalculator().day(of: change.now.moment)
            try change.change { edit in
                var agreement = try edit.agreement(dpa)
                do throws(DataProcessingAgreement.OutcomeRefusal) {
                    try agreement.record(outcome, ofChange: id, on: day)
                } catch .unknownChange(let id) {
                    let known = agreement.changeNotices.map(\.id).joined(separator: ", ")
                    throw CommandError(.unreadableInput, LocalizedText(
                        fr: "« \(id) » : aucun avis de changement de l'accord « \(dpa) » n'a cet identifiant (identifiants connus : \(known.isEmpty ? "aucun" : known))",
                        en: "'\(id)': no change notice of the agreement '\(dpa)' has this id (known: \(known.isEmpty ? "none" : known))"))
                } catch .notAnOutcome {
                    throw ValidationError("--outcome pending: expected accepted, objected or withdrawn")
                } catch .beforeNotice(let notice) {
                    throw CommandError(.refusedChange, LocalizedText(
                        fr: "--on \(day.iso) : le changement a été notifié le \(notice.iso) ; son issue ne peut être décidée avant",
                        en: "--on \(day.iso): the change was notified on \(notice.iso); its outcome cannot be decided before"))
                }
                try edit.save(.agreement(agreement))
            }
        }
    }
}
