import ArgumentParser
import RegistreCore
import RegistreReports
import RegistreStore
import RegistreXML

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the journal of changes, of the whole register or of one entry.",
        discussion: """
            Each change: when it was written (UTC), when the person said it took effect (--now) if \
            that differs, who, which entry, and each field as the printed register names it, before \
            and after, with dates as dates. A journal of any length is printed one entry at a time.
            """
    )

    @Argument(help: "The id of an entry of the register (default: every entry).")
    var entity: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or xml.")
    var format: OutputFormat = .text

    @OptionGroup var language: LanguageOption
    @OptionGroup var progress: ProgressOption

    func run() throws {
        let database = try store.open(.readOnly)
        let language = language.language
        switch format {
        case .text:
            let count = try database.journal.count(entity: entity)
            let line = progress.line(LocalizedText(fr: "Journal", en: "Journal"), total: count, language: language)
            defer { line.finish() }
            var pending = HistoryTextReport.heading(count: count, source: entity ?? store.path, language: language)
            try database.journal.forEach(entity: entity) { entry in
                pending += HistoryTextReport.entry(entry, language: language)
                line.advance()
                // Written in chunks: one write per entry would cost a system call each.
                if pending.utf8.count >= 1 << 16 {
                    line.finish()
                    try Console.out(pending)
                    pending = ""
                }
            }
            line.finish()
            try Console.out(pending)
        case .xml:
            try HistoryWriter.stream(entity: entity, to: { try Console.writeOut($0) }) { write in
                try database.journal.forEach(entity: entity, write)
            }
        }
    }
}
