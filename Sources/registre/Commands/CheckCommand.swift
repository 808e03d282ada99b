import ArgumentParser
import RegistreCore
import RegistreReports
import RegistreXML

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a register for the gaps a supervisory authority would find.",
        discussion: """
            Reports every missing Art. 30(1) or 30(2) item, transfers out of the EEA without a \
            safeguard, special categories without an Art. 9(2) condition, missing or open-ended \
            retention periods, activities without a legal basis, and activities that meet two or more \
            EDPB criteria for a DPIA with none recorded. Exits 1 when at least one error is found.
            """
    )

    @OptionGroup var input: RegisterInput

    @Option(help: "Output format: text or xml.")
    var format: OutputFormat = .text

    @OptionGroup var now: NowOption
    @OptionGroup var language: LanguageOption
    @OptionGroup var progress: ProgressOption

    func run() throws {
        let moment = now.moment
        // One entry at a time: a register of any size is checked in flat memory. Findings are printed
        // only once the whole input has proved readable.
        // From the database, the organisations, agreements and audits first (by kind, a few): the rules
        // across entries then judge each activity as it streams, and nothing of it is kept.
        // Both from one read transaction: the entries read ahead and those streamed are one state.
        let line = progress.line(LocalizedText(fr: "Vérification", en: "Checking"), language: language.language)
        defer { line.finish() }
        let findings = try input.withEntries(readingAhead: [.register, .organisation, .agreement, .audit]) { ahead, entries in
            var check = StreamingCheck(now: moment, readAhead: ahead)
            try entries.forEach { entry in
                check.consume(entry)
                line.advance()
            }
            line.finish()
            return check.findings
        }
        switch format {
        case .text:
            try Console.out(FindingsTextReport.render(findings, source: input.name, language: language.language))
        case .xml:
            try Console.out(String(decoding: try FindingsWriter.bytes(of: findings, source: input.name), as: UTF8.self))
        }
        if findings.hasErrors { throw ExitStatus.findingsWithErrors }
    }
}
