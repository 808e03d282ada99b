import Foundation
import Hummingbird
import RegistreCore
import RegistreStore

extension Desk {
    /// Signing in and out, and the language switch.
    func addSessionRoutes(to router: Router<BasicRequestContext>) {
        router.get("/sign-in") { request, _ in
            self.signInPage(language: self.language(of: request), error: nil, login: "")
        }
        router.post("/sign-in") { request, _ in
            try await self.signIn(request)
        }
        router.post("/sign-out") { request, _ in
            try await self.signedInForm(request) { visit, _ in
                try self.store.endSession(token: visit.token, at: self.clock.now())
                var response = Page.redirect(to: "/sign-in")
                response.setCookie(self.sessionCookie(value: "", maxAge: 0))
                return response
            }
        }
        router.get("/language/{code}") { request, context in
            let language = Language(rawValue: context.parameters.get("code") ?? "") ?? .fr
            // Only a path of this site, rebuilt: the switch cannot send a browser elsewhere.
            let back = request.uri.queryParameters.get("back").flatMap { SameSitePath.normalised(String($0)) } ?? "/"
            var response = Page.redirect(to: back)
            response.setCookie(Cookie(
                name: Self.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true,
                sameSite: .strict))
            return response
        }
    }

    private func signInPage(language: Language, error: String?, login: String, status: HTTPResponse.Status = .ok) -> Response {
        let token = Self.randomToken()
        var view: [String: Any] = ["signInToken": token, "loginValue": login]
        if let error { view["error"] = error }
        var response = Page.html(
            "sign-in", title: Wording.text("signIn", language), view: view, visit: nil, language: language, path: "/sign-in",
            status: status)
        response.setCookie(Cookie(name: Self.signInCookie, value: token, path: "/sign-in", httpOnly: true, sameSite: .strict))
        return response
    }

    private func signIn(_ request: Request) async throws -> Response {
        struct Fields: Decodable {
            var login: String?
            var password: String?
            var csrf: String?
        }
        let language = language(of: request)
        let form = try await FormBody(request)
        let fields = (try? form.decode(Fields.self)) ?? Fields()
        let login = (fields.login ?? "").trimmingCharacters(in: .whitespaces)
        // Before a session exists, the sign-in form's token is the one its cookie carries.
        guard let expected = request.cookies[Self.signInCookie]?.value, form.carries(csrf: expected) else {
            return signInPage(language: language, error: Wording.text("refused", language), login: login, status: .forbidden)
        }
        let now = clock.now()
        guard await throttle.allows(login, at: now) else {
            try store.recordRefusedSignIn(login: login, reason: "throttled", at: now)
            return signInPage(language: language, error: Wording.text("throttled", language), login: login, status: .tooManyRequests)
        }
        guard let account = try store.account(login), Passwords.verify(fields.password ?? "", against: account.passwordHash) else {
            await throttle.recordFailure(login, at: now)
            try store.recordRefusedSignIn(login: login, reason: "wrong login or password", at: now)
            return signInPage(language: language, error: Wording.text("wrongPassword", language), login: login, status: .unauthorized)
        }
        await throttle.recordSuccess(login)
        let token = Self.randomToken()
        try store.startSession(login: account.login, token: token, csrf: Self.randomToken(), at: now, expires: now.addingTimeInterval(idleTimeout))
        var response = Page.redirect(to: "/")
        response.setCookie(sessionCookie(value: token, maxAge: nil))
        response.setCookie(Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/sign-in", httpOnly: true, sameSite: .strict))
        return response
    }

    /// The session cookie: never readable by script, never sent by another site's request. It is marked
    /// Secure by the reverse proxy that terminates TLS (the desk itself listens on plain HTTP on loopback).
    func sessionCookie(value: String, maxAge: Int?) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
    }
}
