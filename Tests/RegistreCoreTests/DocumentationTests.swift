import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Documentation")
struct DocumentationTests {
    @Test("Docs/checks.md lists exactly the rules registre runs, with their articles")
    func checksDocumented() throws {
        let text = try String(contentsOfFile: Repository.path("Docs/checks.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        var documented: [String: String] = [:]
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[2]
        }
        #expect(Set(documented.keys) == Set(RegisterCheck.rules.map(\.code.rawValue)))
        for rule in RegisterCheck.rules {
            #expect(documented[rule.code.rawValue] == rule.article, "\(rule.code): the doc says \(documented[rule.code.rawValue] ?? "nothing")")
        }
    }
}
