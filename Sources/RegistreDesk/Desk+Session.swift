import Foundation
import Hummingbird
import NIOCore
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
                try self.store.sessions.end(token: visit.token, at: self.clock.now())
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

    /// Checks a sign-in. What a visitor sends is bounded before anything is kept: the form's size
    /// (``SignInForm/maximumSize``), the login journaled (``AccountEvent/journaledLogin(_:)``), the lines
    /// refusals write (`RefusalQuota`). The attempt is reserved in the throttle before the password is
    /// checked, and a login that does not exist costs the same check as one that does (`PasswordCheck`).
    private func signIn(_ request: Request) async throws -> Response {
        let language = language(of: request)
        let client = Self.requestClient ?? "unknown"
        let now = clock.now()
        let form: FormBody
        do {
            form = try await FormBody(request, upTo: SignInForm.maximumSize)
        } catch is NIOTooManyBytesError {
            await throttle.recordFailure(client: client, at: now)
            try await journalRefusal(login: "", reason: "sign-in form over \(SignInForm.maximumSize) bytes", client: client, at: now)
            return signInPage(language: language, error: SignInForm.tooLarge[language], login: "", status: .contentTooLarge)
        }
        let fields = SignInForm(form)
        let shown = Account.isValidLogin(fields.login) ? fields.login : ""
        // Before a session exists, the sign-in form's token is the one its cookie carries.
        guard let expected = request.cookies[Self.signInCookie]?.value, form.carries(csrf: expected) else {
            return signInPage(language: language, error: Wording.text("refused", language), login: shown, status: .forbidden)
        }
        guard Account.isValidLogin(fields.login) else {
            // No account can have it (a rule anyone can read): refused without a password check.
            await throttle.recordFailure(client: client, at: now)
            try await journalRefusal(login: fields.login, reason: "not a login", client: client, at: now)
            return signInPage(language: language, error: Wording.text("wrongPassword", language), login: "", status: .unauthorized)
        }
        guard let reservation = await throttle.reserve(login: fields.login, client: client, at: now) else {
            try await journalRefusal(login: fields.login, reason: "throttled", client: client, at: now, lockedOut: true)
            return signInPage(language: language, error: SignInForm.throttled[language], login: shown, status: .tooManyRequests)
        }
        let opened: Account?
        let factor: SecondFactorCheck
        do {
            // The account and its second factor in one read.
            let (account, state) = try store.secondFactors.account(fields.login)
            opened = passwords.opens(account, with: fields.password) ? account : nil
            if let account = opened, await throttle.isSecondFactorLocked(login: account.login, at: now) {
                factor = .locked
            } else {
                factor = try opened.map { try checkSecondFactor(state, of: $0.login, code: fields.code, at: now) } ?? .passed
            }
            if factor == .wrongCode { await throttle.recordSecondFactorFailure(login: fields.login, at: now) }
        } catch {
            await throttle.settle(reservation, failed: false, at: now)
            throw error
        }
        // A wrong code counts as a failed attempt, as a wrong password does; so does a right password on an
        // account whose required second factor is not enrolled, which is refused as a wrong one is.
        await throttle.settle(reservation, failed: opened == nil || factor != .passed, at: now)
        let wrong = fields.code.isEmpty ? Wording.text("wrongPassword", language) : SignInForm.wrongWithCode[language]
        guard let account = opened else {
            try await journalRefusal(login: fields.login, reason: "wrong login or password", client: client, at: now)
            return signInPage(language: language, error: wrong, login: shown, status: .unauthorized)
        }
        switch factor {
        case .passed:
            break
        case .wrongCode:
            try await journalRefusal(login: fields.login, reason: "wrong or used one-time code", client: client, at: now)
            return signInPage(language: language, error: wrong, login: shown, status: .unauthorized)
        case .locked:
            try await journalRefusal(
                login: fields.login, reason: "second factor locked after \(SignInThrottle.secondFactorLimit) wrong codes", client: client, at: now,
                lockedOut: true)
            return signInPage(language: language, error: wrong, login: shown, status: .unauthorized)
        case .notEnrolled:
            // The same answer as a wrong password: a distinct one would tell a guesser that the password is
            // right, to keep for when the owner enrols. The journal says why, for the administrator.
            try await journalRefusal(login: fields.login, reason: "second factor required, none enrolled", client: client, at: now)
            return signInPage(language: language, error: wrong, login: shown, status: .unauthorized)
        }
        Self.requestTrace?.account = account.login
        let token = Self.randomToken()
        try store.sessions.start(login: account.login, token: token, csrf: Self.randomToken(), at: now, expires: now.addingTimeInterval(idleTimeout))
        var response = Page.redirect(to: "/")
        response.setCookie(sessionCookie(value: token, maxAge: nil))
        response.setCookie(Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/sign-in", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Journals a refused sign-in of `client`, within the journal's quota of refusals, and counts it in the
    /// metrics: as a lock-out when the throttle refused it (`lockedOut`).
    private func journalRefusal(login: String, reason: String, client: String, at now: Date, lockedOut: Bool = false) async throws {
        metrics.recordSignInRefusal(lockedOut: lockedOut)
        switch await refusals.verdict(client: client, at: now) {
        case .journal:
            try store.accounts.recordRefusedSignIn(login: login, reason: "\(reason), from \(client)", at: now)
        case .summarise(let who, let limit, let until):
            try store.accounts.recordRefusalsNotJournaled(client: who, beyond: limit, until: until, at: now)
        case .skip:
            break
        }
    }

    /// The session cookie: never readable by script, never sent by another site's request. It is marked
    /// Secure by the reverse proxy that terminates TLS (the desk itself listens on plain HTTP on loopback).
    func sessionCookie(value: String, maxAge: Int?) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
    }
}
