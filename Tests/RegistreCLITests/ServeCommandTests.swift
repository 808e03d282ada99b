import Foundation
import RegistreTestSupport
import Testing

@Suite("registre serve: the server's limits are options, checked before anything is opened")
struct ServeCommandTests {
    let session: CommandSession

    init() throws { session = try CommandSession() }

    @Test(
        "a value the limits cannot take is refused, naming the option",
        arguments: [
            (["--head-timeout", "0"], "--head-timeout"), (["--body-timeout", "0.5"], "--body-timeout"),
            (["--body-timeout", "7200"], "--body-timeout"), (["--max-connections", "0"], "--max-connections"),
            (["--max-connections", "1000000000"], "--max-connections"),
            (["--trusted-proxy", "proxy.example"], "--trusted-proxy"), (["--trusted-proxy", "10.0.0.1, 10.0.0.2"], "--trusted-proxy"),
        ])
    func refused(_ options: [String], _ option: String) throws {
        let result = try session.registre(["serve", "--db", session.db] + options)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(option))
        #expect(!FileManager.default.fileExists(atPath: session.db))
    }

    @Test("a configuration file with a wrong value is refused before anything is opened, naming the file, the line and the key")
    func wrongConfiguration() throws {
        let config = try session.scratch.write("[database]\npath = \"\(session.db)\"\n[server]\nport = 0\n", to: "registre.toml")
        let result = try session.registre(["serve", "--config", config])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains("registre.toml:4: server.port: expected a whole number from 1 to 65535"))
        #expect(!FileManager.default.fileExists(atPath: session.db))
    }
}
