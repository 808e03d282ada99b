public import Foundation

/// Paths of the repository the tests run in, found from this file's own path so that no test depends on
/// the working directory.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        root.appending(path: relative).path()
    }

    /// Every sample register of `Registers/`, sorted.
    public static var sampleRegisters: [String] {
        let folder = root.appending(path: "Registers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder.appending(path: $0).path() }
    }

    public static let suiteTerritoriale = path("Registers/suite-territoriale-cdg48.xml")
    public static let incubator = path("Registers/incubateur-anct-dinum.xml")
    public static let schema = path("Docs/registre.xsd")
}

/// A folder of its own for one test, removed when the test is done with it.
public final class ScratchDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "registre-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appending(path: name).path() }

    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
