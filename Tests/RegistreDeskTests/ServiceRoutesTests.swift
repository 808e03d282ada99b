import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk as a service: /healthz for the load balancer, /metrics for Prometheus from the allowed addresses only", .serialized)
struct ServiceRoutesTests {
    /// Runs `test` against the fixture's database served on a free port of 127.0.0.1, with `service`.
    func serve(
        _ fixture: DeskFixture, clients: ClientIdentification = .peer, service: ServiceSettings = ServiceSettings(),
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let clock = fixture.clock
        let desk = Desk(
            store: fixture.store, clock: DeskClock { clock.now }, passwords: PasswordChecks().check, clients: clients, service: service)
        try await desk.application(host: "127.0.0.1", port: 0).test(.live, test)
    }

    @Test("/healthz answers 200 while the database answers with the schema this registre writes")
    func healthy() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok\n")
        }
    }

    @Test("/healthz answers 503 once another registre migrated the database further, and says why only in the log")
    func newerSchema() async throws {
        let fixture = try DeskFixture()
        let queue = try DatabaseQueue(path: fixture.scratch.path("registre.sqlite"))
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a newer registre')") }
        try queue.close()
        try await fixture.run { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text == "unavailable\n")
        }
    }

    @Test("/healthz answers 503 once the database file is gone from its path")
    func fileGone() async throws {
        let fixture = try DeskFixture()
        try FileManager.default.removeItem(atPath: fixture.scratch.path("registre.sqlite"))
        try await fixture.run { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
        }
    }

    @Test("/metrics from loopback: requests by route and status with their latency, refusals and lock-outs, journal, open breaches")
    func exposition() async throws {
        let fixture = try DeskFixture()
        let limits = SignInLimits(loginLimit: 2, clientLimit: 50)
        try await serve(fixture, service: ServiceSettings(signIn: limits)) { client in
            let browser = Browser(client)
            for _ in 0..<3 { try await browser.signIn("dpo-mende", password: "not the password") }
            try await browser.get("/activities/mende-etat-civil")
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            #expect(text.contains(#"registre_http_requests_total{route="/sign-in",method="POST",status="401"} 2"#))
            #expect(text.contains(#"registre_http_requests_total{route="/sign-in",method="POST",status="429"} 1"#))
            #expect(text.contains(#"registre_http_request_duration_seconds_bucket{route="/sign-in",method="POST",le="+Inf"} 3"#))
            #expect(text.contains("registre_sign_in_refusals_total 2"))
            #expect(text.contains("registre_sign_in_lockouts_total 1"))
            #expect(text.contains("registre_journal_entries \(Double(fixture.journalCount))\n"))
            #expect(text.contains("registre_database_write_transactions_total "))
            for (state, count) in Self.openBreaches(at: fixture.clock.now) {
                #expect(text.contains(#"registre_breaches_open{state="\#(state)"} \#(Double(count))"#))
            }
            // The path asked is never a label: only the route's pattern.
            #expect(text.contains("mende-etat-civil") == false)
        }
    }

    /// The open states of the fixture's breaches at `now`, as the domain judges them.
    static func openBreaches(at now: Date) -> [String: Int] {
        var counts = ["in-time": 0, "due-within-24h": 0, "overdue": 0]
        for breach in DeskFixture.register.breaches {
            let state = BreachDecision(breach, in: DeskFixture.register, now: now).clock.rawValue
            if counts[state] != nil { counts[state, default: 0] += 1 }
        }
        return counts
    }

    @Test("/metrics from an address outside the allow list is not found, as any address the desk does not serve")
    func refusedAddress() async throws {
        let fixture = try DeskFixture()
        try await serve(fixture, service: ServiceSettings(metricsAllowed: try AddressAllowList(["10.0.0.0/8", "2001:db8::/32"]))) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("registre_http") == false)
        }
    }

    @Test("behind a trusted proxy the forwarded client is the one checked, not the proxy's loopback connection")
    func refusedBehindProxy() async throws {
        let fixture = try DeskFixture()
        try await serve(fixture, clients: try .behindProxy("127.0.0.1")) { client in
            let outside = try await Forwarding(base: client, forwardedFor: "203.0.113.5").execute(uri: "/metrics", method: .get)
            #expect(outside.status == .notFound)
            let local = try await Forwarding(base: client, forwardedFor: "127.0.0.1").execute(uri: "/metrics", method: .get)
            #expect(local.status == .ok)
            // From the proxy with no address it can be believed for: unknown, refused (never the proxy's own).
            let bare = try await client.execute(uri: "/metrics", method: .get)
            #expect(bare.status == .notFound)
            let garbage = try await Forwarding(base: client, forwardedFor: "not-an-address").execute(uri: "/metrics", method: .get)
            #expect(garbage.status == .notFound)
        }
    }

    @Test("without a server (a router alone) no client address is known, and the metrics are refused")
    func noAddress() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test("the allow list takes addresses and networks, and refuses anything else", arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false), ("::1", "::1", true), ("::1", "127.0.0.1", false),
        ("2001:db8::/32", "2001:db8:ffff::1", true), ("2001:db8::/32", "2001:db9::1", false), ("192.0.2.7", "::ffff:192.0.2.7", true),
        ("0.0.0.0/0", "198.51.100.1", true), ("192.0.2.0/25", "192.0.2.200", false),
    ])
    func allowList(network: String, address: String, allowed: Bool) throws {
        #expect(try AddressAllowList([network]).allows(address) == allowed)
    }

    @Test("an allow list entry that is not a network is refused", arguments: ["localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", ""])
    func notANetwork(entry: String) {
        #expect(throws: AddressAllowListError.notANetwork(entry)) { try AddressAllowList([entry]) }
    }
}
