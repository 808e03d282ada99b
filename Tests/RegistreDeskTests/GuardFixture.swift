import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreDesk
import RegistreStore

/// The fixture's database behind a desk as the server runs it (`Desk.responder()`): each request comes
/// from the client its test browser names, and every password check is counted.
struct GuardedDesk: Sendable {
    /// The header by which a test browser names its client: read only by this test's `ClientIdentification`,
    /// never by the desk's own (which takes the connection's address).
    static let clientHeader = HTTPField.Name("X-Test-Client")!

    let fixture: DeskFixture
    let checks = PasswordChecks()
    let desk: Desk

    init() throws {
        fixture = try DeskFixture()
        let clock = fixture.clock
        desk = Desk(
            store: fixture.store, clock: DeskClock { clock.now }, passwords: checks.check,
            clients: ClientIdentification { request, _ in request.headers[Self.clientHeader] })
    }

    func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(responder: desk.responder()).test(.router, test)
    }

    /// A browser on `client` whose requests come from `address`.
    static func browser(_ client: any TestClientProtocol, from address: String) -> Browser {
        Browser(FromAddress(base: client, address: address))
    }

    /// The account journal's size, as the bytes of its text columns.
    var journalBytes: Int {
        get throws {
            try fixture.store.accountEvents().reduce(0) { total, event in
                total + event.actor.utf8.count + event.kind.rawValue.utf8.count + event.login.utf8.count + event.detail.utf8.count + 32
            }
        }
    }
}

/// A test client whose every request names the client it comes from.
struct FromAddress: TestClientProtocol {
    let base: any TestClientProtocol
    let address: String

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        headers[GuardedDesk.clientHeader] = address
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { base.port }
}

/// Counts the password checks of a desk, by the hash checked against: the accounts' (bcrypt's lowest cost,
/// as the fixture's) and the stand-in for unknown logins, of the same cost.
final class PasswordChecks: @unchecked Sendable {
    static let standIn = Passwords.hash("nobody knows this password", cost: 4)
    private let lock = NSLock()
    private var hashes: [String] = []

    var check: PasswordCheck {
        PasswordCheck(unknownLoginHash: { Self.standIn }) { password, hash in
            self.lock.withLock { self.hashes.append(hash) }
            return Passwords.verify(password, against: hash)
        }
    }

    /// Checks against the stand-in hash.
    var standIns: Int { lock.withLock { hashes.count { $0 == Self.standIn } } }
    /// Checks against an account's hash.
    var accounts: Int { lock.withLock { hashes.count { $0 != Self.standIn } } }
}
