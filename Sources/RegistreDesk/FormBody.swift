import Hummingbird

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`), read once, decoded as often
/// as needed: first the CSRF token, then the form's own fields.
struct FormBody {
    let text: String

    static let maximumSize = 1 << 20

    /// The form of `request`, at most `maximumSize` bytes.
    /// - Throws: NIO's `NIOTooManyBytesError` past `maximumSize` (answered 413 Content Too Large when not caught).
    init(_ request: Request, upTo maximumSize: Int = maximumSize) async throws {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumSize)
        text = String(buffer: buffer)
    }

    func decode<Fields: Decodable>(_ type: Fields.Type) throws -> Fields {
        try URLEncodedFormDecoder().decode(type, from: text)
    }

    /// Whether the form carries the session's CSRF token: a form posted from another site cannot know it.
    func carries(csrf expected: String) -> Bool {
        struct Token: Decodable { var csrf: String? }
        guard let token = (try? decode(Token.self))?.csrf else { return false }
        // Same length and a comparison that does not stop at the first difference.
        let given = Array(token.utf8), wanted = Array(expected.utf8)
        guard given.count == wanted.count, !wanted.isEmpty else { return false }
        return zip(given, wanted).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
