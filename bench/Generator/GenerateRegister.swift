// registre-generate: writes a large, realistic, reproducible register for the benchmarks and the scale
// tests. Not part of the library: a tool of the repository.
//
//     bench/generate --organisations 1000 --activities 1000000 --seed 48 -o register.xml
//
// Communes with real-looking SIRENs (Luhn-valid), the activities a commune keeps (civil status, school
// canteen, town planning, HR…), shared processors under agreements, a few transfers under standard
// clauses, and about one breach per thousand activities. The output streams to the file, so that any
// size is written in flat memory, and validates against Docs/registre.xsd.
import ArgumentParser
import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML

@main
struct GenerateRegister: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "registre-generate")

    @Option(help: "How many controllers (communes).") var organisations: Int = 100
    @Option(help: "How many activities in total.") var activities: Int = 10_000
    @Option(help: "The seed: the same seed gives the same register.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: "Where to write the register.") var output: String

    func validate() throws {
        guard organisations > 0, activities >= 0 else { throw ValidationError("expected at least one organisation") }
    }

    func run() throws {
        guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
            throw ValidationError("cannot write \(output)")
        }
        defer { try? file.close() }
        var random = SeededRandom(seed: seed)
        let writer = try RegisterStreamWriter { try file.write(contentsOf: $0) }
        try writer.write(.title("Registre de synthèse — \(organisations) organisations, \(activities) activités (graine \(seed))"))
        let processors = Catalogue.processors
        for processor in processors { try writer.write(.organisation(processor)) }
        var communes: [EntityID] = []
        for index in 0..<organisations {
            let commune = Catalogue.commune(index)
            communes.append(commune.id)
            try writer.write(.organisation(commune))
        }
        for index in 0..<activities {
            let controller = communes[index % communes.count]
            try writer.write(.activity(Catalogue.activity(index, controller: controller, random: &random)))
        }
        for (index, controller) in communes.enumerated() where index < 1000 {
            try writer.write(.agreement(Catalogue.agreement(for: controller, processor: processors[index % processors.count].id)))
        }
        let breaches = max(activities / 1000, activities > 0 ? 1 : 0)
        for index in 0..<breaches {
            try writer.write(.breach(Catalogue.breach(index, controller: communes[index % communes.count], random: &random)))
        }
        try writer.finish()
    }
}
