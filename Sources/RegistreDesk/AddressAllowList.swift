import NIOCore

/// The addresses allowed to read the desk's metrics (`GET /metrics`): networks written as an address with
/// an optional prefix length (`127.0.0.0/8`, `::1`, `10.1.2.0/24`, `2001:db8::/32`).
///
/// The client is the one ``ClientIdentification`` names: behind a trusted proxy, the address the proxy
/// forwarded, so that the proxy's own loopback connection does not open the metrics to everyone it serves.
public struct AddressAllowList: Sendable, Equatable {
    /// One network: its address's bytes (4 or 16) and how many leading bits must match.
    struct Network: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            for bit in 0..<prefix where (address[bit / 8] ^ bytes[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 { return false }
            return true
        }
    }

    let networks: [Network]

    /// Loopback only: `127.0.0.0/8` and `::1`, the default.
    public static let loopback = try! AddressAllowList(["127.0.0.0/8", "::1"])

    /// The networks `entries` write.
    /// - Throws: ``AddressAllowListError/notANetwork(_:)`` for an entry that is not an address, or whose
    ///   prefix length is not a number within the address's bits.
    public init(_ entries: [String]) throws {
        networks = try entries.map { entry in
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let bytes = Self.bytes(of: parts[0]) else { throw AddressAllowListError.notANetwork(entry) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...bytes.count * 8).contains(prefix) else { throw AddressAllowListError.notANetwork(entry) }
            return Network(bytes: bytes, prefix: prefix)
        }
    }

    /// Whether `address` (an IPv4 or IPv6 address as text; nil for none) is within one of the networks.
    public func allows(_ address: String?) -> Bool {
        guard let address, let bytes = Self.bytes(of: address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    /// The bytes of an IPv4 or IPv6 address, an IPv4-mapped IPv6 address as IPv4; nil for anything else.
    static func bytes(of text: String) -> [UInt8]? {
        guard let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
            return mapped ? Array(bytes.suffix(4)) : bytes
        default:
            return nil
        }
    }
}

/// Why an entry of an ``AddressAllowList`` was refused.
public enum AddressAllowListError: Error, Equatable, CustomStringConvertible {
    /// The entry is not an IPv4 or IPv6 address with an optional prefix length.
    case notANetwork(String)

    /// The refusal in words (English).
    public var description: String {
        switch self {
        case .notANetwork(let entry): "'\(entry)' is not an IPv4 or IPv6 address with an optional /prefix length"
        }
    }
}
