public import Foundation
import Crypto

/// A time-based one-time password (TOTP, RFC 6238): the second factor of a local account. The code of a
/// moment is HOTP (RFC 4226) of the number of `period`s since the Unix epoch, keyed by the shared secret.
public struct OneTimePassword: Sendable, Equatable {
    /// The HMAC's hash function (RFC 6238 §1.2; authenticator applications expect SHA-1).
    public enum Algorithm: String, Sendable, CaseIterable {
        /// HMAC-SHA-1, what every authenticator application reads.
        case sha1 = "SHA1"
        /// HMAC-SHA-256.
        case sha256 = "SHA256"
        /// HMAC-SHA-512.
        case sha512 = "SHA512"
    }

    /// The shared secret.
    public let secret: [UInt8]
    /// The HMAC's hash function.
    public let algorithm: Algorithm
    /// How many digits a code has (6 to 10).
    public let digits: Int
    /// How many seconds a code lasts.
    public let period: Int

    /// A generator on `secret`, with `algorithm`, codes of `digits` digits lasting `period` seconds.
    public init(secret: [UInt8], algorithm: Algorithm = .sha1, digits: Int = 6, period: Int = 30) {
        precondition((6...10).contains(digits) && period > 0, "RFC 6238: 6 to 10 digits, a positive period")
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }

    /// A new secret of 20 random bytes (160 bits, RFC 4226 §4's recommendation) from the system's generator.
    public static func random() -> OneTimePassword {
        var generator = SystemRandomNumberGenerator()
        return OneTimePassword(secret: (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The number of periods since the epoch at `moment` (RFC 6238's T; none before the epoch, nor at a
    /// moment that is not a number of seconds, which a conversion would trap on).
    public func counter(at moment: Date) -> UInt64 {
        let periods = moment.timeIntervalSince1970 / Double(period)
        guard periods.isFinite, periods > 0 else { return 0 }
        return periods < Double(UInt64.max) ? UInt64(periods) : .max
    }

    /// The code for `counter` (RFC 4226 §5.3: dynamic truncation of the HMAC, modulo 10^digits).
    public func code(counter: UInt64) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Data($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt64(mac[offset] & 0x7f) << 24) | (UInt64(mac[offset + 1]) << 16) | (UInt64(mac[offset + 2]) << 8) | UInt64(mac[offset + 3])
        var modulus: UInt64 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The code at `moment`.
    public func code(at moment: Date) -> String {
        code(counter: counter(at: moment))
    }

    /// The counter of the period whose code `typed` is, within `window` periods either side of `moment`
    /// (a phone's clock a little off), or nil. Spaces in `typed` are ignored; the comparison takes the same
    /// time whatever the digits. A negative `window` is 0 (the moment's own period only); one over
    /// ``maximumWindow`` is that many.
    public func counter(of typed: String, at moment: Date, window: Int = 1) -> UInt64? {
        let digitsOnly = Array(typed.filter { $0 != " " }.utf8)
        guard digitsOnly.count == digits, digitsOnly.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let now = counter(at: moment)
        let reach = min(max(window, 0), Self.maximumWindow)
        var found: UInt64?
        for step in -reach...reach {
            let candidate = step < 0 ? now.subtractingReportingOverflow(UInt64(-step)) : now.addingReportingOverflow(UInt64(step))
            guard !candidate.overflow else { continue }
            let expected = Array(code(counter: candidate.partialValue).utf8)
            let difference = zip(expected, digitsOnly).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
            if difference == 0, found == nil { found = candidate.partialValue }
        }
        return found
    }

    /// The most periods either side of the moment a code is looked for in: each one more is one more code
    /// a guesser may hit (RFC 6238 §5.2 recommends at most one).
    public static let maximumWindow = 10

    /// The secret in base 32 (RFC 4648, without padding), as authenticator applications take it typed.
    public var base32Secret: String {
        Base32.encode(secret)
    }

    /// The `otpauth://` address an authenticator application reads (from a QR code or pasted) for `login`
    /// at `issuer`.
    public func provisioningURI(login: String, issuer: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        let label = (issuer + ":" + login).addingPercentEncoding(withAllowedCharacters: allowed) ?? login
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(base32Secret)&issuer=\(issuerParameter)&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }
}

/// Base 32 (RFC 4648 §6), the alphabet of TOTP secrets.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// `bytes` in base 32, without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` writes in base 32 (upper or lower case, padding and spaces ignored), or nil when it
    /// holds another character.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: "=") && character != UInt8(ascii: " ") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out
    }
}
