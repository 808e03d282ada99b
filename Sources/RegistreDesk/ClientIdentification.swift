import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore

/// How the desk tells one client from another, to count failed sign-ins per client (`SignInThrottle`)
/// and to ration the lines refusals write in the account journal (`RefusalQuota`).
///
/// A client is its IP address as the connection shows it, IPv6 addresses by their /64 network (one
/// machine commonly holds a whole /64, and would otherwise count as 2^64 clients). Behind a reverse proxy
/// every connection comes from the proxy: with ``behindProxy(_:)`` the desk reads the last address of
/// `X-Forwarded-For` (the one the proxy itself appended), and only on connections from that proxy; it never
/// believes the header from anyone else, who could write any address into it.
public struct ClientIdentification: Sendable {
    private let identify: @Sendable (_ request: Request, _ peer: String?) -> String?
    /// The client's address for what must fail closed (the metrics' allow list): behind the trusted
    /// proxy, nil when the proxy sent no address it can be believed for.
    private let locate: @Sendable (_ request: Request, _ peer: String?) -> String?

    /// Tells clients apart by `identify`, given the request and the connection's IP address (nil when
    /// there is no connection: in-process tests), which returns the client's address or any other name:
    /// a test's own way to stand for several machines.
    public init(_ identify: @escaping @Sendable (_ request: Request, _ peer: String?) -> String?) {
        self.identify = identify
        self.locate = identify
    }

    private init(
        identify: @escaping @Sendable (Request, String?) -> String?, locate: @escaping @Sendable (Request, String?) -> String?
    ) {
        self.identify = identify
        self.locate = locate
    }

    /// The address of the connection: the desk faces its clients directly.
    public static let peer = ClientIdentification { _, peer in peer }

    /// The last `X-Forwarded-For` address on connections from `proxy` (an IPv4 or IPv6 address), the
    /// connection's address otherwise.
    /// - Throws: ``ClientIdentificationError/notAnAddress(_:)`` when `proxy` is not an IP address.
    public static func behindProxy(_ proxy: String) throws -> ClientIdentification {
        guard let trusted = canonical(proxy) else { throw ClientIdentificationError.notAnAddress(proxy) }
        @Sendable func forwarded(_ request: Request) -> String? {
            let hops = request.headers[values: forwardedFor].joined(separator: ",").split(separator: ",")
            return hops.last.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap(canonical)
        }
        return ClientIdentification(
            identify: { request, peer in
                guard let peer, canonical(peer) == trusted else { return peer }
                return forwarded(request) ?? peer
            },
            // From the proxy without a forwarded address, the client is unknown: never the proxy's own
            // (loopback) address, which the metrics' default allow list admits.
            locate: { request, peer in
                guard let peer, canonical(peer) == trusted else { return peer }
                return forwarded(request)
            })
    }

    /// Whether `text` is an IPv4 or IPv6 address (what ``behindProxy(_:)`` takes).
    public static func isAddress(_ text: String) -> Bool {
        canonical(text) != nil
    }

    /// The client of `request`, whose connection comes from `peer`: its address as a key (see
    /// ``key(_:)``), or "unknown" when nothing tells.
    func client(of request: Request, peer: SocketAddress?) -> String {
        identify(request, peer.flatMap(Self.canonical)).map(Self.key) ?? "unknown"
    }

    /// The address of the client of `request`, whose connection comes from `peer`, as ``client(of:peer:)``
    /// names it but not keyed: nil when it is not an IP address (a test's name) or nothing tells, and on a
    /// connection from the trusted proxy without a forwarded address (failing closed).
    func address(of request: Request, peer: SocketAddress?) -> String? {
        locate(request, peer.flatMap(Self.canonical)).flatMap(Self.canonical)
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The address written `text` as the connection would show it (an IPv4-mapped IPv6 address as IPv4),
    /// or nil when it is not an IP address.
    static func canonical(_ text: String) -> String? {
        (try? SocketAddress(ipAddress: text, port: 0)).flatMap(canonical)
    }

    static func canonical(_ address: SocketAddress) -> String? {
        guard case .v6(let v6) = address else { return address.ipAddress }
        let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return mapped ? bytes.suffix(4).map(String.init).joined(separator: ".") : address.ipAddress
    }

    /// A client as the counts key it: an IPv6 address by its /64 network, an IPv4 address as it is, any
    /// other name (a test's) as it is, cut to 64 characters.
    static func key(_ client: String) -> String {
        guard let address = try? SocketAddress(ipAddress: client, port: 0), case .v6(let v6) = address else {
            return String(client.prefix(64))
        }
        let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}

/// Why a trusted proxy's address was refused.
public enum ClientIdentificationError: Error, Equatable, CustomStringConvertible {
    /// The value is not an IPv4 or IPv6 address.
    case notAnAddress(String)

    /// The refusal in words (English).
    public var description: String {
        switch self {
        case .notAnAddress(let text): "'\(text)' is not an IPv4 or IPv6 address"
        }
    }
}
