import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: which client asks, facing clients or behind a trusted proxy (a real server on loopback)", .serialized)
struct TrustedProxyTests {
    /// Runs `test` against the fixture's database served on a free port of 127.0.0.1, telling clients apart with `clients`.
    func serve(_ clients: ClientIdentification, _ test: @escaping @Sendable (DeskFixture, any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try DeskFixture()
        let clock = fixture.clock
        let desk = Desk(store: fixture.store, clock: DeskClock { clock.now }, passwords: PasswordChecks().check, clients: clients)
        try await desk.application(host: "127.0.0.1", port: 0).test(.live) { client in try await test(fixture, client) }
    }

    /// Twenty failed sign-ins, each on another unknown login, from a browser whose requests carry `forwardedFor`.
    func exhaust(_ client: any TestClientProtocol, forwardedFor: String) async throws {
        let browser = Browser(Forwarding(base: client, forwardedFor: forwardedFor))
        for index in 0..<20 {
            let response = try await browser.signIn("inconnu\(index)", password: "guess guess guess")
            #expect(response.status == .unauthorized)
        }
    }

    func signIn(_ client: any TestClientProtocol, forwardedFor: String) async throws -> HTTPResponse.Status {
        try await Browser(Forwarding(base: client, forwardedFor: forwardedFor)).signIn("admin").status
    }

    @Test("behind a trusted proxy the client is the last X-Forwarded-For address (IPv6 by its /64); what a client wrote before it counts for nothing")
    func behindTrustedProxy() async throws {
        try await serve(try .behindProxy("127.0.0.1")) { fixture, client in
            try await exhaust(client, forwardedFor: "203.0.113.5, 198.51.100.7")
            #expect(try await signIn(client, forwardedFor: "203.0.113.5, 198.51.100.7") == .tooManyRequests)
            #expect(try await signIn(client, forwardedFor: "203.0.113.5, 192.0.2.1") == .seeOther)
            #expect(try fixture.store.accountEvents().contains { $0.detail == "wrong login or password, from 198.51.100.7" })

            try await exhaust(client, forwardedFor: "2001:db8:1:2::1")
            #expect(try await signIn(client, forwardedFor: "2001:db8:1:2::ffff") == .tooManyRequests)
            #expect(try await signIn(client, forwardedFor: "2001:db8:1:3::1") == .seeOther)
        }
    }

    @Test("facing clients, X-Forwarded-For is ignored: every address it claims is the connection's")
    func headerIgnored() async throws {
        try await serve(.peer) { fixture, client in
            try await exhaust(client, forwardedFor: "198.51.100.7")
            #expect(try await signIn(client, forwardedFor: "192.0.2.1") == .tooManyRequests)
            #expect(try fixture.store.accountEvents().contains { $0.detail == "wrong login or password, from 127.0.0.1" })
        }
    }

    @Test("behind a proxy at another address, the connection's address is the client: the header is not believed")
    func otherProxy() async throws {
        try await serve(try .behindProxy("10.9.9.9")) { _, client in
            try await exhaust(client, forwardedFor: "198.51.100.7")
            #expect(try await signIn(client, forwardedFor: "192.0.2.1") == .tooManyRequests)
        }
    }

    @Test("a trusted proxy must be an IP address")
    func proxyIsAnAddress() {
        #expect(throws: ClientIdentificationError.notAnAddress("proxy.example")) { try ClientIdentification.behindProxy("proxy.example") }
        #expect(ClientIdentification.isAddress("::1") && ClientIdentification.isAddress("127.0.0.1"))
    }
}

/// A test client whose every request carries `X-Forwarded-For: forwardedFor`, as a proxy (or a liar) would send it.
struct Forwarding: TestClientProtocol {
    let base: any TestClientProtocol
    let forwardedFor: String

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { base.port }
}
