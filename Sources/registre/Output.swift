/// Delivers a command's result: to a file, whole or not at all, or to standard output.
enum Output {
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
