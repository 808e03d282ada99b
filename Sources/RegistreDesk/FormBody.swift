import Foundation
import Hummingbird
import RegistreCore

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

    /// A body already read, as bytes: decoded as UTF-8 the way `String(buffer:)` does (invalid sequences
    /// become U+FFFD).
    init(bytes: [UInt8]) {
        text = String(decoding: bytes, as: UTF8.self)
    }

    func decode<Fields: Decodable>(_ type: Fields.Type) throws -> Fields {
        try URLEncodedFormDecoder().decode(type, from: text)
    }

    /// Whether the form carries the session's CSRF token: a form posted from another site cannot know it.
    func carries(csrf expected: String) -> Bool {
        struct Token: Decodable { var csrf: String? }
        return Self.same((try? decode(Token.self))?.csrf, expected)
    }

    /// Whether `token` is the session's `expected` token: same length, and a comparison that does not stop
    /// at the first difference.
    static func same(_ token: String?, _ expected: String) -> Bool {
        guard let token else { return false }
        let given = Array(token.utf8), wanted = Array(expected.utf8)
        guard given.count == wanted.count, !wanted.isEmpty else { return false }
        return zip(given, wanted).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The desk's reading of submitted forms, opened to the fuzz target `registre-fuzz-forms` (fuzz/Forms)
/// and to nothing else: a visitor controls every byte of a form body, so every form must decode any bytes
/// into its fields or a refusal, never a trap. Narrow on purpose: it takes bytes and says how many forms
/// took them, and exposes none of the desk's types.
public enum FormBodyFuzzing {
    /// Reads `bytes` as an `application/x-www-form-urlencoded` body the way the desk reads a POST: the CSRF
    /// token is compared with a fixed one, then the body is decoded into each of the desk's forms, and
    /// the forms that need nothing but their fields (the breach assessment; the breach facts, a new agreement and an agreement's terms against stand-ins) are turned into their value.
    /// - Returns: how many of the forms decoded without error (for the fuzzer's own use; any is right).
    public static func decodeEveryForm(_ bytes: [UInt8]) -> Int {
        let body = FormBody(bytes: Array(bytes.prefix(FormBody.maximumSize)))
        _ = body.carries(csrf: "0123456789abcdef0123456789abcdef")
        var decoded = 0
        func attempt<Form: Decodable>(_ type: Form.Type, then use: (Form) -> Void = { _ in }) {
            guard let form = try? body.decode(type) else { return }
            use(form)
            decoded += 1
        }
        attempt(ActivityForm.self)
        attempt(OrganisationForm.self)
        attempt(ProcessorRecordForm.self)
        attempt(ChangeNoticeForm.self)
        attempt(AuditRequestForm.self)
        attempt(AuditRecordForm.self)
        attempt(BreachDeclaration.self)
        attempt(BreachNotificationForm.self)
        attempt(BreachAssessmentForm.self) { _ = $0.assessment() }
        attempt(AuthorityNotificationForm.self)
        attempt(SubjectCommunicationForm.self)
        attempt(Desk.CampaignForm.self)
        attempt(Desk.ConfirmationForm.self)
        attempt(Desk.AccountFields.self)
        _ = multipartParts(bytes, boundary: "b")
        attempt(NewAgreementForm.self) { _ = $0.agreement(controllers: ["c"], processors: ["p"]) }
        attempt(AgreementTermsForm.self) { _ = $0.agreement(updating: DataProcessingAgreement(id: "a", title: "A", controllers: ["c"], processor: "p")) }
        attempt(BreachFactsForm.self) { form in
            let breach = Breach(id: "b", title: "B", controller: "c", aware: Date(timeIntervalSince1970: 0), nature: [.confidentiality])
            _ = form.breach(updating: breach, in: .init(zone: .gmt, agreements: ["a"], activities: ["t"]))
        }
        return decoded
    }

    /// How many parts the desk's reading of an upload (`multipart/form-data`) finds in `bytes` delimited
    /// by `boundary`; nil when they are not such a body.
    public static func multipartParts(_ bytes: [UInt8], boundary: String) -> Int? {
        MultipartBody(bytes, boundary: boundary)?.parts.count
    }
}
