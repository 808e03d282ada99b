import Foundation
import PackagePlugin

/// Compiles the package's reference files into the module that needs them, so that the schema and the
/// templates have one source each (`Docs/`, `Templates/`) and the binary never looks for them on disk.
///
/// Each target that uses the plugin names its files in its own `EmbeddedResources.txt` (excluded from
/// the target's sources in Package.swift): one path a line, from the package's root, where the last
/// component may hold one `*` (`Templates/*.mustache`); blank lines and lines starting with `#` are
/// ignored. A target adds a file by adding a line, without the plugin knowing its name. A path that names
/// no file, or a pattern that matches none, stops the build: a misspelt line must not embed nothing.
@main
struct EmbeddedResources: BuildToolPlugin {
    static let listName = "EmbeddedResources.txt"

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        do {
            return try commands(context: context, target: target)
        } catch {
            // SwiftPM reports a thrown error only as "build-tool plugin failures": say which line failed.
            Diagnostics.error("\(error)")
            throw error
        }
    }

    func commands(context: PluginContext, target: any Target) throws -> [Command] {
        let list = target.directoryURL.appending(path: Self.listName)
        guard FileManager.default.fileExists(atPath: list.path()) else { return [] }
        let root = context.package.directoryURL
        let inputs = try String(contentsOf: list, encoding: .utf8)
            .split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .flatMap { try Self.files(matching: $0, under: root, list: list) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) reference file(s) into \(target.name)",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: [list] + inputs,
                outputFiles: [output]
            )
        ]
    }

    /// The files one line of the list names, sorted so that the generated source does not depend on the
    /// order the file system lists a folder in.
    static func files(matching line: String, under root: URL, list: URL) throws -> [URL] {
        let path = root.appending(path: line)
        let name = path.lastPathComponent
        let files: [URL]
        if let star = name.firstIndex(of: "*") {
            let (prefix, suffix) = (name[..<star], name[name.index(after: star)...])
            let folder = path.deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
            files = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) && $0.count >= prefix.count + suffix.count }
                .sorted()
                .map { folder.appending(path: $0) }
        } else {
            files = FileManager.default.fileExists(atPath: path.path()) ? [path] : []
        }
        guard !files.isEmpty else { throw ListError(list: list, line: line) }
        return files
    }

    /// A line of a target's list that names no file.
    struct ListError: Error, CustomStringConvertible {
        let list: URL
        let line: String
        var description: String { "\(list.path()): '\(line)' names no file of the package" }
    }
}
