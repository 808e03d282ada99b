import Foundation
import Hummingbird
import NIOCore
import RegistreCore
import RegistreService

extension Desk {
    /// Each account's calendar of deadlines (RFC 5545), at a secret address a calendar program polls
    /// without signing in: the deadlines `registre deadlines` computes (`RegisterDeadlines`), of the
    /// organisations the account reads. The store keeps only a hash of the address's token; a new address
    /// replaces the old one, and revoking leaves none.
    func addCalendarRoutes(to router: Router<BasicRequestContext>) {
        router.get("/calendar") { request, _ in
            try await self.signedIn(request) { visit in try self.calendarPage(visit, newAddress: nil) }
        }
        router.post("/calendar/new") { request, _ in
            try await self.signedInForm(request) { visit, _ in
                let token = Self.randomToken()
                try self.store.calendarFeeds.issue(login: visit.account.login, token: token, at: visit.now)
                // Shown once: only its hash is kept.
                return try self.calendarPage(visit, newAddress: "/calendar/feed/\(token).ics?lang=\(visit.language.rawValue)")
            }
        }
        router.post("/calendar/revoke") { request, _ in
            try await self.signedInForm(request) { visit, _ in
                try self.store.calendarFeeds.revoke(login: visit.account.login, at: visit.now)
                return Page.redirect(to: "/calendar")
            }
        }
        router.get("/calendar/feed/{file}") { request, context in
            let file = context.parameters.get("file") ?? ""
            let language = request.uri.queryParameters.get("lang").flatMap { Language(rawValue: String($0)) } ?? .fr
            return try await Self.offServerThreads {
                guard file.hasSuffix(".ics"), let calendar = try self.calendar(token: String(file.dropLast(4)), language: language) else {
                    return Response(status: .notFound)
                }
                return Response(
                    status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: calendar)))
            }
        }
    }

    /// The calendar of the account whose feed `token` is, or nil when the token is no feed's.
    func calendar(token: String, language: Language) throws -> String? {
        guard !token.isEmpty, let login = try store.calendarFeeds.login(forToken: token), let account = try store.accounts.find(login) else {
            return nil
        }
        let now = clock.now()
        let register = try RegisterDeadlines.register(of: store)
        let policy = account.policy(in: register)
        let organisations = policy.seesWholeRegister ? nil : Set(policy.readableOrganisations(of: register).map(\.id))
        // A request names a person: only the accounts that may read it (not a reader) see its deadline.
        let requests = Set(register.requests.filter(policy.mayRead).map(\.id))
        let deadlines = RegisterDeadlines.scheduled(in: register, now: now, concerning: organisations)
            .filter { $0.subject.kind != .request || requests.contains($0.subject.id) }
        let name = LocalizedText(fr: "Échéances — \(login)", en: "Deadlines — \(login)")[language]
        return RegisterDeadlines.calendar(deadlines, now: now, name: name, language: language)
    }

    private func calendarPage(_ visit: Visit, newAddress: String?) throws -> Response {
        let issued = try store.calendarFeeds.issued(for: visit.account.login)
        let view: [String: Any] = [
            "s": StructureWording.table(visit.language),
            "issued": issued.map { Instant.wallClock($0, in: OrganisationTimeZone.default) as Any } ?? false,
            "newAddress": newAddress as Any? ?? false,
        ]
        return Page.html(
            "calendar", title: StructureWording.text("calendar", visit.language), view: view, visit: visit, language: visit.language,
            path: "/calendar")
    }
}
