import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import RegistreTestSupport
import Testing

/// The seal's state on the administration page: the files `registre verify --seal --public-key` reads,
/// read by the same functions, and the verification with the seal that `verify --seal` runs.
@Suite("Desk: the seal's state for administrators")
struct SealStateTests {
    /// A seal of the fixture's journal made by `key` (as `registre seal --key` makes it), with its public
    /// key, written to the fixture's scratch folder.
    static func sealFiles(_ fixture: DeskFixture, key: SealKey = .generate(), publicKey: SealKey? = nil) throws -> DeskSeal {
        let (_, made) = try fixture.store.journal.seal(with: key, at: friday)
        let seal = try #require(made)
        let sealPath = fixture.scratch.path("journal.seal"), keyPath = fixture.scratch.path("key.pub")
        try seal.text.write(toFile: sealPath, atomically: true, encoding: .utf8)
        try (publicKey ?? key).publicKeyText.write(toFile: keyPath, atomically: true, encoding: .utf8)
        return DeskSeal(seal: sealPath, publicKey: keyPath)
    }

    /// `text` as the desk's templates escape it.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    static func run(_ fixture: DeskFixture, seal: DeskSeal?, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let clock = fixture.clock
        let desk = Desk(store: fixture.store, clock: DeskClock { clock.now }, seal: seal)
        try await Application(router: desk.router()).test(.router, test)
    }

    @Test("a seal that holds: when, which entry and hash, the key checked, the entries since; verify --seal holds")
    func holds() async throws {
        let fixture = try DeskFixture()
        let seal = try Self.sealFiles(fixture)
        let sealed = try JournalSeal.read(file: seal.seal)
        // One change after the seal: the journal extends it.
        _ = try fixture.store.change(actor: "cli") { edit in
            var florac = DeskFixture.florac
            florac.email = "contact@florac.fr"
            try edit.save(.organisation(florac))
        }
        try await Self.run(fixture, seal: seal) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.text.contains("Sceau du journal"))
            #expect(page.text.contains("n° \(sealed.sequence), SHA-256 <code>\(sealed.hash)</code>"))
            #expect(page.text.contains("signé par la clé publique donnée au bureau"))
            #expect(page.text.contains("1 entrée(s) de journal depuis le sceau"))
            #expect(page.text.contains("Le journal prolonge toujours le sceau"))
            #expect(try await admin.post("/admin/verify", []).status == .seeOther)
            let verified = try await admin.get("/admin")
            #expect(verified.text.contains("Le journal est intact."))
            #expect(verified.text.contains("La vérification avec le sceau tient"))
        }
    }

    @Test("a seal signed by another key than the one given: named as `verify --seal --public-key` names it")
    func otherKey() async throws {
        let fixture = try DeskFixture()
        let seal = try Self.sealFiles(fixture, key: .generate(), publicKey: .generate())
        let expected = try fixture.store.journal.verify(
            against: try JournalSeal.read(file: seal.seal), publicKey: try SealKey.readPublicKey(file: try #require(seal.publicKey)))
        let problem = try #require(expected.problems.first)
        try await Self.run(fixture, seal: seal) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.text.contains("Le sceau ne tient plus"))
            #expect(page.text.contains(Self.html(problem.fr)))
            #expect(try await admin.post("/admin/verify", []).status == .seeOther)
            let verified = try await admin.get("/admin")
            #expect(verified.text.contains(Self.html("Le journal n'est PAS intact")))
            #expect(verified.text.contains("La vérification avec le sceau ne tient pas"))
        }
    }

    @Test("no seal given: the page says how to give one; a seal file that cannot be read is said, not a failure")
    func noneOrUnreadable() async throws {
        let fixture = try DeskFixture()
        try await Self.run(fixture, seal: nil) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.html("Le bureau n'a pas reçu de sceau")))
        }
        let missing = DeskSeal(seal: fixture.scratch.path("absent.seal"), publicKey: nil)
        try await Self.run(fixture, seal: missing) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.status == .ok)
            #expect(page.text.contains("absent.seal : sceau illisible"))
            #expect(try await admin.post("/admin/verify", []).status == .seeOther)
            #expect(try await admin.get("/admin").text.contains("Le journal est intact."), "verify without the seal it cannot read")
        }
    }

    @Test("a seal file whose entry number is out of any journal's range is unreadable, not a crash of the desk",
          arguments: ["-9223372036854775808", "-1"])
    func hostileSequence(_ sequence: String) async throws {
        let fixture = try DeskFixture()
        let made = try Self.sealFiles(fixture)
        let text = try String(contentsOfFile: made.seal, encoding: .utf8)
        let hostile = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("sequence:") ? "sequence: \(sequence)" : String($0) }.joined(separator: "\n")
        try hostile.write(toFile: made.seal, atomically: true, encoding: .utf8)
        #expect(JournalSeal(text: hostile) == nil)
        try await Self.run(fixture, seal: made) { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let page = try await admin.get("/admin")
            #expect(page.status == .ok)
            #expect(page.text.contains("journal.seal : pas un sceau de registre"))
        }
    }

    @Test("the seal's state is an administrator's only", arguments: ["dpo-mende", "dpo-cdg", "reader-cdg"])
    func isolation(login: String) async throws {
        let fixture = try DeskFixture()
        let seal = try Self.sealFiles(fixture)
        try await Self.run(fixture, seal: seal) { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            #expect(try await browser.get("/admin").status == .notFound)
            #expect(!(try await browser.get("/").text.contains("Sceau du journal")))
        }
    }
}
