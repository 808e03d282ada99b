import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML

/// The CDG48 sample imported on Monday and retitled on Tuesday, in a scratch database: the journal that
/// the verification and tampering tests start from.
struct JournaledSample {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
        store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        register.title = "Registre 2026"
        _ = try clock.at(tuesday) { try store.replace(with: register, actor: "dpo") }
    }

    /// Changes the database as someone with the sqlite3 shell would: outside registre.
    func tamper(_ sql: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
