import ArgumentParser
import RegistreCore
import RegistreDocuments
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the register, or the register of breaches.",
        subcommands: [RegisterExport.self, BreachesExport.self],
        defaultSubcommand: RegisterExport.self
    )
}

struct BreachesExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaches",
        abstract: "Export the register of breaches (Art. 33(5)): every breach, notified or not."
    )

    @OptionGroup var input: RegisterInput

    @Option(help: "Output format: xml or text.")
    var format: OutputFormat

    @OptionGroup var now: NowOption
    @OptionGroup var language: LanguageOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        let moment = now.moment
        let register = try input.read()
        let bytes: [UInt8] =
            switch format {
            case .xml: try BreachReportWriter.breachRegister(register)
            case .text: Array(BreachRegisterReport.render(register, now: moment, language: language.language).utf8)
            }
        try Output.deliver(bytes, to: output)
    }
}

struct RegisterExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Export a register as XML (exchange, archive) or as text (to read, print, hand over).",
        discussion: """
            The text register follows the CNIL's register model: per controller, one section per \
            activity, every Art. 30 heading present even when nothing is recorded under it. \
            --format odt writes the same content as an OpenDocument text; --format ods a spreadsheet in \
            the layout of the CNIL's model (list of processings, one record sheet per activity), which \
            `registre import` reads back; --format jsonld the register and its breaches in the W3C Data \
            Privacy Vocabulary (DPV). \
            --controller keeps one organisation's register only: the activities it records as \
            controller or joint controller and its records as a processor. \
            --each-member -o DIR writes the register of each member of a mutualisation structure, what \
            --controller gives, into DIR as MEMBER.xml (.txt, .ods, .odt, .jsonld): all files or none. \
            --members-of STRUCTURE keeps the registers of the structure and of its members together, in \
            one document.
            """
    )

    @OptionGroup var input: RegisterInput

    @Option(help: "Output format: xml, text, ods (spreadsheet in the CNIL model's layout), odt (text document) or jsonld (W3C DPV).")
    var format: RegisterExportFormat

    @OptionGroup var language: LanguageOption

    @Option(help: ArgumentHelp("Export only this organisation's register.", valueName: "id"))
    var controller: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (with --each-member: this directory).", valueName: "path"))
    var output: String?

    @Flag(name: .customLong("each-member"), help: "One file per member of the structure, named by the member's id, in the directory -o.")
    var eachMember = false

    @Option(help: ArgumentHelp("With --each-member: the structure (default: the first organisation that has members).", valueName: "id"))
    var structure: String?

    @Option(name: .customLong("members-of"), help: ArgumentHelp(
        "Export the registers of this mutualisation structure and of its members together, in one document.", valueName: "id"))
    var membersOf: String?

    @OptionGroup var progress: ProgressOption

    func validate() throws {
        if eachMember && output == nil { throw ValidationError("--each-member writes one file per member: give the directory with -o DIR") }
        if eachMember && controller != nil { throw ValidationError("give --each-member or --controller, not both") }
        if structure != nil && !eachMember { throw ValidationError("--structure goes with --each-member") }
        if membersOf != nil && (eachMember || controller != nil) {
            throw ValidationError("give --members-of, --controller or --each-member, one of them")
        }
    }

    func run() throws {
        if eachMember, let output { return try exportEachMember(to: output) }
        if let membersOf { return try exportMembers(of: membersOf) }
        if format == .text || format == .xml || format == .ods, input.file == nil, input.asOf == nil {
            // From the register of record, as the desk's downloads: one read transaction, flat memory.
            return try exportFromStore()
        }
        if format == .xml, controller == nil || input.canBeReadTwice {
            // Straight from the source to the output, one entry at a time, in flat memory. One
            // organisation's register takes a first pass to learn which entries are its own.
            var restriction = controller.map(RegisterRestriction.init(to:))
            if var first = restriction {
                try input.stream { first.observe($0) }
                guard first.organisationExists else { throw Lookup.notFound(.organisation, first.organisation, in: input.name, option: "--controller") }
                restriction = first
            }
            let line = progress.line(LocalizedText(fr: "Export", en: "Exporting"), language: language.language)
            defer { line.finish() }
            try Output.stream(to: output) { sink in
                let writer = try RegisterStreamWriter(sink: sink)
                try input.withEntries { entries in
                    try entries.forEach { entry in
                        line.advance()
                        guard let kept = restriction.map({ $0.admit(entry) }) ?? entry else { return }
                        try writer.write(kept)
                    }
                }
                try writer.finish()
            }
            return
        }
        var register = try input.read()
        if let controller {
            guard register.organisation(controller) != nil else { throw Lookup.notFound(.organisation, controller, in: input.name, option: "--controller") }
            register = register.restricted(to: controller)
        }
        try Output.deliver(try bytes(of: register), to: output)
    }

    /// The register of record as XML, text or a spreadsheet (`RegisterExports`, the same functions as the
    /// desk's downloads), whole or one organisation's.
    private func exportFromStore() throws {
        let database = try input.store.open(.readOnly)
        let line = progress.line(
            format == .text ? LocalizedText(fr: "Registre imprimé", en: "Printed register") : LocalizedText(fr: "Export", en: "Exporting"),
            language: language.language)
        defer { line.finish() }
        do {
            try Output.stream(to: output) { sink in
                switch format {
                case .xml:
                    try RegisterExports.xml(of: database, restrictedTo: controller, progress: { line.advance() }, to: sink)
                case .ods:
                    try RegisterExports.spreadsheet(of: database, restrictedTo: controller, progress: { line.advance() }, to: sink)
                default:
                    try RegisterExports.text(of: database, restrictedTo: controller, language: language.language, progress: { line.advance() }, to: sink)
                }
                line.finish()
            }
        } catch RegisterExports.Refusal.unknownOrganisation(let id) {
            throw Lookup.notFound(.organisation, id, in: input.name, option: "--controller")
        }
    }

    /// The register in the format asked: the function the desk's downloads call.
    private func bytes(of register: Register) throws -> [UInt8] {
        try RegisterDocuments.bytes(of: register, as: format.document, language: language.language)
    }

    /// `--members-of`: the structure's register and its members' together (`RegisterDocuments.structureScope`,
    /// the organisations the desk's document of a structure holds).
    private func exportMembers(of id: String) throws {
        let register = try input.read()
        let chosen = try Lookup.structure(id, among: register.organisations.filter { !$0.members.isEmpty }, in: input.name)
        try Output.deliver(try bytes(of: register.restricted(toAll: RegisterDocuments.structureScope(chosen, in: register))), to: output)
    }

    /// `--each-member`: each member's register, as `--controller MEMBER` gives it, one file per member
    /// named by its id; the directory gets all of them or none.
    private func exportEachMember(to directory: String) throws {
        let register = try input.read()
        let structures = register.organisations.filter { !$0.members.isEmpty }
        let chosen = try Lookup.structure(structure, among: structures, in: input.name)
        let output = try OutputDirectory(path: directory)
        do {
            // The function the desk's archive of the members' documents calls.
            for file in try RegisterDocuments.memberFiles(of: register, structure: chosen, as: format.document, language: language.language) {
                try output.write(file.bytes, named: file.name)
            }
        } catch {
            output.abandon()
            throw error
        }
        try output.commit()
    }
}
