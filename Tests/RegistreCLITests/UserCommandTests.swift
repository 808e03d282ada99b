import Foundation
import RegistreTestSupport
import Testing

@Suite("registre user: the desk's accounts")
struct UserCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    func registre(_ arguments: String..., input: String? = nil) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.registre, arguments, currentDirectory: session.scratch.url.path(), standardInput: input)
    }

    @Test("user add reads the password from standard input; list shows the account, never the password")
    func addAndList() throws {
        #expect(try registre("import", Repository.suiteTerritoriale, "--db", db).status == 0)
        let added = try registre("user", "add", "dpo@mende", "--role", "dpo", "--organisation", "mende", "--db", db, input: "a long enough password\n")
        #expect(added.status == 0, "\(added.standardError)")
        let list = try registre("user", "list", "--db", db)
        #expect(list.standardOutput == "dpo@mende\tdpo\tmende\n")
        #expect(!list.standardOutput.contains("password"))
    }

    @Test("user add refuses: no password, a short one, an unknown organisation, a DPO without organisation, a login taken")
    func refusals() throws {
        #expect(try registre("import", Repository.suiteTerritoriale, "--db", db).status == 0)
        let none = try registre("user", "add", "a", "--role", "admin", "--db", db, "--lang", "en")
        #expect(none.status == 2 && none.standardError.contains("standard input"))
        let short = try registre("user", "add", "a", "--role", "admin", "--db", db, "--lang", "en", input: "short\n")
        #expect(short.status == 2 && short.standardError.contains("12 characters"))
        let shortInFrench = try registre("user", "add", "a", "--role", "admin", "--db", db, input: "short\n")
        #expect(shortInFrench.status == 2 && shortInFrench.standardError.contains("au moins 12 caractères"))
        let unknown = try registre("user", "add", "b", "--role", "reader", "--organisation", "nowhere", "--db", db, input: "a long enough password\n")
        #expect(unknown.status == 2 && unknown.standardError.contains("nowhere"))
        let noScope = try registre("user", "add", "c", "--role", "dpo", "--db", db, input: "a long enough password\n")
        #expect(noScope.status != 0 && noScope.standardError.contains("--organisation"))
        #expect(try registre("user", "add", "d", "--role", "admin", "--db", db, input: "a long enough password\n").status == 0)
        let taken = try registre("user", "add", "d", "--role", "admin", "--db", db, "--lang", "en", input: "a long enough password\n")
        #expect(taken.status == 3 && taken.standardError.contains("already exists"))
        #expect(try registre("user", "list", "--db", db).standardOutput == "d\tadmin\t\n")
    }

    @Test("user password and user remove change the account; an unknown login is refused")
    func passwordAndRemove() throws {
        #expect(try registre("user", "add", "admin", "--role", "admin", "--db", db, input: "a long enough password\n").status == 0)
        #expect(try registre("user", "password", "admin", "--db", db, input: "another long password\n").status == 0)
        #expect(try registre("user", "password", "ghost", "--db", db, input: "another long password\n").status != 0)
        #expect(try registre("user", "remove", "admin", "--db", db).status == 0)
        #expect(try registre("user", "remove", "admin", "--db", db).status != 0)
        #expect(try registre("user", "list", "--db", db).standardOutput.isEmpty)
    }
}
