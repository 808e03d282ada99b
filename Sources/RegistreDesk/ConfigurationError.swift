/// Why a configuration file was refused: where (the file, the line when known, the key) and what was expected.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The file read.
    public var file: String
    /// The line of the key or of the TOML error, from 1; nil when the whole file is refused.
    public var line: Int?
    /// The key refused, with its table (`server.port`); nil for the file as a whole.
    public var key: String?
    /// What the key or the file should have held.
    public var expected: String

    /// A refusal of `key` at `line` of `file`, which should have held `expected`.
    public init(file: String, line: Int?, key: String?, expected: String) {
        self.file = file
        self.line = line
        self.key = key
        self.expected = expected
    }

    /// The refusal on one line, as a compiler says it: `FILE:LINE: KEY: expected …` (English).
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.map { "\(place): \($0): expected \(expected)" } ?? "\(place): expected \(expected)"
    }
}
