public import ArgumentParser
import Foundation
import RegistreCore
public import RegistreReports
public import RegistreService

extension RequestLetter.Kind: ExpressibleByArgument {}
extension RequestDocuments.LetterFormat: ExpressibleByArgument {}
extension RequestDocuments.RegisterFormat: ExpressibleByArgument {}

extension RequestCommand {
    /// `request document ID --kind acknowledgement|answer`: a letter drafted from the register
    /// (`RequestDocuments.letter`, the function of the desk's downloads).
    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft the acknowledgement of receipt or the answer of a request, from the register (text or ODT).",
            discussion: """
                The acknowledgement states the day of receipt, the day the answer is due (Art. 12(3)) and the \
                question on identity (Art. 12(6)) when one was asked. The answer states the outcome; for access, \
                what Art. 15(1) asks, taken from the activities the request names; when it withholds something, \
                the reason and the complaint and judicial remedy (Art. 12(4)). What the register does not keep \
                (the source, automated decisions) is left "[à compléter]" for you to fill in.
                """
        )

        @Argument(help: "The request.") var id: String
        @Option(help: "acknowledgement or answer.") var kind: RequestLetter.Kind
        @OptionGroup var input: RegisterInput
        @Option(help: "Output format: text or odt.") var format: RequestDocuments.LetterFormat = .text
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        func run() throws {
            let register = try input.read(around: EntityKey(.request, id))
            let request = try Lookup.one(register.requests, id: id, kind: .request, in: input.name)
            try Output.deliver(
                try RequestDocuments.letter(kind, of: request, in: register, as: format, now: now.moment, language: language.language),
                to: output)
        }
    }

    /// `request register`: the register of requests with its counts (`RequestDocuments.register`, the
    /// function of the desk's download), streamed from the register.
    struct RegisterOfRequests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Print the register of requests: one line each with its clock, then counts per right, per outcome and the share answered in time.",
            discussion: """
                --members-of STRUCTURE holds the requests of the structure and of its members, counted per \
                member as well as in all. The share answered in time is taken among the requests whose time \
                has come: answered, or unanswered past their last day.
                """
        )

        @OptionGroup var input: RegisterInput
        @Option(help: "Output format: text, xml or ods.") var format: RequestDocuments.RegisterFormat = .text
        @Option(help: ArgumentHelp("Only this controller's requests.", valueName: "id")) var controller: String?
        @Option(name: .customLong("members-of"), help: ArgumentHelp("The requests of this structure and of its members, counted per member.", valueName: "id"))
        var membersOf: String?
        @OptionGroup var now: NowOption
        @OptionGroup var language: LanguageOption
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        func validate() throws {
            if controller != nil && membersOf != nil { throw ValidationError("give --controller or --members-of, not both") }
        }

        func run() throws {
            let scope: RequestRegister.Scope = controller.map { .controller($0) } ?? membersOf.map { .membersOf($0) } ?? .whole
            let moment = now.moment, words = language.language
            do {
                try Output.stream(to: output) { sink in
                    if input.file == nil, input.asOf == nil {
                        // Organisations and requests only, through the index on kinds: flat at 100,000 requests.
                        try RequestDocuments.register(of: input.store.open(.readOnly), scope: scope, as: format, language: words, now: moment, to: sink)
                    } else {
                        try input.withEntries { entries in
                            try RequestDocuments.register(from: entries, scope: scope, as: format, language: words, now: moment, to: sink)
                        }
                    }
                }
            } catch let unknown as RequestRegister.UnknownScope {
                throw Lookup.notFound(.organisation, unknown.organisation, in: input.name, option: controller != nil ? "--controller" : "--members-of")
            }
        }
    }
}

extension RequestCommand.Document: LanguageChoosing {}
extension RequestCommand.RegisterOfRequests: LanguageChoosing {}
