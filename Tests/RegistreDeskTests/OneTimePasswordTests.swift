import Foundation
import RegistreDesk
import Testing

@Suite("The second factor's one-time passwords: RFC 6238's test vectors, the window, base 32")
struct OneTimePasswordTests {
    /// RFC 6238 Appendix B: the seeds, 20, 32 and 64 bytes of ASCII digits, one per algorithm.
    static let seeds: [OneTimePassword.Algorithm: String] = [
        .sha1: "12345678901234567890",
        .sha256: "12345678901234567890123456789012",
        .sha512: "1234567890123456789012345678901234567890123456789012345678901234",
    ]

    /// RFC 6238 Appendix B: time, then the 8-digit codes for SHA-1, SHA-256, SHA-512.
    static let vectors: [(TimeInterval, String, String, String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test("every vector of RFC 6238 Appendix B", arguments: vectors)
    func rfcVectors(vector: (TimeInterval, String, String, String)) {
        let moment = Date(timeIntervalSince1970: vector.0)
        for (algorithm, expected) in [(OneTimePassword.Algorithm.sha1, vector.1), (.sha256, vector.2), (.sha512, vector.3)] {
            let generator = OneTimePassword(secret: Array(Self.seeds[algorithm]!.utf8), algorithm: algorithm, digits: 8)
            #expect(generator.code(at: moment) == expected, "\(algorithm) at \(vector.0)")
        }
    }

    @Test("a code is accepted within one period either side, refused beyond, and refused when malformed")
    func window() {
        let generator = OneTimePassword(secret: Array("12345678901234567890".utf8))
        let moment = Date(timeIntervalSince1970: 1_111_111_111)
        let now = generator.counter(at: moment)
        #expect(generator.counter(of: generator.code(at: moment), at: moment) == now)
        #expect(generator.counter(of: generator.code(counter: now - 1), at: moment) == now - 1)
        #expect(generator.counter(of: generator.code(counter: now + 1), at: moment) == now + 1)
        #expect(generator.counter(of: generator.code(counter: now - 2), at: moment) == nil)
        let code = generator.code(at: moment)
        #expect(generator.counter(of: String(code.prefix(3)) + " " + String(code.dropFirst(3)), at: moment) == now)
        for typed in ["", "12345", "1234567", "abcdef", "１２３４５６", String(code.dropLast()) + "x"] {
            #expect(generator.counter(of: typed, at: moment) == nil, "\(typed)")
        }
    }

    @Test("a window out of bounds and moments that are not a time never trap: a negative window is the moment's period only, a huge one is capped")
    func hostileWindowsAndMoments() {
        let generator = OneTimePassword(secret: Array("12345678901234567890".utf8))
        let moment = Date(timeIntervalSince1970: 1_111_111_111)
        let now = generator.counter(at: moment)
        let code = generator.code(at: moment)
        #expect(generator.counter(of: code, at: moment, window: -1) == now)
        #expect(generator.counter(of: generator.code(counter: now - 1), at: moment, window: -1) == nil)
        #expect(generator.counter(of: code, at: moment, window: Int.min) == now)
        #expect(generator.counter(of: code, at: moment, window: 0) == now)
        #expect(generator.counter(of: generator.code(counter: now - 10), at: moment, window: Int.max) == now - 10)
        #expect(generator.counter(of: generator.code(counter: now - 11), at: moment, window: Int.max) == nil)
        for seconds in [Double.nan, .infinity, -.infinity, -1e300, 1e300, -1] {
            let counter = generator.counter(at: Date(timeIntervalSince1970: seconds))
            #expect(generator.code(counter: counter).count == 6, "\(seconds)")
        }
        #expect(generator.counter(at: Date(timeIntervalSince1970: -1)) == 0)
        #expect(generator.counter(at: Date(timeIntervalSince1970: 1e300)) == .max)
    }

    @Test("base 32 round-trips, RFC 4648's vectors, and the otpauth address an authenticator reads")
    func base32() {
        for (text, encoded) in [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")] {
            #expect(Base32.encode(Array(text.utf8)) == encoded)
            #expect(Base32.decode(encoded.lowercased() + "===") == Array(text.utf8))
        }
        #expect(Base32.decode("MZ1W") == nil)
        let generator = OneTimePassword(secret: Array("12345678901234567890".utf8))
        #expect(generator.base32Secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(generator.provisioningURI(login: "dpo@mende", issuer: "registre")
            == "otpauth://totp/registre%3Adpo@mende?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=registre&algorithm=SHA1&digits=6&period=30")
        #expect(OneTimePassword.random().secret.count == 20 && OneTimePassword.random() != OneTimePassword.random())
    }
}
