import Foundation
import RegistreCore
import RegistreDocuments
import RegistreTestSupport
import RegistreXML
import Testing

/// pyld (from PyPI, installed by scripts/setup), the JSON-LD processor the tests hold the export to.
enum PyLD {
    static var isInstalled: Bool {
        (try? CommandRunner.run("/usr/bin/env", ["python3", "-c", "import pyld"]).status) == 0
    }

    /// The document's triples, as N-Quads, expanded by pyld with nothing fetched.
    static func quads(of file: String) throws -> [String] {
        let script = """
            import json, sys
            from pyld import jsonld
            def refuse(url, options=None):
                raise Exception('no fetching: ' + url)
            jsonld.set_document_loader(refuse)
            print(jsonld.to_rdf(json.load(open(sys.argv[1])), {'format': 'application/n-quads'}))
            """
        let result = try CommandRunner.run("/usr/bin/env", ["python3", "-c", script, file])
        guard result.status == 0 else { throw PyLDFailure(message: result.standardError) }
        return result.standardOutput.split(separator: "\n").map(String.init)
    }

    struct PyLDFailure: Error { let message: String }
}

@Suite("DPV as JSON-LD")
struct JSONLDTests {
    @Test("the same register gives the same bytes")
    func deterministic() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        #expect(try RegisterJSONLD.bytes(of: register) == RegisterJSONLD.bytes(of: register))
    }

    @Test("pyld expands the register and its breaches to the expected DPV triples", .enabled(if: PyLD.isInstalled, "pyld is not installed (scripts/setup installs it)"))
    func triples() throws {
        var register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        register.breaches = CompleteRegister.register.breaches
        let folder = try ScratchDirectory()
        let file = folder.path("register.jsonld")
        try Data(try RegisterJSONLD.bytes(of: register)).write(to: URL(fileURLWithPath: file))
        let quads = try PyLD.quads(of: file)
        let dpv = "https://w3id.org/dpv#", gdpr = "https://w3id.org/dpv/legal/eu/gdpr#"
        func has(_ subject: String, _ predicate: String, _ object: String) -> Bool {
            quads.contains { $0.hasPrefix("\(subject) <\(predicate)> \(object)") }
        }
        for activity in register.activities {
            let node = "<urn:registre:activity/\(activity.id)>"
            #expect(has(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "<\(dpv)Process>"), "\(activity.id)")
            #expect(has(node, "\(dpv)hasDataController", "<urn:registre:organisation/\(activity.controller)>"))
            #expect(has(node, "http://purl.org/dc/terms/title", "\"\(activity.name)\""))
            for basis in activity.legalBases {
                #expect(has(node, "\(dpv)hasLegalBasis", "<\(gdpr)A\(basis.basis.rawValue)>"))
            }
        }
        // Personal data typed with the DPV term registre's code names.
        #expect(quads.contains { $0.contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dpv/pd#Identifying>") })
        // The breach register.
        let breach = "<urn:registre:breach/\(register.breaches[0].id)>"
        #expect(has(breach, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "<\(gdpr)DataBreachRecord>"))
        #expect(has(breach, "\(dpv)hasDataController", "<urn:registre:organisation/\(register.breaches[0].controller)>"))
        // Transfers, with their country and mechanism, when the sample has any.
        if let transfer = register.activities.flatMap(\.transfers).first, case .country(let code) = transfer.destination {
            #expect(quads.contains { $0.contains("<\(dpv)hasCountry> <https://w3id.org/dpv/loc#\(code)>") })
        }
    }
}
