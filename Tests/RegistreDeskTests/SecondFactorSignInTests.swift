import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: a local account's TOTP second factor at sign-in, each code once, and one an administrator requires")
struct SecondFactorSignInTests {
    static let secret = OneTimePassword(secret: Array("12345678901234567890".utf8))

    /// Signs in `login` with `password` (the fixture's by default) and `code`, from a browser of its own.
    func signIn(
        _ client: any TestClientProtocol, _ login: String, password: String = DeskFixture.password, code: String
    ) async throws -> TestResponse {
        let browser = Browser(client)
        try await browser.get("/sign-in")
        return try await browser.post("/sign-in", [("login", login), ("password", password), ("code", code)])
    }

    @Test("with a secret enrolled, the password alone is refused, the right code signs in once, a code used again is refused")
    func enrolled() async throws {
        let fixture = try DeskFixture()
        try fixture.store.secondFactors.enrol(login: "dpo-mende", secret: Self.secret.base32Secret, actor: "admin", at: friday)
        let code = Self.secret.code(at: friday)
        try await fixture.run { client in
            let bare = try await signIn(client, "dpo-mende", code: "")
            #expect(bare.status == .unauthorized)
            // Without a code typed, the message is the password's: it depends on what was typed, not on what was right.
            #expect(bare.text.contains("Identifiant ou mot de passe incorrect."))
            let wrong = try await signIn(client, "dpo-mende", code: code == "000000" ? "111111" : "000000")
            #expect(wrong.status == .unauthorized && wrong.text.contains("code de vérification incorrect"))
            #expect(try await signIn(client, "dpo-mende", code: code).status == .seeOther)
            #expect(try await signIn(client, "dpo-mende", code: code).status == .unauthorized)
            // The next period's code (a phone a little ahead) signs in, once.
            #expect(try await signIn(client, "dpo-mende", code: Self.secret.code(at: friday.addingTimeInterval(30))).status == .seeOther)
        }
        let reasons = try fixture.store.accounts.events().filter { $0.kind == .signInRefused }.map(\.detail)
        #expect(reasons.filter { $0.hasPrefix("wrong or used one-time code") }.count == 3)
        #expect(try fixture.store.accounts.events().contains { $0.kind == .secondFactorEnrolled && $0.detail.isEmpty })
    }

    @Test("a wrong code counts as a failed attempt for the throttle, as a wrong password does")
    func throttled() async throws {
        let fixture = try DeskFixture()
        try fixture.store.secondFactors.enrol(login: "dpo-mende", secret: Self.secret.base32Secret, actor: "admin", at: friday)
        let wrong = Self.secret.code(at: friday) == "000000" ? "111111" : "000000"
        try await fixture.run { client in
            for _ in 0..<5 {
                let refused = try await signIn(client, "dpo-mende", code: wrong)
                #expect(refused.status == .unauthorized)
            }
            let right = try await signIn(client, "dpo-mende", code: Self.secret.code(at: friday))
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test("an account an administrator requires a second factor of, with none enrolled, is refused as a wrong password is (no oracle); one without any is not")
    func required() async throws {
        let fixture = try DeskFixture()
        try fixture.store.secondFactors.require(login: "reader-mende", true, actor: "admin", at: friday)
        try await fixture.run { client in
            let refused = try await signIn(client, "reader-mende", code: "")
            let wrongPassword = try await signIn(client, "reader-mende", password: "not the password", code: "")
            #expect(refused.status == .unauthorized && wrongPassword.status == .unauthorized)
            for response in [refused, wrongPassword] {
                #expect(response.text.contains("Identifiant ou mot de passe incorrect."))
                #expect(!response.text.contains("exige une double authentification"))
            }
            #expect(try await signIn(client, "dpo-mende", code: "").status == .seeOther)
        }
        try fixture.store.secondFactors.enrol(login: "reader-mende", secret: Self.secret.base32Secret, actor: "admin", at: friday)
        try await fixture.run { client in
            let response = try await signIn(client, "reader-mende", code: Self.secret.code(at: friday))
            #expect(response.status == .seeOther)
        }
        try fixture.store.secondFactors.remove(login: "reader-mende", actor: "admin", at: friday)
        try await fixture.run { client in
            let response = try await signIn(client, "reader-mende", code: "")
            #expect(response.status == .unauthorized)
        }
        #expect(try fixture.store.secondFactors.state(of: "reader-mende") == SecondFactors.State(secret: nil, required: true, lastCounter: nil))
    }

    @Test("wrong codes from as many fresh addresses lock every code of the login: the throttle's fresh-client exception does not apply")
    func freshClients() async throws {
        let fixture = try DeskFixture()
        try fixture.store.secondFactors.enrol(login: "dpo-mende", secret: Self.secret.base32Secret, actor: "admin", at: friday)
        let wrong = Self.secret.code(at: friday) == "000000" ? "111111" : "000000"
        let clock = fixture.clock
        let desk = Desk(store: fixture.store, clock: DeskClock { clock.now }, clients: try .behindProxy("127.0.0.1"))
        try await desk.application(host: "127.0.0.1", port: 0).test(.live) { client in
            for index in 1...5 {
                let refused = try await signIn(Forwarding(base: client, forwardedFor: "198.51.100.\(index)"), "dpo-mende", code: wrong)
                #expect(refused.status == .unauthorized)
            }
            let right = try await signIn(Forwarding(base: client, forwardedFor: "203.0.113.77"), "dpo-mende", code: Self.secret.code(at: friday))
            #expect(right.status == .unauthorized)
        }
        #expect(try fixture.store.accounts.events().contains { $0.detail.hasPrefix("second factor locked after 5 wrong codes") })
    }

    @Test("a secret kept but unreadable refuses every code: the second factor never turns itself off")
    func unreadableSecret() async throws {
        let fixture = try DeskFixture()
        try fixture.store.secondFactors.enrol(login: "dpo-mende", secret: "GEZDGNBV", actor: "admin", at: friday)
        try await fixture.run { client in
            let refused = try await signIn(client, "dpo-mende", code: "")
            #expect(refused.status == .unauthorized)
        }
    }

    @Test("an unknown account cannot be enrolled or required")
    func unknown() {
        #expect(throws: AccountError.unknown(login: "personne")) {
            let fixture = try DeskFixture()
            try fixture.store.secondFactors.enrol(login: "personne", secret: "GEZDGNBV", actor: "admin", at: friday)
        }
    }
}
