import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// No GRDB error leaves the store raw: what SQLite answers becomes a `StoreError` with the path, and
/// what a caller's closure throws passes as it is.
@Suite("Store errors")
struct StoreErrorTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
    }

    /// A table gone behind registre's back (the sqlite3 shell): every read fails in SQLite.
    func dropFields() throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; DROP TABLE field")
        }
    }

    @Test("a read SQLite refuses is StoreError.cannotRead with the path and SQLite's words, not a DatabaseError")
    func cannotRead() throws {
        try dropFields()
        let store = try RegisterStore(path: path, mode: .readOnly)
        #expect(throws: StoreError.cannotRead(path: path, reason: "no such table: field")) { try store.register() }
        #expect(throws: StoreError.cannotRead(path: path, reason: "no such table: field")) {
            try store.entry(EntityKey(.organisation, "mende"))
        }
        let error = try #require(throws: StoreError.self) { try store.register(around: [EntityKey(.organisation, "mende")]) }
        #expect(error.message.fr.hasPrefix("\(path) : lecture de la base de registre impossible"))
    }

    @Test("a change SQLite refuses is StoreError.cannotWrite, and nothing is written")
    func cannotWrite() throws {
        try dropFields()
        let store = try RegisterStore(path: path, mode: .existing, clock: clock.journal)
        let before = try store.journal.count()
        let error = try #require(throws: StoreError.self) {
            try clock.at(tuesday) {
                try store.change(actor: "dpo") { edit in try edit.save(.organisation(Organisation(id: "nouvelle", name: "Nouvelle"))) }
            }
        }
        guard case .cannotWrite(let failedPath, _) = error else { Issue.record("\(error)"); return }
        #expect(failedPath == path)
        #expect(try store.journal.count() == before)
    }

    @Test("what a caller's closure throws passes as it is")
    func callersErrorPasses() throws {
        struct Stop: Error, Equatable {}
        let store = try RegisterStore(path: path, mode: .readOnly)
        #expect(throws: Stop()) { try store.stream { _ in throw Stop() } }
        #expect(throws: Stop()) { try store.journal.forEach { _ in throw Stop() } }
    }

    @Test("StoreError and AccountError say themselves in French and English")
    func bilingual() {
        #expect(StoreError.idInUse("paie").message.fr == "l'identifiant « paie » est déjà utilisé dans le registre : chaque identifiant doit être unique")
        #expect(StoreError.idInUse("paie").description == "the id 'paie' is already used in the register: every id must be unique")
        #expect(StoreError.missingReference(from: EntityKey(.activity, "paie"), to: EntityKey(.organisation, "x")).message.fr
            == "L'activité de traitement « paie » nomme l'organisation « x », que le registre ne contient pas")
        #expect(AccountError.unknown(login: "a").message.fr == "aucun compte « a »")
        #expect(AccountError.unknown(login: "a").description == "no account 'a'")
    }
}
