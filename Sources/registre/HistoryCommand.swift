import ArgumentParser
import RegistreReports
import RegistreStore
import RegistreXML

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the journal of changes, of the whole register or of one entry."
    )

    @Argument(help: "The id of an organisation, activity or processor record (default: every entry).")
    var entity: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or xml.")
    var format: OutputFormat = .text

    @OptionGroup var language: LanguageOption

    func run() throws {
        let database = try store.open(.readOnly)
        let entries = try database.journal(entity: entity)
        switch format {
        case .text:
            Console.out(HistoryTextReport.render(entries, source: entity ?? store.path, language: language.language))
        case .xml:
            Console.out(String(decoding: try HistoryWriter.bytes(of: entries, entity: entity), as: UTF8.self))
        }
    }
}
