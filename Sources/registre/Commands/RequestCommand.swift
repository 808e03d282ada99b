public import ArgumentParser
import Foundation
public import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore

extension DataSubjectRight: ExpressibleByArgument {}
extension RequestReceipt.Channel: ExpressibleByArgument {}
extension RequestAnswer.Outcome: ExpressibleByArgument {}
extension ManifestAbuse.Ground: ExpressibleByArgument {}
extension RecipientNotification.Kind: ExpressibleByArgument {}

struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Record the requests of the people (Art. 15 to 22) and run their one-month clock (Art. 12(3)).",
        discussion: """
            The person is named by a reference you choose (--person), never by name: the entry keeps only \
            what handling the request needs (Art. 5(1)(c)).
            """,
        subcommands: [Open.self, Update.self, Extend.self, Answer.self, List.self, Show.self, Document.self, RegisterOfRequests.self]
    )

    /// Changes one request through its act (`RequestActs.change`: read, changed, its days checked and
    /// saved in one write transaction); then prints where its clock stands.
    static func edit(_ id: String, _ options: ChangeOptions, _ language: LanguageOption, _ change: (inout DataSubjectRequest) throws -> Void) throws {
        let acting = options.acting
        let recorded = try RequestActs(store: options.store.open(.existing)).change(id, by: acting, change)
        try Console.out(RequestText.summary(recorded.request, in: recorded.register, now: acting.now, language: language.language))
    }

    /// The day of the act in Europe/Paris: what a date option left out defaults to.
    static func today(_ options: ChangeOptions) -> CalendarDate { DeadlineCalculator().day(of: options.acting.now) }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a request the day it arrives; prints its id.",
            discussion: "The month of Art. 12(3) runs from --received, the day the request reached the controller by any of its channels."
        )

        @Option(help: ArgumentHelp("The controller the request is addressed to.", valueName: "id"))
        var controller: String

        @Option(help: ArgumentHelp("The day the request reached the controller (YYYY-MM-DD).", valueName: "date"))
        var received: DayArgument

        @Option(help: "access, rectification, erasure, restriction, portability, objection or automated-decision (repeat for several).")
        var right: [DataSubjectRight]

        @Option(help: ArgumentHelp("A processing activity of the register the request concerns (repeatable).", valueName: "id"))
        var activity: [String] = []

        @Option(help: "The reference you choose for the person (a file number, not a name; default: the request's id).")
        var person: String?

        @Option(help: "How it came: letter, e-mail, form or in-person.")
        var channel: RequestReceipt.Channel = .email

        @Option(help: "The service that received it, when it did not come through the DPO.")
        var service: String?

        @Option(help: ArgumentHelp("The id of the new request (default: request-YYYYMMDD-N).", valueName: "id"))
        var id: String?

        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if right.isEmpty { throw ValidationError("give at least one --right") }
        }

        func run() throws {
            let acting = change.acting
            let request = DataSubjectRequest(
                id: id ?? "request", controller: controller, person: person ?? "",
                receipt: RequestReceipt(day: received.day, channel: channel, service: service),
                rights: right, activities: activity)
            let opened: RequestActs.Recorded
            do {
                opened = try RequestActs(store: change.store.open(.existing)).open(request, chosenID: id, by: acting)
            } catch RequestRefusal.unknownController(let controllerID) {
                throw Lookup.notFound(.organisation, controllerID, in: change.store.path, option: "--controller")
            }
            // The id alone on standard output, for scripts; the clock beside it for people.
            try Console.out("\(opened.request.id)\n")
            Console.note(RequestText.summary(opened.request, in: opened.register, now: acting.now, language: language.language))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what happens: identity verification (Art. 12(6)), Art. 12(5), recipients told (Art. 19), activities."
        )

        @Argument(help: "The request.") var id: String
        @Option(help: "The reference for the person (replaces it).") var person: String?
        @Option(help: ArgumentHelp("The day the request was received (replaces it).", valueName: "date")) var received: DayArgument?
        @Option(help: "letter, e-mail, form or in-person (replaces it).") var channel: RequestReceipt.Channel?
        @Option(help: "The service that received it (replaces it).") var service: String?
        @Option(help: "A right invoked (repeatable; replaces the list).") var right: [DataSubjectRight] = []
        @Option(help: ArgumentHelp("A processing activity concerned (repeatable; adds).", valueName: "id")) var activity: [String] = []
        @Option(help: "Processing the request revealed that the register lacks, in words (repeatable; adds).")
        var unregistered: [String] = []
        @Option(name: .customLong("identity-asked"), help: ArgumentHelp("The day information to confirm identity was asked for (Art. 12(6)).", valueName: "date"))
        var identityAsked: DayArgument?
        @Option(name: .customLong("identity-received"), help: ArgumentHelp("The day that information came.", valueName: "date"))
        var identityReceived: DayArgument?
        @Option(help: "The reasonable doubt about the person's identity (Art. 12(6)).") var doubt: String?
        @Option(help: "Art. 12(5): the request is manifestly unfounded or excessive.") var abuse: ManifestAbuse.Ground?
        @Option(name: .customLong("abuse-reasoning"), help: "Art. 12(5): what shows it.") var abuseReasoning: String?
        @Option(help: "Art. 19: told, no-recipient or impossible.") var recipients: RecipientNotification.Kind?
        @Option(name: .customLong("recipients-on"), help: ArgumentHelp("The day of --recipients (default: today).", valueName: "date"))
        var recipientsOn: DayArgument?
        @Option(help: ArgumentHelp("How long the record is kept after the answer: 5y, 18m… (default 5 years).", valueName: "duration"))
        var retention: DurationArgument?
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if abuseReasoning != nil && abuse == nil { throw ValidationError("--abuse-reasoning goes with --abuse") }
            if recipientsOn != nil && recipients == nil { throw ValidationError("--recipients-on goes with --recipients") }
        }

        func run() throws {
            let today = RequestCommand.today(change)
            try RequestCommand.edit(id, change, language) { request in
                if let person { request.person = person }
                if let received { request.receipt.day = received.day }
                if let channel { request.receipt.channel = channel }
                if let service { request.receipt.service = service }
                if !right.isEmpty { request.rights = right }
                for id in activity where !request.activities.contains(id) { request.activities.append(id) }
                request.unregisteredProcessing += unregistered
                if let identityAsked {
                    request.identity = IdentityVerification(asked: identityAsked.day, received: request.identity?.received, doubt: request.identity?.doubt)
                }
                if identityReceived != nil || doubt != nil {
                    guard var identity = request.identity else {
                        throw CommandError(.unreadableInput, LocalizedText(
                            fr: "--identity-received, --doubt : la demande d'informations d'identité n'est pas enregistrée (--identity-asked)",
                            en: "--identity-received, --doubt: no identity question is recorded (--identity-asked)"))
                    }
                    if let identityReceived { identity.received = identityReceived.day }
                    if let doubt { identity.doubt = doubt }
                    request.identity = identity
                }
                if let abuse { request.manifestAbuse = ManifestAbuse(ground: abuse, reasoning: abuseReasoning ?? request.manifestAbuse?.reasoning) }
                if let recipients { request.recipients = RecipientNotification(kind: recipients, day: recipientsOn?.day ?? today) }
                if let retention {
                    guard retention.period.length.unit != .hours, !retention.period.workingDays else {
                        throw CommandError(.unreadableInput, LocalizedText(
                            fr: "--retention : une durée en jours, semaines, mois ou années est attendue",
                            en: "--retention: expected a duration in days, weeks, months or years"))
                    }
                    request.retention = retention.period.length
                }
            }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extend by two further months (Art. 12(3)): the reason, and the day the person was told.",
            discussion: "The extension counts only when decided and told to the person within the first month."
        )

        @Argument(help: "The request.") var id: String
        @Option(help: "Why: the complexity or the number of requests.") var reason: String
        @Option(help: ArgumentHelp("The day the extension was decided (default: today).", valueName: "date")) var decided: DayArgument?
        @Option(help: ArgumentHelp("The day the person was told of it and its reasons.", valueName: "date")) var told: DayArgument?
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let today = RequestCommand.today(change)
            try RequestCommand.edit(id, change, language) { request in
                request.extended = RequestExtension(decided: decided?.day ?? today, reason: reason, personTold: told?.day ?? request.extended?.personTold)
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the answer: its day and outcome; for a refusal or a partial answer, the reason, the exception and the remedies (Art. 12(4))."
        )

        @Argument(help: "The request.") var id: String
        @Option(help: "granted, partly or refused.") var outcome: RequestAnswer.Outcome
        @Option(help: ArgumentHelp("The day the answer was sent (default: today).", valueName: "date")) var sent: DayArgument?
        @Option(help: "Why the request was not granted in full.") var reason: String?
        @Option(help: "The exception relied on (Art. 15(4), Art. 17(3), Art. 23 and the national law…).") var exception: String?
        @Flag(name: .customLong("remedies-given"), help: "The answer told the person of the complaint to the supervisory authority and the judicial remedy.")
        var remediesGiven = false
        @OptionGroup var change: ChangeOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let today = RequestCommand.today(change)
            try RequestCommand.edit(id, change, language) { request in
                request.answer = RequestAnswer(sent: sent?.day ?? today, outcome: outcome, reason: reason, exception: exception, remediesGiven: remediesGiven)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the requests with their clock: due day and state.")

        @OptionGroup var input: RegisterInput
        @Option(help: ArgumentHelp("Only this controller's requests.", valueName: "id")) var controller: String?
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let moment = now.moment
            func list(_ request: DataSubjectRequest, _ parties: Register) throws {
                guard controller.map({ $0 == request.controller }) ?? true else { return }
                try Console.out(RequestText.line(request, in: parties, now: moment, language: language.language))
            }
            guard input.file == nil, input.asOf == nil else {
                let register = try input.read(only: [.register, .organisation, .request])
                for request in register.requests { try list(request, register) }
                return
            }
            // From the database, streamed: the organisations (their calendars) first, then each request as it
            // is read, in one read transaction, so that 100,000 requests are never held at once.
            try input.store.open(.readOnly).read { reading in
                var parties = Register()
                try reading.entries(only: [.register, .organisation]) { parties.append($0) }
                try reading.entries(only: [.request]) { entry in
                    if case .request(let request) = entry { try list(request, parties) }
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a request: its clock, its answer, and for access what Art. 15(1) asks, from the register's activities."
        )

        @Argument(help: "The request.") var id: String
        @OptionGroup var input: RegisterInput
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption

        func run() throws {
            let register = try input.read(around: EntityKey(.request, id))
            let request = try Lookup.one(register.requests, id: id, kind: .request, in: input.name)
            try Console.out(RequestText.show(request, in: register, now: now.moment, language: language.language))
        }
    }
}

extension RequestCommand.Open: LanguageChoosing {}
extension RequestCommand.Update: LanguageChoosing {}
extension RequestCommand.Extend: LanguageChoosing {}
extension RequestCommand.Answer: LanguageChoosing {}
extension RequestCommand.List: LanguageChoosing {}
extension RequestCommand.Show: LanguageChoosing {}
