import Foundation
@testable import RegistreReports
import RegistreCore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Line folding")
struct TextWrappingTests {
    @Test("a short line is left alone")
    func short() {
        #expect(TextWrapping.wrap(line: "  - court", width: 20) == "  - court")
    }

    @Test("a bullet continues under its text")
    func bullet() {
        let wrapped = TextWrapping.wrap(line: "  - un deux trois quatre cinq six", width: 16)
        #expect(wrapped == "  - un deux\n    trois quatre\n    cinq six")
    }

    @Test("a label continues under its value")
    func label() {
        let wrapped = TextWrapping.wrap(line: "Adresse : 20 avenue de Ségur Paris", width: 22)
        #expect(wrapped == "Adresse : 20 avenue de\n          Ségur Paris")
    }

    @Test("a word longer than the width is never cut")
    func longWord() {
        let word = String(repeating: "x", count: 30)
        #expect(TextWrapping.wrap(line: "  - \(word) fin", width: 20) == "  - \(word)\n    fin")
    }

    @Test("no line of a printed sample is wider than 100 columns unless it is one word", arguments: Repository.sampleRegisters)
    func samples(_ path: String) throws {
        let text = RegisterTextReport.render(try RegisterReader.read(file: path), language: .fr)
        for line in text.split(separator: "\n") where line.count > 100 {
            #expect(line.trimmingPrefix(while: { $0 == " " }).split(separator: " ").count == 1, "too wide: \(line)")
        }
    }
}

@Suite("Templates")
struct TemplateTests {
    @Test("every template of Templates/ exists in both languages", arguments: ["register", "findings", "history", "matrix", "subprocessors", "audit-notice", "deadlines", "breach-report", "breach-register", "model-drift", "model-propagation", "members"])
    func bothLanguages(_ name: String) throws {
        for language in Language.allCases {
            let path = Repository.path("Templates/\(name).\(language.rawValue).mustache")
            #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Templates"))
        #expect(files.count == 24)
    }
}
