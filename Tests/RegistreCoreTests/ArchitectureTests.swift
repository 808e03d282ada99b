import Foundation
import RegistreTestSupport
import Testing

/// The import rules of Docs/architecture.md, read from its table and held against every `import` of the
/// tree, so that the map cannot drift from the code.
@Suite("Architecture")
struct ArchitectureTests {
    @Test("Every module imports only what Docs/architecture.md allows it")
    func importsFollowTheRules() throws {
        let rules = try ImportRules(markdown: String(contentsOfFile: Repository.path("Docs/architecture.md"), encoding: .utf8))
        #expect(rules.modules.count >= 8, "the table of Docs/architecture.md was not found or is cut short")
        var checkedFiles = 0
        for module in rules.modules {
            let folder = Repository.root.appending(path: module.folder)
            // A row may come before its module (a module being added on another branch); a folder of
            // Sources/ without a row is caught below.
            guard FileManager.default.fileExists(atPath: folder.path()) else { continue }
            for file in try Self.swiftFiles(under: folder) {
                let source = try String(contentsOf: file, encoding: .utf8)
                checkedFiles += 1
                for violation in rules.violations(of: module, in: source) {
                    Issue.record("\(file.path()):\(violation.line): \(module.name) imports \(violation.module), which Docs/architecture.md does not allow it")
                }
            }
        }
        #expect(checkedFiles > 100)
    }

    @Test("Every folder of Sources/ has its row in the import rules")
    func everyModuleHasARule() throws {
        let rules = try ImportRules(markdown: String(contentsOfFile: Repository.path("Docs/architecture.md"), encoding: .utf8))
        let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Sources")).filter { !$0.hasPrefix(".") }
        let ruled = Set(rules.modules.map(\.folder))
        for folder in folders.sorted() {
            #expect(ruled.contains("Sources/\(folder)"), "Sources/\(folder) has no row in Docs/architecture.md's import rules")
        }
    }

    @Test("The README's layout table names every top folder and every module folder")
    func readmeLayoutIsComplete() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let layout = readme.components(separatedBy: "## Layout").dropFirst().first ?? ""
        let named = layout.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { String($0.split(separator: "|")[0]) }.joined()
        // Hidden folders (git's, SwiftPM's, editors') and those .gitignore names (out/, .build-fuzz/) are a
        // checkout's, not the repository's.
        let gitignore = try String(contentsOfFile: Repository.path(".gitignore"), encoding: .utf8)
        let ignored = gitignore.split(separator: "\n").filter { $0.hasSuffix("/") }.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        let tracked = try FileManager.default.contentsOfDirectory(atPath: Repository.root.path())
            .filter { name in
                var isFolder: ObjCBool = false
                return !name.hasPrefix(".") && !ignored.contains { pattern in
                    pattern.hasSuffix("*") ? name.hasPrefix(pattern.dropLast()) : name == pattern
                }
                    && FileManager.default.fileExists(atPath: Repository.path(name), isDirectory: &isFolder) && isFolder.boolValue
            }
        let modules = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Sources")).map { "Sources/\($0)" }
        for folder in (tracked.filter { $0 != "Sources" } + modules).sorted() {
            #expect(named.contains("`\(folder)"), "README.md's layout table does not name \(folder)")
        }
    }

    @Test("A forbidden import is found, with its line; allowed ones and the toolchain's are quiet")
    func rulesFireAndStayQuiet() throws {
        let rules = try ImportRules(markdown: """
            <!-- architecture-rules -->
            | module | folder | may import |
            | --- | --- | --- |
            | RegistreCore | `Sources/RegistreCore` | |
            | RegistreXML | `Sources/RegistreXML` | RegistreCore, CLibXML2 |
            <!-- end of architecture-rules -->
            """)
        let xml = try #require(rules.modules.first { $0.name == "RegistreXML" })
        let core = try #require(rules.modules.first { $0.name == "RegistreCore" })
        let allowed = """
            public import Foundation
            @preconcurrency internal import CLibXML2
            import struct RegistreCore.Register
            // import RegistreStore (a comment, not an import)
            let text = "import RegistreDesk"
            """
        #expect(rules.violations(of: xml, in: allowed).isEmpty)
        let forbidden = """
            import Foundation
            package import RegistreStore
            @testable import RegistreDesk
            """
        #expect(rules.violations(of: xml, in: forbidden).map(\.module) == ["RegistreStore", "RegistreDesk"])
        #expect(rules.violations(of: xml, in: forbidden).map(\.line) == [2, 3])
        #expect(rules.violations(of: core, in: "import Synchronization\nimport RegistreXML\n").map(\.module) == ["RegistreXML"])
    }

    static func swiftFiles(under folder: URL) throws -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }
}

/// The table "module | folder | may import" of Docs/architecture.md, between its two marker comments.
struct ImportRules {
    struct Module {
        let name: String
        let folder: String
        let mayImport: Set<String>
    }

    /// The toolchain's modules, which any module may import.
    static let toolchain: Set<String> = ["Foundation", "FoundationEssentials", "Dispatch", "Synchronization", "Glibc", "Darwin", "os"]

    let modules: [Module]

    init(markdown: String) throws {
        let start = try #require(markdown.range(of: "<!-- architecture-rules"))
        let end = try #require(markdown.range(of: "<!-- end of architecture-rules -->"))
        let rows = markdown[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("|") }.dropFirst(2)
        modules = rows.map { row in
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            return Module(
                name: cells[0], folder: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                mayImport: Set(cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            )
        }
    }

    /// The imports of `source` that `module` may not make: the module imported and its line (from 1).
    func violations(of module: Module, in source: String) -> [(module: String, line: Int)] {
        source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard let imported = Self.imported(by: line), imported != module.name,
                !module.mayImport.contains(imported), !Self.toolchain.contains(imported)
            else { return nil }
            return (imported, index + 1)
        }
    }

    /// The module an `import` line names (`Foo` for `@testable public import struct Foo.Bar`), or nil.
    static func imported(by line: Substring) -> String? {
        var words = line.split(whereSeparator: \.isWhitespace)[...]
        while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal", "fileprivate", "private"].contains(first) {
            words = words.dropFirst()
        }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(kind) {
            words = words.dropFirst()
        }
        return words.first.map { String($0.split(separator: ".")[0]) }
    }
}
