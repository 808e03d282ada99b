import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreDesk
import RegistreTestTags
import Testing

#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
private func closeDescriptor(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
private func sendBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { Glibc.send(descriptor, bytes.baseAddress, bytes.count, noSignal) }
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private func closeDescriptor(_ descriptor: Int32) { _ = Darwin.close(descriptor) }
private func sendBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { Darwin.send(descriptor, bytes.baseAddress, bytes.count, 0) }
#endif

@Suite("Desk: slow or numerous clients cannot hold the server (a real server on loopback)", .serialized)
struct SlowClientTests {
    /// Runs `test` against the fixture's desk served on a free port of 127.0.0.1 within `limits`.
    func serve(_ limits: ServerLimits, _ test: @escaping @Sendable (_ port: Int, any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try DeskFixture()
        try await fixture.desk.application(host: "127.0.0.1", port: 0, limits: limits).test(.live) { client in
            try await test(try #require(client.port), client)
        }
    }

    @Test("a client that sends half a request's headers is disconnected at the head timeout")
    func halfHead() async throws {
        try await serve(ServerLimits(headTimeout: 0.3, bodyTimeout: 30, maximumConnections: 16)) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /sign-in HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slo")
            #expect(try await connection.readUntilClosed(waitingAtMost: 20) == "")
        }
    }

    @Test("a client that sends the headers a byte at a time is disconnected all the same")
    func dribbledHead() async throws {
        try await serve(ServerLimits(headTimeout: 0.5, bodyTimeout: 30, maximumConnections: 16)) { port, _ in
            let connection = try RawConnection(port: port)
            var sent = 0
            // One byte every 50 ms keeps an idle timeout from ever firing; the deadline is for the whole head.
            for byte in "GET /sign-in HTTP/1.1\r\nHost: localhost\r\nX-Slow: \(String(repeating: "a", count: 400))".utf8 {
                guard (try? connection.send(String(decoding: [byte], as: UTF8.self))) != nil else { break }
                sent += 1
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(sent < 400)
            #expect(try await connection.readUntilClosed(waitingAtMost: 20) == "")
        }
    }

    @Test("a client that sends half a body is disconnected at the body timeout")
    func halfBody() async throws {
        try await serve(ServerLimits(headTimeout: 30, bodyTimeout: 0.3, maximumConnections: 16)) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send(
                "POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nlogin=adm")
            // Cut while the desk waits for the rest: no answer, the connection closed.
            #expect(try await connection.readUntilClosed(waitingAtMost: 20) == "")
        }
    }

    @Test("a keep-alive connection left idle after its answer is closed at the head timeout")
    func idleAfterAnswer() async throws {
        try await serve(ServerLimits(headTimeout: 0.3, bodyTimeout: 30, maximumConnections: 16)) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /desk.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let answer = try await connection.readUntilClosed(waitingAtMost: 20)
            #expect(answer.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test("the desk answers while slow clients hold connections, up to the cap")
    func answersDuringSlowClients() async throws {
        try await serve(ServerLimits(headTimeout: 60, bodyTimeout: 60, maximumConnections: 16)) { port, client in
            let slow = try (0..<12).map { _ in try RawConnection(port: port) }
            for connection in slow { try connection.send("GET / HTTP/1.1\r\nHost: loc") }
            let page = try await client.execute(uri: "/sign-in", method: .get, headers: [:], body: nil)
            #expect(page.status == .ok)
            for connection in slow { connection.close() }
        }
    }

    @Test(
        "past the cap a connection waits, and is answered once the slow ones are cut", .tags(.slow), .skippedInQuickRuns)
    func capThenServed() async throws {
        try await serve(ServerLimits(headTimeout: 1, bodyTimeout: 30, maximumConnections: 2)) { port, _ in
            let slow = try (0..<2).map { _ in try RawConnection(port: port) }
            for connection in slow { try connection.send("GET / HTTP/1.1\r\nHost: loc") }
            // Accepted by the kernel's queue, held there by the desk until one of the two is cut.
            let waiting = try RawConnection(port: port)
            try waiting.send("GET /desk.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let answer = try await waiting.readUntilClosed(waitingAtMost: 30)
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            for connection in slow { #expect(try await connection.readUntilClosed(waitingAtMost: 30) == "") }
        }
    }
}

/// A TCP connection to 127.0.0.1 driven byte by byte, as a slow or hostile client would.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var closed = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(port: Int) throws {
        descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            closeDescriptor(descriptor)
            throw Failure(description: "connect: \(errno)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { sendBytes(descriptor, $0) }
        guard sent == bytes.count else { throw Failure(description: "send: \(errno)") }
    }

    /// Everything the server sends until it closes the connection; throws when it is still open after
    /// `seconds` (a bound for a test that would otherwise hang, not a measure).
    func readUntilClosed(waitingAtMost seconds: Int) async throws -> String {
        let descriptor = descriptor
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                var timeout = timeval(tv_sec: seconds, tv_usec: 0)
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                    if count > 0 {
                        received += buffer.prefix(count)
                    } else if count == 0 || errno == ECONNRESET {
                        continuation.resume(returning: String(decoding: received, as: UTF8.self))
                        return
                    } else {
                        continuation.resume(throwing: Failure(description: "still open after \(seconds) s (errno \(errno))"))
                        return
                    }
                }
            }
        }
    }

    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            closeDescriptor(descriptor)
        }
    }

    deinit { close() }
}
