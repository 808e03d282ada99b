import ArgumentParser
import Foundation

/// Delivers a command's result: to a file, whole or not at all, or to standard output.
enum Output {
    /// Streams a result: `produce` hands chunks to the sink as it makes them. A file is written beside its
    /// destination and renamed over it only once `produce` has succeeded.
    static func stream(to path: String?, _ produce: (_ sink: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            try produce { bytes in FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).part-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path(), contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary)
        else {
            Console.error("\(path): cannot write")
            throw ExitStatus.unreadableInput
        }
        do {
            try produce { bytes in try handle.write(contentsOf: bytes) }
            try handle.close()
            guard rename(temporary.path(), target.path()) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            if !(error is ExitCode) { Console.error("\(path): cannot write: \(error)") }
            throw error is ExitCode ? error : ExitStatus.unreadableInput
        }
    }

    static func deliver(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            Console.out(String(decoding: bytes, as: UTF8.self))
            return
        }
        do {
            try OutputFile.write(bytes, to: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.unreadableInput
        }
    }
}
