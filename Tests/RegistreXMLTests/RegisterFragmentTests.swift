import Foundation
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("The XML of one entry, as the register of record keeps it")
struct RegisterFragmentTests {
    /// FNV-1a, 64 bits: a digest that is the same on every run (Swift's `Hasher` is seeded per process).
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// The entries of generated registers (every element the generator knows), one fragment after the other.
    /// A generated register without the items the generator draws from its second stream (contract terms,
    /// safeguards stated as written, processor recipients' agreements): the registers the pin was taken on,
    /// so that the pin still shows the writer writes what it wrote before to the same bytes.
    static func withoutLaterItems(_ register: Register) -> Register {
        var register = register
        register.reviewPeriod = nil
        for index in register.agreements.indices {
            register.agreements[index].terms = []
            register.agreements[index].reversibilityRequested = nil
        }
        for index in register.activities.indices {
            for transfer in register.activities[index].transfers.indices { register.activities[index].transfers[transfer].statedSafeguard = nil }
            for recipient in register.activities[index].recipients.indices { register.activities[index].recipients[recipient].agreement = nil }
        }
        for index in register.processorRecords.indices {
            for transfer in register.processorRecords[index].transfers.indices {
                register.processorRecords[index].transfers[transfer].statedSafeguard = nil
            }
        }
        return register
    }

    static func fragments() throws -> [UInt8] {
        var all: [UInt8] = []
        for seed in 0..<50 {
            var generator = RegisterGenerator(seed: UInt64(seed))
            for entry in Self.withoutLaterItems(generator.register()).entries { all += try RegisterFragment.bytes(of: entry) ?? [] }
        }
        return all
    }

    @Test("a sample is its start, each entry's fragment in order, and its end", arguments: Repository.sampleRegisters)
    func documentOfFragments(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var body: [UInt8] = []
        for entry in try RegisterReader.read(file: file).entries { body += try #require(try RegisterFragment.bytes(of: entry)) }
        let open = try #require(text.range(of: "<register"))
        let start = try #require(text.range(of: ">\n", range: open.lowerBound..<text.endIndex)).upperBound
        let end = try #require(text.range(of: "</register>\n", options: .backwards)).lowerBound
        #expect(String(decoding: body, as: UTF8.self) == String(text[start..<end]))
        // Non-ASCII text in attributes is written as it is, as in the whole document.
        #expect(!String(decoding: body, as: UTF8.self).contains("&#x"))
    }

    @Test("a breach has none: its instants are written on another entry's time zone")
    func breachHasNone() throws {
        let breach = Breach(id: "b-1", title: "Courriel mal adressé", controller: "mende",
                            aware: Date(timeIntervalSince1970: 1_790_000_000), nature: [.confidentiality])
        #expect(try RegisterFragment.bytes(of: .breach(breach)) == nil)
        #expect(try RegisterFragment.bytes(of: .title(nil)) == [])
    }

    /// When the writer writes an entry differently, the fragments a database keeps are stale: the version
    /// must change with the bytes, or export would copy XML of the old format.
    @Test("the fragments' version is pinned to the bytes the writer makes for generated registers")
    func versionFollowsTheWriter() throws {
        let pinned: [Int: UInt64] = [1: 0x32ce_1853_88bf_dab4]
        let digest = Self.digest(try Self.fragments())
        #expect(
            digest == pinned[RegisterFragment.version],
            "the writer's output changed: increase RegisterFragment.version and pin the new digest under it")
    }
}
