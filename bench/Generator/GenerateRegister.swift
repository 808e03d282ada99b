// registre-generate: writes a large, realistic, reproducible register for the benchmarks and the scale
// tests. Not part of the library: a tool of the repository.
//
//     bench/generate --organisations 1000 --activities 1000000 --seed 48 -o register.xml
//
// Communes with real-looking SIRENs (Luhn-valid), the activities a commune keeps (civil status, school
// canteen, town planning, HR…), shared processors under agreements, a few transfers under standard
// clauses, about one breach per thousand activities, and --requests requests of the people (access,
// erasure…: about one in ten answered late, some extended, refused, held excessive). The output streams to the file, so that any
// size is written in flat memory, and validates against Docs/registre.xsd.
//
// --topology structure makes the communes the members of one mutualisation structure (a centre de
// gestion) that offers --models model activities; each member follows nine models in ten, and words
// some items itself (one in five adds a recipient, one in ten keeps its own retention period, half of
// those shorter than the model's, which `model drift` reports). The structure's agreement with the ANCT
// carries a pending change of sub-processor, which opens a window for each member that uses the ANCT.
//
//     bench/generate --topology structure --organisations 500 --models 40 --activities 0 -o cdg.xml
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
    @Option(help: "flat (independent communes) or structure (the communes are members of one structure).")
    var topology: Topology = .flat
    @Option(help: "With --topology structure: how many model activities the structure offers.") var models: Int = 40
    @Option(help: "How many requests of the people (Art. 15 to 22), spread over the communes.") var requests: Int = 0

    enum Topology: String, ExpressibleByArgument { case flat, structure }

    func validate() throws {
        guard organisations > 0, activities >= 0 else { throw ValidationError("expected at least one organisation") }
        guard models >= 0 else { throw ValidationError("--models: expected a number of models, 0 or more") }
        guard requests >= 0 else { throw ValidationError("--requests: expected a number of requests, 0 or more") }
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
        let communes = (0..<organisations).map { Catalogue.commune($0).id }
        let structure = Catalogue.structure(members: communes)
        if topology == .structure { try writer.write(.organisation(structure)) }
        for index in 0..<organisations { try writer.write(.organisation(Catalogue.commune(index))) }
        if topology == .structure {
            let models = (0..<models).map { Catalogue.model($0, structure: structure.id, random: &random) }
            for model in models { try writer.write(.activity(model)) }
            for commune in communes {
                for model in models where random.next() % 10 != 0 {
                    try writer.write(.activity(try Catalogue.following(model, member: commune, random: &random)))
                }
            }
        }
        for index in 0..<activities {
            let controller = communes[index % communes.count]
            try writer.write(.activity(Catalogue.activity(index, controller: controller, random: &random)))
        }
        if topology == .structure { try writer.write(.agreement(Catalogue.structureAgreement(structure.id))) }
        for (index, controller) in communes.enumerated() where index < 1000 {
            try writer.write(.agreement(Catalogue.agreement(for: controller, processor: processors[index % processors.count].id)))
        }
        let breaches = max(activities / 1000, activities > 0 ? 1 : 0)
        for index in 0..<breaches {
            try writer.write(.breach(Catalogue.breach(index, controller: communes[index % communes.count], random: &random)))
        }
        try writeRequests(communes, writer)
        try writer.finish()
    }

    /// The requests, from a random stream of their own: a seed gives the same activities, agreements and
    /// breaches with or without them. Each concerns an activity of its commune (`act-N`, N the commune's
    /// index modulo the communes) when the commune has one.
    private func writeRequests(_ communes: [EntityID], _ writer: RegisterStreamWriter) throws {
        var random = SeededRandom(seed: seed ^ 0x5EED_0027_0000_0015)
        let perCommune = activities / communes.count
        for index in 0..<requests {
            let commune = index % communes.count
            let activity = perCommune > 0 ? "act-\(commune + communes.count * Int(random.next() % UInt64(perCommune)))" : nil
            try writer.write(.request(Catalogue.request(index, controller: communes[commune], activity: activity, random: &random)))
        }
    }
}
