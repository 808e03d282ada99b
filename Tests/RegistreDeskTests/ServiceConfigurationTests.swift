import Foundation
import Logging
import RegistreDesk
import RegistreTestSupport
import Testing

@Suite("registre serve --config: the TOML configuration, read key by key, refused with the file, the line and what was expected")
struct ServiceConfigurationTests {
    @Test("the packaged configuration is the defaults, behind the proxy on loopback")
    func packaged() throws {
        let read = try ServiceConfiguration.read(Repository.path("Packaging/registre.toml"))
        var expected = ServiceConfiguration()
        expected.trustedProxy = "127.0.0.1"
        #expect(read == expected)
    }

    @Test("an empty file keeps every default")
    func empty() throws {
        #expect(try ServiceConfiguration.parse("", file: "empty.toml") == ServiceConfiguration())
    }

    @Test("every key is read")
    func everyKey() throws {
        let text = """
            [database]
            path = "/srv/registre.sqlite"
            busy_timeout = 5.5
            [server]
            host = "::1"
            port = 9000
            head_timeout = 3
            body_timeout = 4
            max_connections = 12
            trusted_proxy = "10.0.0.2"
            [session]
            idle_timeout = 600
            [throttle]
            login_limit = 3
            client_limit = 7
            window = 60
            [log]
            level = "debug"
            [metrics]
            allowed = ["10.0.0.0/8"]
            """
        let read = try ServiceConfiguration.parse(text, file: "all.toml")
        #expect(read.database == "/srv/registre.sqlite" && read.busyTimeout == 5.5)
        #expect(read.host == "::1" && read.port == 9000 && read.trustedProxy == "10.0.0.2")
        #expect(read.limits == ServerLimits(headTimeout: 3, bodyTimeout: 4, maximumConnections: 12))
        #expect(read.idleTimeout == 600 && read.signIn == SignInLimits(loginLimit: 3, clientLimit: 7, window: 60))
        #expect(read.logLevel == .debug && read.metricsAllowed == ["10.0.0.0/8"])
    }

    @Test("a wrong key or value names the file, the line, the key and what was expected", arguments: [
        ("[server]\nport = 0\n", "conf.toml:2: server.port: expected a whole number from 1 to 65535"),
        ("[server]\nhost = \"::1\"\nport = \"8048\"\n", "conf.toml:3: server.port: expected a whole number from 1 to 65535"),
        ("[server]\nprot = 8048\n", "conf.toml:2: server.prot: expected one of the keys of [server]: host, port, head_timeout, body_timeout, max_connections, trusted_proxy"),
        ("[sever]\nport = 8048\n", "conf.toml:1: sever: expected one of the tables database, log, metrics, server, session, throttle"),
        ("port = 8048\n", "conf.toml:1: port: expected one of the tables database, log, metrics, server, session, throttle"),
        ("\n[log]\nlevel = \"loud\"\n", "conf.toml:3: log.level: expected one of trace, debug, info, notice, warning, error, critical"),
        ("[metrics]\nallowed = [\"localhost\"]\n", "conf.toml:2: metrics.allowed: expected IPv4 or IPv6 addresses, each with an optional /prefix length"),
        ("[metrics]\nallowed = \"::1\"\n", "conf.toml:2: metrics.allowed: expected a list of strings in quotes"),
        ("[server]\ntrusted_proxy = \"proxy\"\n", "conf.toml:2: server.trusted_proxy: expected an IPv4 or IPv6 address"),
        ("[session]\nidle_timeout = 10\n", "conf.toml:2: session.idle_timeout: expected a number of seconds from 60 to 604800"),
        ("[throttle]\nwindow = -1\n", "conf.toml:2: throttle.window: expected a number of seconds from 1 to 86400"),
        ("[database]\npath = \"\"\n", "conf.toml:2: database.path: expected a path to the database file"),
        ("server.port = 70000\n", "conf.toml:1: server.port: expected a whole number from 1 to 65535"),
    ])
    func refused(text: String, message: String) {
        #expect(throws: (any Error).self) { try ServiceConfiguration.parse(text, file: "conf.toml") }
        do {
            _ = try ServiceConfiguration.parse(text, file: "conf.toml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a file that is not TOML names the line of the error")
    func notTOML() {
        do {
            _ = try ServiceConfiguration.parse("[server]\nport = = 3\n", file: "bad.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.line == 2 && error.key == nil && error.description.hasPrefix("bad.toml:2: expected TOML ("))
        }
    }

    @Test("a file that cannot be read is refused by name")
    func missing() {
        #expect(throws: ConfigurationError(file: "/nonexistent/registre.toml", line: nil, key: nil, expected: "a readable UTF-8 file")) {
            try ServiceConfiguration.read("/nonexistent/registre.toml")
        }
    }
}
