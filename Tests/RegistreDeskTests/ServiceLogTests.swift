import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// The lines a ``JSONLogHandler`` wrote, kept for a test to read.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String] = []

    func append(_ line: String) { lock.withLock { kept.append(line) } }
    var lines: [String] { lock.withLock { kept } }

    /// A logger writing JSON lines here.
    func logger(level: Logger.Level = .info) -> Logger {
        Logger(label: "registre") { label in
            JSONLogHandler(label: label, logLevel: level, clock: { friday }) { self.append($0) }
        }
    }
}

@Suite("Desk as a service: one JSON object a line per request, with no secret and no personal data")
struct ServiceLogTests {
    static let plantedPassword = "Planté-MotDePasse-7c1e9"
    static let plantedName = "Dossier de Jeanne Plantée-Secrète"

    @Test("a sign-in, a search and a save log their id, route, status, latency and account, and never the password, the tokens or the entry's text")
    func noSecrets() async throws {
        let fixture = try DeskFixture()
        try fixture.store.accounts.add(
            Account(login: "agent-mende", role: .dpo, organisations: ["mende"], passwordHash: Passwords.hash(Self.plantedPassword, cost: 4)),
            actor: "setup", at: friday)
        let log = LogLines()
        let clock = fixture.clock
        let desk = Desk(store: fixture.store, clock: DeskClock { clock.now }, service: ServiceSettings(logger: log.logger(level: .trace)))
        let kept = LogLines()
        try await Application(router: desk.router()).test(.router) { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("agent-mende", password: Self.plantedPassword).status == .seeOther)
            try await browser.get("/activities?q=Jeanne+Plant%C3%A9e")
            try await browser.get("/activities/new?organisation=mende")
            let created = try await browser.post(
                "/activities/new", PageTests.newActivity(id: "plantee", name: Self.plantedName, purposes: ["Suivre Jeanne Plantée"]))
            #expect(created.status == .seeOther)
            for secret in [browser.cookie(Desk.sessionCookie), browser.csrf].compactMap({ $0 }) { kept.append(secret) }
        }
        let secrets = kept.lines
        #expect(secrets.count == 2)
        let lines = log.lines
        #expect(lines.count >= 5)
        for line in lines {
            #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["request_id"] is String && object["route"] is String && object["status"] is Int && object["latency_ms"] is Double)
            for secret in secrets + [Self.plantedPassword, "Jeanne", "Plantée", "Plant%C3%A9e", "plantee"] {
                #expect(line.contains(secret) == false, "\(secret) in \(line)")
            }
        }
        let save = try #require(lines.first { $0.contains(#""route":"/activities/new""#) && $0.contains(#""method":"POST""#) })
        #expect(save.contains(#""account":"agent-mende""#) && save.contains(#""status":303"#))
        let signIn = try #require(lines.first { $0.contains(#""route":"/sign-in""#) && $0.contains(#""method":"POST""#) })
        #expect(signIn.contains(#""account":"agent-mende""#))
        #expect(try fixture.store.register().activities.contains { $0.name == Self.plantedName })
    }

    @Test("a request id sent by the proxy is kept when it is a plain token, replaced otherwise, and sent back")
    func requestID() async throws {
        let fixture = try DeskFixture()
        let log = LogLines()
        let desk = Desk(store: fixture.store, service: ServiceSettings(logger: log.logger()))
        try await Application(router: desk.router()).test(.router) { client in
            let kept = try await client.execute(uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "lb-4f2a.9"])
            #expect(kept.headers[HTTPField.Name("X-Request-Id")!] == "lb-4f2a.9")
            let forged = try await client.execute(
                uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "x\"}\n{\"level\":\"critical"])
            let replaced = try #require(forged.headers[HTTPField.Name("X-Request-Id")!])
            #expect(replaced.count == 32 && replaced.allSatisfy(\.isHexDigit))
        }
        #expect(log.lines.count == 2)
        #expect(log.lines.allSatisfy { $0.contains("critical") == false })
    }

    @Test("the handler escapes every control character, so that no value ends its line", arguments: [
        ("a\nb", #""a\nb""#), ("\"q\"", #""\"q\"""#), ("\u{1b}[31m", #""\u001b[31m""#), ("\u{2028}", #""\u2028""#), ("é", "\"é\""),
    ])
    func escaping(text: String, json: String) {
        #expect(JSONLogHandler.quoted(text) == json)
    }

    @Test("a line below the handler's level is not written")
    func level() {
        let log = LogLines()
        let logger = log.logger(level: .warning)
        logger.info("quiet")
        logger.error("loud", metadata: ["n": .stringConvertible(3)])
        #expect(log.lines == [#"{"time":"2026-03-27T08:00:00.000Z","level":"error","label":"registre","message":"loud","n":3}"# + "\n"])
    }
}
