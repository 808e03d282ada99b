import ArgumentParser
import RegistreCore

/// The forms a command can print its result in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, xml
}

/// Options every command that prints for people shares.
struct LanguageOption: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case fr, en
    }

    @Option(name: .customLong("lang"), help: "Language of the text output: fr or en.")
    var choice: Choice = .fr

    var language: Language { Language(rawValue: choice.rawValue) ?? .fr }
}
