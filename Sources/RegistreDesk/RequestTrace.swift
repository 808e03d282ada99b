import Foundation
import Synchronization

/// What the desk learns of a request while answering it and writes in the request's log line: its id,
/// and the account signed in, once the session is read (the route's work fills it in, on whichever
/// thread it runs: ``Desk/requestTrace`` travels with it).
final class RequestTrace: Sendable {
    /// The id of the request: the proxy's `X-Request-Id` when it is a plain token, a new one otherwise.
    let id: String
    private let signedIn = Mutex<String?>(nil)

    init(id: String) {
        self.id = id
    }

    /// The login of the account the request was made by, once known.
    var account: String? {
        get { signedIn.withLock { $0 } }
        set { signedIn.withLock { $0 = newValue } }
    }

    /// The id a proxy sent, when it is 1 to 64 letters, digits, `-`, `_` or `.` (anything else could
    /// forge log lines or carry what the log must not hold); a new random id otherwise.
    static func id(forwarded: String?) -> String {
        if let forwarded, (1...64).contains(forwarded.utf8.count),
           forwarded.utf8.allSatisfy({ $0 < 0x80 && (Self.tokenBytes.contains($0)) }) {
            return forwarded
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    private static let tokenBytes = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8))
}
