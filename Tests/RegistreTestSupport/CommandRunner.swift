public import Foundation

/// What a command printed and how it ended.
public struct CommandResult: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs programs as a user would: the `registre` binary built beside the tests, and `xmllint`, the
/// reference validator for the schema.
public enum CommandRunner {
    /// The folder the test bundle was built in, where `swift build` also puts `registre`.
    public static let productsDirectory: URL = {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var folder = executable.deletingLastPathComponent()
        // On Linux the test runner may sit inside `NAME.xctest/`; step out to the products folder.
        while folder.path() != "/" && !FileManager.default.fileExists(atPath: folder.appending(path: "registre").path()) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    public static var registre: String { productsDirectory.appending(path: "registre").path() }

    public static func run(_ executable: String, _ arguments: [String], currentDirectory: String? = nil,
                           environment: [String: String]? = nil, standardInput: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        if let environment { process.environment = environment }
        // Output goes to files, not pipes: a large output can never fill a pipe and block the child.
        let scratch = FileManager.default.temporaryDirectory.appending(path: "registre-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appending(path: "stdout")
        let errURL = scratch.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path(), contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path(), contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let standardInput {
            let inURL = scratch.appending(path: "stdin")
            _ = FileManager.default.createFile(atPath: inURL.path(), contents: Data(standardInput.utf8))
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    public static func registre(_ arguments: String..., currentDirectory: String? = nil) throws -> CommandResult {
        try run(registre, arguments, currentDirectory: currentDirectory)
    }

    /// `xmllint --noout --schema Docs/registre.xsd FILE`: the independent verdict on a file.
    public static func xmllintValidates(_ file: String) throws -> CommandResult {
        try run("/usr/bin/env", ["xmllint", "--noout", "--nonet", "--schema", Repository.schema, file])
    }
}
