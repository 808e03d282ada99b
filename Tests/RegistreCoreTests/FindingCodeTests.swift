import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Finding codes")
struct FindingCodeTests {
    /// Every `public static let name = FindingCode(rawValue: "CODE")` of the source, in its order: the
    /// constants as a reader of the code sees them, which no run-time list could miss.
    static func constants() throws -> [(name: String, code: String)] {
        let source = try String(contentsOfFile: Repository.path("Sources/RegistreCore/Checks/FindingCode.swift"), encoding: .utf8)
        let constant = /public static let (\w+) = FindingCode\(rawValue: "([^"]+)"\)/
        return source.matches(of: constant).map { (String($0.output.1), String($0.output.2)) }
    }

    /// The codes of `Docs/checks.md`'s tables.
    static func documentedCodes() throws -> [String] {
        let text = try String(contentsOfFile: Repository.path("Docs/checks.md"), encoding: .utf8)
        return text.matches(of: /^\| `([A-Z0-9-]+)` \|/.anchorsMatchLineEndings()).map { String($0.output.1) }
    }

    @Test("every constant is unique, named after its code, and documented in Docs/checks.md")
    func constantsAreUniqueAndDocumented() throws {
        let constants = try Self.constants()
        #expect(constants.count == 96)
        #expect(Set(constants.map(\.name)).count == constants.count, "a name used twice")
        #expect(Set(constants.map(\.code)).count == constants.count, "a code used twice")
        for (name, code) in constants {
            #expect(name == code.lowercased().replacingOccurrences(of: "-", with: "_"), "\(name) does not read as \(code)")
        }
        let documented = try Self.documentedCodes()
        #expect(Set(documented).count == documented.count, "Docs/checks.md lists a code twice")
        #expect(Set(constants.map(\.code)) == Set(documented))
    }

    @Test("every rule of registre's has a constant for its code, each constant one rule")
    func everyRuleHasItsConstant() throws {
        let constants = Set(try Self.constants().map(\.code))
        let rules = RegisterCheck.rules.map(\.code.rawValue)
        #expect(Set(rules) == constants)
        #expect(rules.count == Set(rules).count, "two rules share a code")
        #expect(Set(RegisterCheck.breachTimelineRules.map(\.code.rawValue)).isSubset(of: constants))
        #expect(Set(RegisterCheck.auditTimelineRules.map(\.code.rawValue)).isSubset(of: constants))
    }

    @Test("a code prints, and writes, as its raw value")
    func printsAsRawValue() {
        #expect(FindingCode.art33_1_overdue.description == "ART33-1-OVERDUE")
        #expect("\(FindingCode.art30_1_a_dpo)" == "ART30-1-A-DPO")
        #expect(FindingCode(rawValue: "ART30-1-A-DPO") == .art30_1_a_dpo)
        #expect(FindingCode(rawValue: "ART30-1-A-DPO ") != .art30_1_a_dpo)
    }
}
