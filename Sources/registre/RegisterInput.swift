import ArgumentParser
import RegistreCore
import RegistreXML

/// Reads the register a command works on, and stops the command with status 2 and one located line
/// per problem when it cannot.
enum RegisterInput {
    static func read(_ path: String) throws -> Register {
        do {
            return try RegisterReader.read(file: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.unreadableInput
        }
    }
}
