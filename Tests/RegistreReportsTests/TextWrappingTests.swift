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

    @Test("a line starting with more than 100 columns of spaces or tree branches folds without a trap", arguments: [" ", "─", "│"])
    func wideMargin(_ margin: String) {
        let line = String(repeating: margin, count: 150) + "début " + String(repeating: "mot ", count: 40) + "fin"
        let wrapped = TextWrapping.wrap(line, width: 100)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        // The margin stays with the first word; every word is still there, in order.
        #expect(lines[0] == Substring(String(repeating: margin, count: 150) + "début"))
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { !$0.allSatisfy { $0 == Character(margin) } }.count == 42)
    }

    @Test("a margin wider than the width, with no space after it, is left as it is")
    func marginOnly() {
        let line = String(repeating: " ", count: 120) + "x"
        #expect(TextWrapping.wrap(line, width: 100) == line)
    }

    @Test("a 2 MiB field folds into lines of at most 100 columns, every word kept in order")
    func hugeField() {
        let word = "données"
        let count = 2 * 1024 * 1024 / (word.utf8.count + 1)
        let field = Array(repeating: word, count: count).joined(separator: " ")
        let wrapped = TextWrapping.wrap("   Description               : " + field)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 31) + word) })
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).count == count + 2)
    }

    @Test("a text whose lines all fit is handed back as it is; one that has a wide line folds that line only")
    func fitsInBytes() {
        let short = "Titre\n  - un deux trois\n\n   Adresse : Mairie, place de la République\n"
        #expect(!TextWrapping.needsFolding(short, width: 100))
        #expect(TextWrapping.wrap(short) == short)
        let wide = "  - " + Array(repeating: "mot", count: 40).joined(separator: " ")
        let text = short + wide + "\nfin"
        #expect(TextWrapping.needsFolding(text, width: 100))
        #expect(TextWrapping.wrap(text) == short + TextWrapping.wrap(line: wide, width: 100) + "\nfin")
        #expect(TextWrapping.wrap(text) != text)
    }

    @Test("a line of few characters but more bytes than the width, or a carriage return, takes the folding path")
    func bytesAreNotCharacters() {
        // 60 characters of two bytes each: wider in bytes, not in characters; left as it is either way.
        let accented = String(repeating: "é", count: 60)
        #expect(TextWrapping.needsFolding(accented, width: 100))
        #expect(TextWrapping.wrap(accented) == accented)
        // "\r\n" is one character, not a line break: the line around it is as wide as both halves.
        let halves = String(repeating: "a ", count: 30) + "\r\n" + String(repeating: "b ", count: 30)
        #expect(TextWrapping.needsFolding(halves, width: 100))
        #expect(TextWrapping.wrap(halves) == TextWrapping.wrap(line: halves, width: 100))
    }

    @Test("a table cell of 2 MiB wraps into lines of its width")
    func hugeCell() {
        let field = Array(repeating: "mot", count: 500_000).joined(separator: " ")
        let lines = TextTable.wrap(field, width: 30)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.joined(separator: " ") == field)
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
    @Test("every template of Templates/ exists in both languages, the printed register's pieces among them")
    func bothLanguages() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Templates")).filter { $0.hasSuffix(".mustache") }
        var languagesByName: [String: Set<String>] = [:]
        for file in files {
            let parts = file.split(separator: ".")
            guard parts.count == 3 else { Issue.record("\(file): expected NAME.LANGUAGE.mustache"); continue }
            languagesByName[String(parts[0]), default: []].insert(String(parts[1]))
        }
        for (name, languages) in languagesByName {
            #expect(languages == Set(Language.allCases.map(\.rawValue)), "\(name): \(languages.sorted())")
        }
        for name in ["register-head", "register-controller", "register-activity", "register-processors", "history", "history-entry",
                     "findings", "matrix", "subprocessors", "audit-notice", "deadlines", "breach-report", "breach-register",
                     "model-drift", "model-propagation", "members"] {
            #expect(languagesByName[name] != nil, "missing \(name)")
        }
    }
}

@Suite("Line folding by scalars")
struct ScalarFoldingTests {
    /// Lines of labels, bullets, colons, runs of spaces, long words and French punctuation, from a seed.
    func line(_ seed: Int) -> String {
        let pieces = ["  - ", "Adresse", " : ", ": ", "  ", " ", "—", "«", "»", "’", "…", "données", "œuvre", "é", "-", ":",
                      String(repeating: "x", count: 30), "Catégories de données personnelles (art. 30(1)(c))", "a", "ÀÉÎÕÜ"]
        var state = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var line = ""
        for _ in 0..<(20 + seed % 60) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            line += pieces[Int(state >> 33) % pieces.count]
        }
        return line
    }

    @Test("a line of simple scalars folds exactly as when read as characters", arguments: [20, 40, 100])
    func sameAsCharacters(width: Int) {
        for seed in 0..<400 {
            let line = line(seed)
            #expect(TextWrapping.simpleScalars(of: line) != nil)
            #expect(TextWrapping.wrap(line: line, width: width) == TextWrapping.wrap(characters: line, width: width), "\(seed)")
        }
    }

    @Test("a line with a combining mark, a soft hyphen, a joiner or a tree branch is read as characters")
    func otherLines() {
        for line in ["e\u{301}", "co\u{AD}opération", "👩\u{200D}💻", "│  ├─ ", "\r\n", "الاسم"] {
            #expect(TextWrapping.simpleScalars(of: line) == nil, "\(line.unicodeScalars.map(\.value))")
        }
        let combining = String(repeating: "Cate\u{301}gorie : donne\u{301}es ", count: 10)
        #expect(TextWrapping.wrap(line: combining, width: 40) == TextWrapping.wrap(characters: combining, width: 40))
    }
}
