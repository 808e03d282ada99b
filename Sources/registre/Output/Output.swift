/// Delivers a command's result: to a file (see `OutputFile`), whole or not at all, or to standard output.
/// A write error throws `OutputFile.Failure` (status 2, one line; none for a closed pipe).
enum Output {
    /// Streams a result: `produce` hands chunks to the sink as it makes them. A file is written beside its
    /// destination and renamed over it only once `produce` has succeeded; if `produce` throws, the
    /// destination is left as it was and the error goes on as it is.
    static func stream(to path: String?, _ produce: (_ sink: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            return try produce { bytes in try Console.writeOut(bytes) }
        }
        let file = try OutputFile(path: path)
        do {
            try produce { bytes in try file.write(bytes) }
        } catch {
            file.abandon()
            throw error
        }
        try file.commit()
    }

    /// Writes the bytes as they are (a zip as well as text: never decoded as UTF-8).
    static func deliver(_ bytes: [UInt8], to path: String?) throws(OutputFile.Failure) {
        guard let path else { return try Console.writeOut(bytes) }
        try OutputFile.write(bytes, to: path)
    }
}
