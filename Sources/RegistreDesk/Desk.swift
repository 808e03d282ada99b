public import Foundation
public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
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
    /// How many refused sign-ins the account journal takes a minute.
    let refusals = RefusalQuota()
    let passwords: PasswordCheck
    /// bcrypt's work factor for the passwords an administrator sets on the desk.
    let passwordCost: UInt8
    let clients: ClientIdentification
    /// Every entry but the activities, read again only when one of them changed.
    let parties = PartiesCache()
    /// The files uploaded for an import, between their preview and their confirmation.
    let uploads: UploadShelf
    /// The last verdict of `verify` an administrator ran, shown until the next run.
    let verdicts = KeptVerdict()
    /// The sessions whose idle timeout was moved lately, moved once by a burst of their requests.
    let renewals = SessionRenewals()
    /// How long a session lives without a request.
    let idleTimeout: TimeInterval
    /// The seal whose state the administration page shows, if the desk was given one.
    let seal: DeskSeal?
    /// The log, the metrics' readers and the sign-in's limits of a desk run as a service.
    let service: ServiceSettings
    /// What the desk counts for `GET /metrics`.
    let metrics = DeskMetrics()

    /// The name of the cookie that carries the session's token.
    public static let sessionCookie = "registre_session"
    static let languageCookie = "registre_lang"
    /// The token of the sign-in form, before there is a session to hold one.
    static let signInCookie = "registre_signin"

    /// The client of the request being answered, as `clients` named it (``ClientIdentification``); nil
    /// outside the desk's server (a router built alone, in tests).
    @TaskLocal static var requestClient: String?
    /// The address of the client of the request being answered (``ClientIdentification``), for the
    /// metrics' allow list; nil outside the desk's server or when the client is not an address.
    @TaskLocal static var requestAddress: String?
    /// The request being answered, which its log line is written from (``RequestObservation``).
    @TaskLocal static var requestTrace: RequestTrace?

    /// A desk on `store`, whose sessions end after `idleTimeout` seconds without a request, which checks
    /// passwords with `passwords`, hashes those an administrator sets at `passwordCost`, and tells clients
    /// apart with `clients`; its administration page shows the state of `seal` when given. `service` says
    /// where it logs, who reads its metrics and how the sign-in is throttled.
    public init(
        store: RegisterStore, clock: DeskClock = .system, idleTimeout: TimeInterval = 30 * 60, passwords: PasswordCheck = .bcrypt(),
        clients: ClientIdentification = .peer, passwordCost: UInt8 = Passwords.defaultCost, seal: DeskSeal? = nil,
        service: ServiceSettings = ServiceSettings()
    ) {
        self.service = service
        throttle = SignInThrottle(service.signIn)
        self.seal = seal
        self.passwordCost = passwordCost
        self.store = store
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.passwords = passwords
        self.clients = clients
        uploads = UploadShelf(databasePath: store.path)
    }

    /// Every route of the desk. Without ``responder()`` around it, the desk does not know which client
    /// asks: every request counts as one client, "unknown", for the sign-in's throttle.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestObservation(logger: service.logger, metrics: metrics))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: NotFoundPage())
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
        addRetirementRoutes(to: router)
        addPrintRoutes(to: router)
        addBreachRoutes(to: router)
        addRequestRoutes(to: router)
        addRequestDocumentRoutes(to: router)
        addBreachFactRoutes(to: router)
        addAgreementFormRoutes(to: router)
        addAgreementRoutes(to: router)
        addAuditRoutes(to: router)
        addProcessorRecordRoutes(to: router)
        addHistoryRoutes(to: router)
        addDownloadRoutes(to: router)
        addStructureRoutes(to: router)
        addDocumentRoutes(to: router)
        addCalendarRoutes(to: router)
        addAccountRoutes(to: router)
        addObjectionWindowRoutes(to: router)
        addUploadRoutes(to: router)
        addServiceRoutes(to: router)
        return router
    }

    /// The routes of ``router()``, each request told which client sent it (``ClientIdentification``).
    public func responder() -> some HTTPResponder<DeskRequestContext> {
        DeskResponder(pages: router().buildResponder(), clients: clients)
    }

    /// The server, bound to `host` (loopback unless told otherwise) and `port` (0: any free port), within
    /// `limits`.
    public func application(host: String, port: Int, limits: ServerLimits = ServerLimits()) -> some ApplicationProtocol {
        let head = TimeAmount.nanoseconds(Int64(limits.headTimeout * 1e9)), body = TimeAmount.nanoseconds(Int64(limits.bodyTimeout * 1e9))
        return Application(
            responder: responder(),
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadlines(headTimeout: head, bodyTimeout: body)])),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "registre",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)),
            logger: service.logger)
    }

    /// Serves until the process is told to stop (SIGINT, SIGTERM).
    /// - Throws: the server's error when it cannot bind `host` and `port` or fails while serving.
    public func serve(host: String, port: Int, limits: ServerLimits = ServerLimits()) async throws {
        // The stand-in hash for unknown logins is made before the first sign-in, which would otherwise take
        // one hash longer than the next ones.
        passwords.prepare()
        try await application(host: host, port: port, limits: limits).runService()
    }

    // MARK: Who is asking

    /// Which part of the register a page reads. No page reads every activity: the lists ask the store for
    /// one page of rows (``RegisterReading/activities(_:visibleTo:)``), an activity's or a breach's page for
    /// the entries it is about with what they name.
    enum Reading {
        /// Every entry but the activities and the requests: organisations, agreements, records, audits,
        /// breaches, campaigns (their number grows with the organisations, not with the activities).
        case parties
        /// The entries named with what they name, and every organisation and agreement, read through the
        /// store's index so that such a page costs the same at any number of activities.
        case around([EntityKey])
    }

    /// The kinds ``Reading/parties`` reads. Not the requests: they grow with the people who write, by the
    /// hundred thousand at a large controller, and each page that shows requests asks the store for them
    /// (the list and the dashboard from their kept clocks, a request's page by its key).
    static let partyKinds = Set(EntityKind.allCases).subtracting([.activity, .request])

    /// A request's live session: its account, the session, the token its cookie carries, and the moment
    /// it was read at.
    typealias SignedIn = (account: Account, session: DeskSession, token: String, now: Date)

    /// The live session a request carries with its account, read in `transaction` at `now`, or nil.
    func session(_ request: Request, in transaction: RegisterReading, at now: Date) throws -> SignedIn? {
        guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
              let session = try transaction.session(token: token, at: now), let account = try transaction.account(session.login)
        else { return nil }
        Self.requestTrace?.account = account.login
        return (account, session, token, now)
    }

    /// The live session a request carries, or nil, in a read transaction of its own (a form's, before its
    /// body is read), its idle timeout moved.
    func session(_ request: Request) throws -> SignedIn? {
        let now = clock.now()
        guard let signedIn = try store.read({ try session(request, in: $0, at: now) }) else { return nil }
        try keepAlive(signedIn)
        return signedIn
    }

    /// The idle timeout restarts with each request; written at most once a minute, after the reading
    /// (a read transaction writes nothing).
    /// Of the requests of one session that find it due at once, only the first writes (``SessionRenewals``).
    private func keepAlive(_ signedIn: SignedIn) throws {
        let until = signedIn.now.addingTimeInterval(idleTimeout)
        guard signedIn.session.expires.timeIntervalSince(signedIn.now) < idleTimeout - 60,
              renewals.claim(signedIn.token, until: until, now: signedIn.now)
        else { return }
        do {
            try store.sessions.extend(token: signedIn.token, until: until)
        } catch {
            renewals.forget(signedIn.token)
            throw error
        }
    }

    /// The visit of `signedIn`, with the part of the register `reading` names read in `transaction`.
    private func visit(_ signedIn: SignedIn, _ request: Request, reading: Reading, in transaction: RegisterReading) throws -> Visit {
        let register: Register
        switch reading {
        case .parties:
            register = try parties.parties(in: transaction)
        case .around(let keys):
            // Every organisation and agreement comes along (kept between requests): the account's policy
            // asks a structure's members, and the forms offer the organisations as controllers, processors,
            // joint controllers.
            var around = try transaction.register(around: keys + signedIn.account.organisations.map { EntityKey(.organisation, $0) })
            let parties = try self.parties.parties(in: transaction)
            around.organisations = parties.organisations
            around.agreements = parties.agreements
            register = around
        }
        return Visit(
            account: signedIn.account, policy: signedIn.account.policy(in: register), register: register,
            language: language(of: request), csrf: signedIn.session.csrf, token: signedIn.token, now: signedIn.now,
            saved: request.uri.queryParameters.get("saved") != nil)
    }

    /// The visit of a signed-in request and what `body` makes of it, read in one read transaction (one
    /// connection of the pool, one moment): the session, its account, the entries `reading` names and
    /// whatever `body` reads through the transaction it is given. Nil when the request carries no live
    /// session. The session's idle timeout is moved after the transaction.
    private func withVisit<T>(_ request: Request, reading: Reading, _ body: (Visit, RegisterReading) throws -> T) throws -> T? {
        let now = clock.now()
        let read = try store.read { transaction -> (SignedIn, T)? in
            guard let signedIn = try session(request, in: transaction, at: now) else { return nil }
            return (signedIn, try body(visit(signedIn, request, reading: reading, in: transaction), transaction))
        }
        guard let (signedIn, result) = read else { return nil }
        try keepAlive(signedIn)
        return result
    }

    func language(of request: Request) -> Language {
        request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .fr
    }

    /// Runs `page` for a signed-in visit, or sends the visitor to the sign-in page. The session, the
    /// reading and the page run off the server's threads (``offServerThreads(_:)``); the session, its
    /// account and the reading in one read transaction, the page after it.
    func signedIn(_ request: Request, reading: Reading = .parties, _ page: @escaping @Sendable (Visit) throws -> Response) async throws -> Response {
        try await Self.offServerThreads {
            guard let visit = try self.withVisit(request, reading: reading, { visit, _ in visit }) else { return Page.redirect(to: "/sign-in") }
            return try page(visit)
        }
    }

    /// Runs `page` for a signed-in visit inside the read transaction the visit was read in, which `page`
    /// is given: a page that reads more than its visit (the dashboard) reads it at the same moment, on the
    /// same connection, in one transaction for the whole request. `page` reads through that transaction
    /// only (the store's transactions do not nest).
    func signedInReading(
        _ request: Request, reading: Reading = .parties, _ page: @escaping @Sendable (Visit, RegisterReading) throws -> Response
    ) async throws -> Response {
        try await Self.offServerThreads {
            try self.withVisit(request, reading: reading, page) ?? Page.redirect(to: "/sign-in")
        }
    }

    /// Runs `change` for a signed-in visit whose form carries the session's CSRF token; refuses it otherwise.
    /// `reading` may depend on the form (the organisation a new activity is for). The body is read on the
    /// server's threads, everything that touches the database off them.
    func signedInForm(
        _ request: Request, reading: @escaping @Sendable (FormBody) -> Reading = { _ in .parties },
        _ change: @escaping @Sendable (Visit, FormBody) throws -> Response
    ) async throws -> Response {
        guard let signedIn = try await Self.offServerThreads({ try self.session(request) }) else { return Page.redirect(to: "/sign-in") }
        let form = try await FormBody(request)
        guard form.carries(csrf: signedIn.session.csrf) else {
            let language = language(of: request)
            return Page.html(
                "refused", title: Wording.text("refused", language), view: [:], visit: nil, language: language, status: .forbidden)
        }
        return try await Self.offServerThreads {
            let visit = try self.store.read { try self.visit(signedIn, request, reading: reading(form), in: $0) }
            return try change(visit, form)
        }
    }

    /// Runs `work`, which reads or writes the database, on one of the request workers (``RequestWorkers``):
    /// SQLite's calls block, and on the server's few threads (the event loops, Swift's cooperative pool:
    /// one per core) one slow page would hold every other request behind it. Reads run side by side there,
    /// each on a connection of the store's pool, in the order the requests came.
    static func offServerThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        // The request's trace goes along, so that the session read there names the account in the log line.
        let trace = requestTrace
        return try await withCheckedThrowingContinuation { continuation in
            RequestWorkers.shared.run {
                continuation.resume(with: Result { try Desk.$requestTrace.withValue(trace) { try work() } })
            }
        }
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
