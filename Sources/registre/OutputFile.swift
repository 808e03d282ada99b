import Foundation

/// Writes a command's result to a file all at once: into a temporary file beside it, then renamed over
/// it, so that an interrupted export never leaves half a register behind.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): cannot write: \(reason)" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let target = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: target, options: .atomic)
        } catch {
            throw Failure(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
