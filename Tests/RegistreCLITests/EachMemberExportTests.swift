import Foundation
import RegistreTestSupport
import RegistreTestTags
import Testing

/// `export --each-member`: one register per member of the CDG48, each what `--controller` gives.
@Suite("Per-member export of a mutualisation structure's registers")
struct EachMemberExportTests {
    let session: CommandSession
    let members = ["mende", "marvejols", "ccas-mende"]

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
    }

    func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("each member's file equals what --controller gives, in every format", .tags(.slow), .skippedInQuickRuns, arguments: ["xml", "text", "ods", "odt"])
    func equalsController(format: String) throws {
        let directory = session.scratch.path("members-\(format)")
        let exported = try session.registre(["export", "--each-member", "--format", format, "-o", directory, "--db", session.db])
        #expect(exported.status == 0, "\(exported.standardError)")
        let suffix = format == "text" ? "txt" : format
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == members.map { "\($0).\(suffix)" }.sorted())
        for member in members {
            let single = session.scratch.path("\(member)-\(format)")
            #expect(try session.registre(["export", "--controller", member, "--format", format, "-o", single, "--db", session.db]).status == 0)
            let file = try contents("\(directory)/\(member).\(suffix)")
            #expect(!file.isEmpty)
            #expect(file == (try contents(single)), "\(member).\(suffix)")
        }
        // From a file too, and into a directory that already exists.
        let again = try session.registre(["export", Repository.suiteTerritoriale, "--each-member", "--format", format, "-o", directory])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try contents("\(directory)/mende.\(suffix)") == (try contents(session.scratch.path("mende-\(format)"))))
    }

    @Test("a failure leaves the directory as it was, with nothing beside it")
    func allOrNothing() throws {
        let directory = session.scratch.path("out")
        try FileManager.default.createDirectory(atPath: "\(directory)/marvejols.xml", withIntermediateDirectories: true)
        let failed = try session.registre(["export", "--each-member", "--format", "xml", "-o", directory, "--db", session.db])
        #expect(failed.status == 2)
        #expect(failed.standardError.contains("marvejols.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["marvejols.xml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.scratch.path("")).filter { $0.hasPrefix(".out.part-") }.isEmpty,
                "the hidden directory is removed")

        let usage = try session.registre(["export", "--each-member", "--format", "xml", "--db", session.db])
        #expect(usage.status == 64, "no -o DIR")
    }
}

/// `export --members-of`: the structure's register and its members' together, in one document.
@Suite("A structure's register and its members' in one document")
struct MembersOfExportTests {
    @Test("every activity of the structure and of its members, no other's; from the database and from the file alike")
    func together() throws {
        let session = try CommandSession()
        #expect(try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-03T09:00"]).status == 0)
        let fromDatabase = try session.registre(["export", "--members-of", "cdg48", "--format", "text", "--db", session.db])
        #expect(fromDatabase.status == 0, "\(fromDatabase.standardError)")
        let fromFile = try session.registre(["export", Repository.suiteTerritoriale, "--members-of", "cdg48", "--format", "text"])
        #expect(fromFile.standardOutput == fromDatabase.standardOutput)
        // Each member's own register is part of it.
        for member in ["mende", "marvejols", "ccas-mende"] {
            let single = try session.registre(["export", "--controller", member, "--format", "xml", "--db", session.db])
            let together = try session.registre(["export", "--members-of", "cdg48", "--format", "xml", "--db", session.db])
            for id in Self.activityIDs(single.standardOutput) {
                #expect(together.standardOutput.contains("id=\"\(id)\""), "\(member): \(id)")
            }
        }
        let refused = try session.registre(["export", "--members-of", "mende", "--format", "text", "--db", session.db])
        #expect(refused.status != 0, "an organisation without members is no structure")
        #expect(try session.registre(["export", "--members-of", "cdg48", "--controller", "mende", "--format", "text", "--db", session.db]).status == 64)
    }

    static func activityIDs(_ xml: String) -> [String] {
        xml.components(separatedBy: "<activity id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
