public import ArgumentParser
public import RegistreCore
import RegistreService

extension SubProcessorChange.Outcome: ExpressibleByArgument {}
extension ContractTerm.CapException: ExpressibleByArgument {}
extension ActivityItem: ExpressibleByArgument {}

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
                Once recorded, the change's objection window no longer asks for its outcome in `deadlines`. \
                With --member, a member of a structure party to the agreement answers its own window on the \
                structure's change notice (accepted: no objection, or objected); its window then leaves `deadlines`.
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

        @Option(help: ArgumentHelp("A member of a structure party to the agreement, answering its own objection window.", valueName: "id"))
        var member: String?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if outcome == .pending { throw ValidationError("--outcome pending: expected accepted, objected or withdrawn") }
        }

        func run() throws {
            let day = on?.day ?? DeadlineCalculator().day(of: change.now.moment)
            do {
                let acts = try ChangeNoticeActs(store: change.store.open(.existing))
                if let member {
                    try acts.answer(outcome, ofNotice: id, in: dpa, member: member, on: on?.day, by: change.acting)
                } else {
                    try acts.record(outcome, ofNotice: id, in: dpa, on: day, by: change.acting)
                }
            } catch let refusal as ChangeNoticeActs.UnknownNotice {
                throw CommandError(.unreadableInput, refusal.message)
            } catch DataProcessingAgreement.OutcomeRefusal.notAnOutcome {
                throw ValidationError("--outcome pending: expected accepted, objected or withdrawn")
            } catch DataProcessingAgreement.OutcomeRefusal.beforeNotice(let notice) {
                throw CommandError(.refusedChange, LocalizedText(
                    fr: "--on \(day.iso) : le changement a été notifié le \(notice.iso) ; son issue ne peut être décidée avant",
                    en: "--on \(day.iso): the change was notified on \(notice.iso); its outcome cannot be decided before"))
            }
        }
    }
}
