public import ArgumentParser
import Foundation
public import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

extension Breach.Nature: ExpressibleByArgument {}
extension RiskAssessment.EaseOfIdentification: ExpressibleByArgument {}
extension RiskAssessment.ConfidentialityLoss: ExpressibleByArgument {}
extension RiskAssessment.IntegrityLoss: ExpressibleByArgument {}
extension RiskAssessment.AvailabilityLoss: ExpressibleByArgument {}
extension RiskLevel: ExpressibleByArgument {}
extension SubjectCommunication.Exception: ExpressibleByArgument {}
extension Encryption.Strength: ExpressibleByArgument {}
extension Exfiltration.Finding: ExpressibleByArgument {}
extension Disclosure.Trust: ExpressibleByArgument {}
extension Encryption.Form: ExpressibleByArgument {}
extension Restoration.OutageImpact: ExpressibleByArgument {}

struct BreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach",
        abstract: "Record a personal data breach, run its 72-hour clock, decide and report (Art. 33, 34).",
        subcommands: [Open.self, Update.self, Assess.self, Notify.self, FanOut.self, List.self, Show.self, Report.self]
    )

    /// Options of every command that changes a breach: the database, who, when.
    typealias Change = ChangeOptions

    /// Changes one breach through the breach register's act (`BreachActs.change`: read, changed, its
    /// timeline checked and saved in one write transaction); then prints the decision and the clock as they
    /// now stand.
    static func edit(_ id: String, _ options: Change, _ language: LanguageOption, _ change: (inout Breach) throws -> Void) throws {
        let acting = options.acting
        let recorded = try BreachActs(store: options.store.open(.existing)).change(id, by: acting, change)
        try Console.out(BreachDecisionSummary.render(recorded.breach, in: recorded.register, now: acting.now, language: language.language))
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a breach the moment you learn of it; prints its id.",
            discussion: "The 72 hours of Art. 33(1) run from --aware, the moment the controller became aware."
        )

        @Option(help: "What happened, in a few words.")
        var title: String

        @Option(help: ArgumentHelp("When the controller became aware (ISO 8601; without an offset, Europe/Paris time).", valueName: "datetime"))
        var aware: InstantArgument

        @Option(help: "confidentiality, integrity or availability (repeat for several).")
        var nature: [Breach.Nature]

        @Option(help: ArgumentHelp("The controller (default: the register's only one, or the first).", valueName: "id"))
        var controller: String?

        @Option(help: ArgumentHelp("The id of the new breach (default: breach-YYYYMMDD-N).", valueName: "id"))
        var id: String?

        @OptionGroup var change: Change
        @OptionGroup var language: LanguageOption

        func run() throws {
            let acting = change.acting
            let opening = BreachActs.Opening(title: title, aware: aware.start, nature: nature, controller: controller, id: id)
            let opened: BreachActs.Recorded
            do {
                opened = try BreachActs(store: change.store.open(.existing)).open(opening, by: acting)
            } catch BreachRefusal.unknownController(let controllerID) {
                throw Lookup.notFound(.organisation, controllerID, in: change.store.path, option: "--controller")
            }
            // The id alone on standard output, for scripts; the decision and the clock beside it for people.
            try Console.out("\(opened.breach.id)\n")
            Console.note(BreachDecisionSummary.render(opened.breach, in: opened.register, now: acting.now, language: language.language))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what is learnt: facts, the Art. 33(3) content, measures, the communication to people."
        )

        @Argument(help: "The breach.") var id: String
        @Option(help: "What happened, in a few words (replaces the title).") var title: String?
        @Option(help: "confidentiality, integrity or availability (repeatable; replaces the list).") var nature: [Breach.Nature] = []
        @Option(name: .customLong("occurred-from"), help: ArgumentHelp("When the breach began (ISO 8601).", valueName: "datetime"))
        var occurredFrom: InstantArgument?
        @Option(name: .customLong("occurred-to"), help: ArgumentHelp("When the breach ended (ISO 8601).", valueName: "datetime"))
        var occurredTo: InstantArgument?
        @Option(help: ArgumentHelp("When the breach was detected (ISO 8601).", valueName: "datetime"))
        var detected: InstantArgument?
        @Option(name: .customLong("processor-notified"), help: ArgumentHelp("When the processor told the controller (Art. 33(2)).", valueName: "datetime"))
        var processorNotified: InstantArgument?
        @Option(help: "The agreement of the processor involved.") var dpa: String?
        @Option(help: "Art. 33(3)(a): what happened.") var description: String?
        @Option(name: .customLong("subject-category"), help: "Art. 33(3)(a) (repeatable; replaces the list).") var subjectCategories: [String] = []
        @Option(help: "Art. 33(3)(a): number of people: 120, about 120, 100-150 or unknown.") var subjects: String?
        @Option(name: .customLong("data-category"), help: "Art. 33(3)(a) (repeatable; replaces the list).") var dataCategories: [String] = []
        @Option(help: "Art. 33(3)(a): number of records: 450, about 450, 400-500 or unknown.") var records: String?
        @Option(name: .customLong("contact-name"), help: "Art. 33(3)(b): the DPO or contact point.") var contactName: String?
        @Option(name: .customLong("contact-email"), help: "Art. 33(3)(b): the contact point's email.") var contactEmail: String?
        @Option(name: .customLong("contact-phone"), help: "Art. 33(3)(b): the contact point's phone.") var contactPhone: String?
        @Option(help: "Art. 33(3)(c): the likely consequences.") var consequences: String?
        @Option(help: "Art. 33(3)(d): a measure taken or proposed (repeatable; adds).") var measure: [String] = []
        @Option(help: "A processing activity concerned (repeatable; adds).") var activity: [String] = []
        @Option(name: .customLong("delay-reasons"), help: "Why the notification came after 72 hours.") var delayReasons: String?
        @Option(help: ArgumentHelp("When the data subjects were told (Art. 34(1); ISO 8601).", valueName: "datetime"))
        var communicated: InstantArgument?
        @Option(help: "The Art. 34(3) exception relied on: 34-3-a, 34-3-b or 34-3-c.") var exception: SubjectCommunication.Exception?
        @Option(name: .customLong("communication-detail"), help: "How the data subjects were told, or why they were not.")
        var communicationDetail: String?
        @OptionGroup var facts: FactOptions
        @OptionGroup var change: Change
        @OptionGroup var language: LanguageOption

        /// A count as typed; a negative or unreadable one is a refused value (status 2), like any value the
        /// XML reader would refuse.
        func count(_ text: String, _ option: String) throws(CommandError) -> Count {
            do {
                return try Count(parsing: text)
            } catch {
                throw CommandError(error.exitStatus, LocalizedText(fr: "\(option) : \(error.message.fr)", en: "\(option): \(error.message.en)"))
            }
        }

        func run() throws {
            try edit(id, change, language) { breach in
                if let title { breach.title = title }
                if !nature.isEmpty { breach.nature = Array(Set(nature)).sorted { $0.rawValue < $1.rawValue } }
                if let occurredFrom { breach.occurredFrom = occurredFrom.start }
                if let occurredTo { breach.occurredTo = occurredTo.start }
                if let detected { breach.detected = detected.start }
                if let processorNotified { breach.processorNotifiedController = processorNotified.start }
                if let dpa { breach.agreement = dpa }
                if let description { breach.description = description }
                if !subjectCategories.isEmpty { breach.dataSubjectCategories = subjectCategories }
                if let subjects { breach.subjects = try count(subjects, "--subjects") }
                if !dataCategories.isEmpty { breach.dataCategories = dataCategories }
                if let records { breach.records = try count(records, "--records") }
                // Each contact field changes alone; a new contact needs its name.
                if contactName != nil || contactEmail != nil || contactPhone != nil {
                    guard var contact = breach.contact ?? contactName.map({ Contact(name: $0) }) else {
                        throw FactOptions.incomplete(
                            fr: "--contact-email, --contact-phone : la violation n'a pas encore de contact ; donnez aussi --contact-name",
                            en: "--contact-email, --contact-phone: the breach has no contact yet; give --contact-name too")
                    }
                    if let contactName { contact.name = contactName }
                    if let contactEmail { contact.email = contactEmail }
                    if let contactPhone { contact.phone = contactPhone }
                    breach.contact = contact
                }
                if let consequences { breach.likelyConsequences = consequences }
                breach.measures += measure
                breach.activities += activity.filter { !breach.activities.contains($0) }
                if let delayReasons { breach.delayReasons = delayReasons }
                if communicated != nil || exception != nil || communicationDetail != nil {
                    var communication = breach.communication ?? SubjectCommunication()
                    if let communicated { communication.at = communicated.start }
                    if let exception { communication.exception = exception }
                    if let communicationDetail { communication.detail = communicationDetail }
                    breach.communication = communication
                }
                try facts.apply(to: &breach)
            }
        }
    }

    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the facts of the ENISA severity method, and the DPO's decision if it departs from it.",
            discussion: """
                --data CATEGORY[:ADJUSTMENT] for each category of data breached (simple, behavioural, \
                financial, sensitive; adjustment -3 to +3). --override with a --justification records \
                the DPO's own risk tier; the report shows both.
                """
        )

        @Argument(help: "The breach.") var id: String
        @Option(help: ArgumentHelp("simple|behavioural|financial|sensitive[:ADJUSTMENT] (repeatable).", valueName: "category"))
        var data: [DataContextArgument]
        @Option(help: "negligible, limited, significant or maximum.") var identification: RiskAssessment.EaseOfIdentification
        @Option(help: "no-evidence-of-access, known-recipients or unknown-recipients.") var confidentiality: RiskAssessment.ConfidentialityLoss?
        @Option(help: "no-wrong-use, recoverable or unrecoverable.") var integrity: RiskAssessment.IntegrityLoss?
        @Option(help: "recoverable, temporary or permanent.") var availability: RiskAssessment.AvailabilityLoss?
        @Flag(help: "The breach was intentional (theft, hacking, sale).") var malicious = false
        @Option(help: "The DPO's own tier: no-risk, risk or high-risk.") var override: RiskLevel?
        @Option(help: "Why the DPO departs from what the method supports.") var justification: String?
        @OptionGroup var change: Change
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if (override == nil) != (justification == nil) {
                throw ValidationError("--override and --justification go together: a departure from the method must say why")
            }
        }

        func run() throws {
            let contexts = data.map(\.context)
            try edit(id, change, language) { breach in
                breach.assessment = RiskAssessment(
                    data: contexts, identification: identification, confidentiality: confidentiality, integrity: integrity,
                    availability: availability, malicious: malicious,
                    override: override.map { RiskAssessment.Override($0, justification: justification ?? "") })
            }
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a notification to the supervisory authority: the initial one, then follow-ups (Art. 33(4))."
        )

        @Argument(help: "The breach.") var id: String
        @Option(help: ArgumentHelp("When it was sent, ISO 8601 (default: now).", valueName: "datetime")) var at: InstantArgument?
        @Option(help: "The authority's reference.") var reference: String?
        @Flag(name: .customLong("follow-up"), help: "A complementary notification.") var followUp = false
        @Flag(help: "It gave everything Art. 33(3) asks.") var complete = false
        @OptionGroup var change: Change
        @OptionGroup var language: LanguageOption

        func run() throws {
            let moment = change.now.moment
            let sent = at?.start ?? moment
            try edit(id, change, language) { breach in
                breach.recordNotification(at: sent, reference: reference, complete: complete, followUp: followUp)
            }
        }
    }

    struct FanOut: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fan-out",
            abstract: "Art. 33(2): a breach at a processor, opened for each other controller of its agreement.",
            discussion: """
                Each new breach (id: the breach's id, a dash, the controller's id) carries the processor's facts \
                and the incident's reference, and its own 72-hour clock from --processor-notified; the \
                agreement's time limit for the processor's notice is checked on each. Prints the decision of each.
                """
        )

        @Argument(help: "The breach.") var id: String
        @Option(name: .customLong("processor-notified"), help: ArgumentHelp("When the processor told these controllers.", valueName: "datetime"))
        var processorNotified: InstantArgument
        @Option(help: ArgumentHelp("Only this controller (repeatable; default: every controller of the agreement).", valueName: "id"))
        var controller: [String] = []
        @Option(help: "The processor's reference for the incident (default: the breach's id).") var incident: String?
        @OptionGroup var change: Change
        @OptionGroup var language: LanguageOption

        func run() throws {
            let acting = change.acting
            let opened = try BreachActs(store: change.store.open(.existing)).fanOut(
                id, told: processorNotified.start, asked: controller, incident: incident, by: acting)
            for recorded in opened {
                try Console.out(BreachDecisionSummary.render(recorded.breach, in: recorded.register, now: acting.now, language: language.language))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the breaches with their clock.")

        @OptionGroup var input: RegisterInput
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let moment = now.moment
            let register = try input.read(only: [.register, .organisation, .agreement, .breach])
            for breach in register.breaches {
                let decision = BreachDecision(breach, in: register, now: moment)
                let zone = DeadlineCalculator.for(breach.controller, in: register).timeZone
                try Console.out("\(breach.id)  \(decision.clock.rawValue)  \(Instant.wallClock(decision.deadline, in: zone))  \(ReportText.inline(breach.title))\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a breach: its 72-hour deadline in the organisation's time zone and in UTC, its state, the decision."
        )

        @Argument(help: "The breach.") var id: String
        @OptionGroup var input: RegisterInput
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let moment = now.moment
            let register = try input.read(around: EntityKey(.breach, id))
            let breach = try Lookup.one(register.breaches, id: id, kind: .breach, in: input.name)
            try Console.out(BreachReport.render(breach, in: register, now: moment, language: language.language))
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the notification report of a breach, in the order of the CNIL's form."
        )

        @Argument(help: "The breach.") var id: String
        @OptionGroup var input: RegisterInput
        @Option(help: "Output format: xml, text or odt.") var format: DocumentFormat
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        func run() throws {
            let moment = now.moment
            let register = try input.read(around: EntityKey(.breach, id))
            let breach = try Lookup.one(register.breaches, id: id, kind: .breach, in: input.name)
            let bytes: [UInt8] =
                switch format {
                case .text: Array(BreachReport.render(breach, in: register, now: moment, language: language.language).utf8)
                case .xml: try BreachReportWriter.report(breach, in: register, now: moment)
                case .odt: try OpenDocumentExport.breachReport(breach, in: register, now: moment, language: language.language)
                }
            try Output.deliver(bytes, to: output)
        }
    }
}
