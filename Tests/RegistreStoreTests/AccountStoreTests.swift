import Foundation
import GRDB
import RegistreCore
import RegistreStore
import RegistreTestSupport
import Testing

@Suite("The desk's accounts and sessions in the register of record")
struct AccountStoreTests {
    let scratch: ScratchDirectory
    let store: RegisterStore
    let moment = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
    }

    func account(_ login: String, _ role: AccountRole = .dpo, _ organisations: [String] = ["mende"]) -> Account {
        Account(login: login, role: role, organisations: organisations, passwordHash: "$2b$04$hash")
    }

    @Test("an account is added, listed with its organisations, and journaled with the actor")
    func add() throws {
        try store.accounts.add(account("dpo@mende", .dpo, ["mende", "cdg48"]), actor: "alice", at: moment)
        #expect(try store.accounts.all() == [account("dpo@mende", .dpo, ["cdg48", "mende"])])
        let event = try #require(try store.accounts.events().last)
        #expect(event.kind == .added && event.actor == "alice" && event.login == "dpo@mende" && event.detail == "dpo cdg48,mende")
    }

    @Test("an account and its version are read together: a change moves both, an unknown login gives neither")
    func versioned() throws {
        #expect(try store.accounts.findVersioned("dpo") == nil)
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        let first = try #require(try store.accounts.findVersioned("dpo"))
        let version = try store.accounts.version(of: "dpo")
        #expect(first.account.organisations == ["mende"] && first.version == version)
        try store.accounts.change("dpo", role: .dpo, organisations: ["mende", "cdg48"], actor: "alice", at: moment, expectedVersion: first.version)
        let second = try #require(try store.accounts.findVersioned("dpo"))
        #expect(Set(second.account.organisations) == ["mende", "cdg48"] && second.version > first.version)
    }

    @Test("a login taken or malformed is refused and nothing is written")
    func refused() throws {
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        #expect(throws: AccountError.exists(login: "dpo")) { try store.accounts.add(account("dpo"), actor: "alice", at: moment) }
        #expect(throws: AccountError.invalidLogin("two words")) { try store.accounts.add(account("two words"), actor: "alice", at: moment) }
        #expect(throws: AccountError.unknown(login: "nobody")) { try store.accounts.remove("nobody", actor: "alice", at: moment) }
        #expect(try store.accounts.events().count == 1)
    }

    @Test("a session opens with a token kept only as its hash, and ends when it expires")
    func session() throws {
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        try store.sessions.start(login: "dpo", token: "secret-token", csrf: "c", at: moment, expires: moment.addingTimeInterval(60))
        #expect(try store.sessions.find(token: "secret-token", at: moment)?.login == "dpo")
        #expect(try store.sessions.find(token: "secret-token", at: moment.addingTimeInterval(60)) == nil)
        #expect(try store.sessions.find(token: "other", at: moment) == nil)
        let stored = try DatabaseQueue(path: store.path).read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM session") }
        #expect(stored.count == 1 && !stored[0].contains("secret-token"))
    }

    @Test("a new password and a removed account close the account's sessions; a new password withdraws its calendar feed")
    func closesSessions() throws {
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        try store.sessions.start(login: "dpo", token: "t1", csrf: "c", at: moment, expires: moment.addingTimeInterval(600))
        try store.calendarFeeds.issue(login: "dpo", token: "feed-token", at: moment)
        try store.accounts.changePassword(of: "dpo", to: "$2b$04$other", actor: "alice", at: moment)
        #expect(try store.sessions.find(token: "t1", at: moment) == nil)
        #expect(try store.calendarFeeds.login(forToken: "feed-token") == nil)
        try store.sessions.start(login: "dpo", token: "t2", csrf: "c", at: moment, expires: moment.addingTimeInterval(600))
        try store.accounts.remove("dpo", actor: "alice", at: moment)
        #expect(try store.sessions.find(token: "t2", at: moment) == nil)
        #expect(try store.accounts.events().map(\.kind) == [.added, .signedIn, .calendarFeedIssued, .passwordChanged, .calendarFeedRevoked, .signedIn, .removed])
    }

    @Test("account events leave the register's journal alone: verify still finds it intact")
    func verifyUnaffected() throws {
        _ = try store.replace(with: Register(organisations: [Organisation(id: "mende", name: "Mende")]), actor: "alice")
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        try store.sessions.start(login: "dpo", token: "t", csrf: "c", at: moment, expires: moment.addingTimeInterval(60))
        try store.sessions.end(token: "t", at: moment)
        let verification = try store.journal.verify()
        #expect(verification.isIntact)
        #expect(try store.journal.entries().allSatisfy { $0.actor == "alice" })
    }

    @Test("the account journal is append-only")
    func appendOnly() throws {
        try store.accounts.add(account("dpo"), actor: "alice", at: moment)
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: (any Error).self) { try queue.write { db in try db.execute(sql: "DELETE FROM account_journal") } }
        #expect(throws: (any Error).self) { try queue.write { db in try db.execute(sql: "UPDATE account_journal SET actor = 'mallory'") } }
    }
}
