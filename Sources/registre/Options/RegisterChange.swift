import ArgumentParser
import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreXML

/// The options of every command that changes the register of record: the database, who, and when the
/// change takes effect.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOption
    @OptionGroup var now: NowOption

    /// Reads and changes the register in one write transaction (`RegisterStore.change`), so that two
    /// commands at once never undo each other. What is refused (a value, by the XML reader's checks; the
    /// database; what `body` refuses) is thrown as it is, and nothing is written.
    func change<Value>(_ body: (RegisterEdit) throws -> Value) throws -> Value {
        let database = try store.open(.existing)
        return try database.change(actor: actor.name, effective: now.explicit, body).value
    }

    /// Who acts (`--actor`, else the OS user) and when (`--now`, else the clock), for the acts of
    /// `RegistreService`: the command line may change everything in the database it holds.
    var acting: Acting {
        Acting(actor: actor.name, effective: now.explicit, now: now.moment)
    }
}
