public import Foundation
public import Hummingbird
import RegistreCore
public import RegistreStore

/// The DPO's desk: web pages on the register of record, for the accounts of the same database.
///
/// Every route asks `visit(_:)` who is signed in and what they may see (`AccessPolicy`), and answers
/// "not found" for anything outside it. Every change goes through `RegisterEdits` and is journaled with
/// the signed-in account as the actor.
public final class Desk: Sendable {
    let store: RegisterStore
    let clock: DeskClock
    let throttle: SignInThrottle
    /// How long a session lives without a request.
    let idleTimeout: TimeInterval

    public static let sessionCookie = "registre_session"
    static let languageCookie = "registre_lang"
    /// The token of the sign-in form, before there is a session to hold one.
    static let signInCookie = "registre_signin"

    public init(store: RegisterStore, clock: DeskClock = .system, idleTimeout: TimeInterval = 30 * 60) {
        self.store = store
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.throttle = SignInThrottle()
    }

    /// Every route of the desk.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/desk.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Page.stylesheet)))
        }
        addSessionRoutes(to: router)
        addDashboardRoutes(to: router)
        addOrganisationRoutes(to: router)
        addRegisterRoutes(to: router)
        addActivityRoutes(to: router)
        addBreachRoutes(to: router)
        addHistoryRoutes(to: router)
        addDownloadRoutes(to: router)
        return router
    }

    /// The server, bound to `host` (loopback unless told otherwise) and `port`.
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "registre"))
    }

    /// Serves until the process is told to stop (SIGINT, SIGTERM).
    public func serve(host: String, port: Int) async throws {
        try await application(host: host, port: port).runService()
    }

    // MARK: Who is asking

    /// The signed-in visit a request belongs to, or nil when it carries no live session.
    func visit(_ request: Request) throws -> Visit? {
        guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty else { return nil }
        let now = clock.now()
        guard let session = try store.session(token: token, at: now), let account = try store.account(session.login) else { return nil }
        // The idle timeout restarts with each request; written at most once a minute.
        if session.expires.timeIntervalSince(now) < idleTimeout - 60 {
            try store.extendSession(token: token, until: now.addingTimeInterval(idleTimeout))
        }
        let register = try store.register()
        return Visit(
            account: account, policy: account.policy(in: register), register: register, language: language(of: request),
            csrf: session.csrf, token: token, now: now)
    }

    func language(of request: Request) -> Language {
        request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .fr
    }

    /// Runs `page` for a signed-in visit, or sends the visitor to the sign-in page.
    func signedIn(_ request: Request, _ page: (Visit) async throws -> Response) async throws -> Response {
        guard let visit = try visit(request) else { return Page.redirect(to: "/sign-in") }
        return try await page(visit)
    }

    /// Runs `change` for a signed-in visit whose form carries the session's CSRF token; refuses it otherwise.
    func signedInForm(_ request: Request, _ change: (Visit, FormBody) async throws -> Response) async throws -> Response {
        guard let visit = try visit(request) else { return Page.redirect(to: "/sign-in") }
        let form = try await FormBody(request)
        guard form.carries(csrf: visit.csrf) else {
            return Page.html(
                "refused", title: Wording.text("refused", visit.language), view: [:], visit: visit, language: visit.language,
                status: .forbidden)
        }
        return try await change(visit, form)
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
