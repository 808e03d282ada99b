import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore
import RegistreXML

/// The options of every command that changes the register of record: the database, who, and when the
/// change takes effect.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOption
    @OptionGroup var now: NowOption

    /// Reads and changes the register in one write transaction (`RegisterStore.change`), so that two
    /// commands at once never undo each other. Stops the command with one line per problem: status 2
    /// when a value or the database is refused, the status `body` chose when it refuses (an audit too
    /// early exits 1).
    func change<Value>(_ body: (RegisterEdit) throws -> Value) throws -> Value {
        let database = try store.open(.existing)
        let effective = try now.explicit()
        do {
            return try database.change(actor: actor.name, effective: effective, body).value
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as RegisterReadError {
            Console.error(error.description)
            throw ExitStatus.unreadableInput
        } catch {
            Console.error(database.describe(error))
            throw ExitStatus.unreadableInput
        }
    }
}
