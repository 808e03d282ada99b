import Foundation
import PackagePlugin

/// Compiles the package's reference files into the module that needs them, so that the schema and the
/// templates have one source each (`Docs/`, `Templates/`) and the binary never looks for them on disk.
///
/// - `RegistreXML` embeds `Docs/registre.xsd`, the schema every register is validated against.
/// - `RegistreReports` embeds every `Templates/*.mustache` file.
/// - `RegistreDesk` embeds the desk's pages and stylesheet, `Templates/desk/*.mustache` and `*.css`.
@main
struct EmbeddedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let inputs: [URL]
        switch target.name {
        case "RegistreXML":
            inputs = [root.appending(path: "Docs/registre.xsd")]
        case "RegistreReports":
            let folder = root.appending(path: "Templates")
            inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path())
                .filter { $0.hasSuffix(".mustache") }
                .sorted()
                .map { folder.appending(path: $0) }
        case "RegistreDesk":
            let folder = root.appending(path: "Templates/desk")
            inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path())
                .filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") }
                .sorted()
                .map { folder.appending(path: $0) }
        default:
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) reference file(s) into \(target.name)",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
