import ArgumentParser

/// Delivers a command's result: to a file (see `OutputFile`), whole or not at all, or to standard output.
/// A write error stops the command with status 2 and one line (none for a closed pipe).
enum Output {
    /// Streams a result: `produce` hands chunks to the sink as it makes them. A file is written beside its
    /// destination and renamed over it only once `produce` has succeeded.
    static func stream(to path: String?, _ produce: (_ sink: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            do {
                try produce { bytes in try Console.writeOut(bytes) }
            } catch let failure as OutputFile.Failure {
                Console.report(failure)
                throw ExitStatus.unreadableInput
            }
            return
        }
        do {
            let file = try OutputFile(path: path)
            do {
                try produce { bytes in try file.write(bytes) }
            } catch {
                file.abandon()
                throw error
            }
            try file.commit()
        } catch let exit as ExitCode {
            throw exit  // the producer has already said why
        } catch let failure as OutputFile.Failure {
            Console.error(failure.description)
            throw ExitStatus.unreadableInput
        } catch {
            Console.error("\(path): cannot write: \(error)")
            throw ExitStatus.unreadableInput
        }
    }

    /// Writes the bytes as they are (a zip as well as text: never decoded as UTF-8).
    static func deliver(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            do {
                try Console.writeOut(bytes)
            } catch {
                Console.report(error)
                throw ExitStatus.unreadableInput
            }
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
