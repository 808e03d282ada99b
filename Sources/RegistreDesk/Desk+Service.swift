import Foundation
import Hummingbird
import NIOCore
import RegistreStore

extension Desk {
    /// What a service manager and its monitoring ask: `GET /healthz` (a load balancer's check) and
    /// `GET /metrics` (Prometheus' text format, for the addresses ``ServiceSettings/metricsAllowed`` allows).
    func addServiceRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            try await Self.offServerThreads { self.health() }
        }
        router.get("/metrics") { _, _ in
            // Anyone else is told there is nothing here, as for any other address the desk does not serve.
            guard self.service.metricsAllowed.allows(Self.requestAddress) else { throw HTTPError(.notFound) }
            return try await Self.offServerThreads { try self.metricsExposition() }
        }
    }

    /// 200 "ok" when the database answers and its schema is current, 503 otherwise: the reason goes to the
    /// log, not to the client.
    private func health() -> Response {
        let health = store.health()
        let text: String
        switch health {
        case .ready:
            return Self.plainText("ok\n", status: .ok)
        case .schemaNotCurrent:
            text = "the database's schema is not the one this registre writes"
        case .unreachable(let reason):
            text = reason
        }
        service.logger.error("health check failed", metadata: ["reason": "\(text)"])
        return Self.plainText("unavailable\n", status: .serviceUnavailable)
    }

    /// The metrics, with the gauges read in one read transaction at this moment.
    private func metricsExposition() throws -> Response {
        let now = clock.now()
        let (journalLength, register) = try store.read { transaction in (try transaction.revision(), try parties.parties(in: transaction)) }
        let bytes = metrics.exposition(store: store, parties: register, journalLength: journalLength, now: now)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func plainText(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
