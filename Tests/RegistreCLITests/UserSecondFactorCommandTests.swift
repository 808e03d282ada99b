import Foundation
import RegistreTestSupport
import Testing

@Suite("registre user second-factor: enrol prints the otpauth address once, require and remove")
struct UserSecondFactorCommandTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    func registre(_ arguments: String..., input: String? = nil) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.registre, arguments, currentDirectory: session.scratch.url.path(), standardInput: input)
    }

    @Test("--enrol prints the address and the secret; --require, --remove and --no-require run; an unknown login is refused")
    func enrol() throws {
        #expect(try registre("user", "add", "dpo@mende", "--role", "admin", "--db", db, input: "a long enough password\n").status == 0)
        let enrolled = try registre("user", "second-factor", "dpo@mende", "--enrol", "--require", "--db", db)
        #expect(enrolled.status == 0, "\(enrolled.standardError)")
        let lines = enrolled.standardOutput.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("otpauth://totp/registre%3Adpo@mende?secret=\(lines[1])&issuer=registre"))
        #expect(lines[1].count == 32)
        #expect(try registre("user", "second-factor", "dpo@mende", "--remove", "--no-require", "--db", db).status == 0)
        #expect(try registre("user", "second-factor", "dpo@mende", "--enrol", "--remove", "--db", db).status == 64)
        #expect(try registre("user", "second-factor", "dpo@mende", "--db", db).status == 64)
        #expect(try registre("user", "second-factor", "personne", "--enrol", "--db", db).status != 0)
    }
}
