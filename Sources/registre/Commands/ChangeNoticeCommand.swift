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

        @Option(help: ArgumentHelp("The day it was decided (default: today).", valueName: "date"))
        var on: String?

        @OptionGroup var change: ChangeOptions

        func run() throws {
            let moment = try change.now.resolve()
            let day = try on.map { try Day.parse($0, option: "--on") } ?? DeadlineCalculator().day(of: moment)
            try change.change { edit in
                var agreement = try edit.agreement(dpa)
                do throws(DataProcessingAgreement.OutcomeRefusal) {
                    try agreement.record(outcome, ofChange: id, on: day)
                } catch .unknownChange(let id) {
                    let known = agreement.changeNotices.map(\.id).joined(separator: ", ")
                    throw ValidationError("'\(id)': no change notice of the agreement '\(dpa)' has this id (known: \(known.isEmpty ? "none" : known))")
                } catch .notAnOutcome {
                    throw ValidationError("--outcome pending: expected accepted, objected or withdrawn")
                } catch .beforeNotice(let notice) {
                    throw ValidationError("--on '\(day.iso)': expected a day on or after the notice of the change (\(notice.iso))")
                }
                try edit.save(.agreement(agreement))
            }
        }
    }
}
