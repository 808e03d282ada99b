import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// The kept findings carry the version of the rules that judged them: a registre whose rules find
/// differently judges every entry again when it opens the database for writing, and `verify` never names
/// as tampering what only the rules changed.
@Suite("Kept findings: the rules that judged them")
struct KeptFindingRulesTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    /// What the rules keep for a register (each entry's rows, in a stable order), hashed (FNV-1a).
    static func digest(_ register: Register) -> UInt64 {
        var lines: [String] = []
        for (key, rows) in KeptFinding.rows(ofParties: register) {
            lines += rows.map { "\(key) \($0.code) \($0.severity) \($0.organisation) \($0.due ?? "")" }
        }
        for activity in register.activities {
            lines += KeptFinding.rows(of: activity, amongParties: register)
                .map { "activity:\(activity.id) \($0.code) \($0.severity) \($0.organisation) \($0.due ?? "")" }
        }
        return Array(lines.sorted().joined(separator: "\n").utf8).reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// When `check` finds differently, the findings databases keep are another's: the version must change
    /// with what the rules find, or a database would keep (and `verify` accept) the old rules' findings.
    @Test("the rules' version is pinned to what they find on the samples and generated registers")
    func versionFollowsTheRules() throws {
        var registers = try Repository.sampleRegisters.map { try RegisterReader.read(file: $0) }
        for seed in 0..<8 {
            var generator = RegisterGenerator(seed: UInt64(seed))
            registers.append(generator.register())
        }
        let digest = registers.map(Self.digest).reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* 0x100_0000_01b3 }
        let pinned: [Int: UInt64] = [1: 0x1b3a_95ea_e74a_44b7]
        #expect(
            digest == pinned[KeptFindingRules.version],
            "check finds differently: increase KeptFindingRules.version and pin \(String(digest, radix: 16)) under it")
    }

    @Test("findings judged by other rules: verify does not call them tampered; opening for writing judges them again")
    func otherRules() throws {
        let path = scratch.path("registre.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
        let judged = try KeptFindingTests.stored(path).timeless
        #expect(!judged.isEmpty)
        // As an older registre would have left them: other rows, stamped with another version.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM finding WHERE rowid IN (SELECT rowid FROM finding LIMIT 3)")
            try db.execute(sql: "UPDATE finding_rules SET version = 0")
        }
        let older = try RegisterStore(path: path, mode: .readOnly)
        #expect(try older.journal.verify().isIntact, "findings of other rules are not this registre's to compare")
        _ = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        #expect(try KeptFindingTests.stored(path).timeless == judged, "judged again on opening for writing")
        #expect(try DatabaseQueue(path: path).read { try KeptFindingRules.stored($0) } == KeptFindingRules.version)
        // Of this registre's rules again, a row removed behind its back is named.
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "DELETE FROM finding WHERE rowid IN (SELECT rowid FROM finding LIMIT 1)") }
        #expect(!(try RegisterStore(path: path, mode: .readOnly).journal.verify().isIntact))
    }
}
