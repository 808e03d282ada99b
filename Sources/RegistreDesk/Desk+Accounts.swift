import Foundation
import Hummingbird
import RegistreCore
import RegistreStore

extension Desk {
    /// Administration, for administrators only (anyone else gets "not found"): the accounts (create, role
    /// and organisations, a new password, a login opened again after failed sign-ins, removal), each change
    /// in the account journal as `registre user` writes it; and `verify`'s verdict with the journal's head,
    /// what a seal signs, run by a form (`POST /admin/verify`) and kept until the next run.
    func addAccountRoutes(to router: Router<BasicRequestContext>) {
        router.get("/admin") { request, _ in
            try await self.signedIn(request) { visit in
                guard visit.policy.administersAccounts else { return Page.notFound(visit) }
                return try self.adminPage(visit)
            }
        }
        // `verify` reads the whole register and its journal (seconds at a national register): run by a
        // form with the session's token, never by a GET a link or a prefetch could fire; its verdict is
        // kept and shown by the administration and history pages until the next run.
        router.post("/admin/verify") { request, _ in
            try await self.signedInForm(request) { visit, _ in
                guard visit.policy.administersAccounts else { return Page.notFound(visit) }
                let verification = try self.verifyJournal()
                self.verdicts.keep(verification, at: self.clock.now(), by: visit.actor)
                return Page.redirect(to: "/admin#verify-heading")
            }
        }
        router.post("/admin/accounts") { request, _ in
            try await self.signedInForm(request) { visit, form in
                guard visit.policy.administersAccounts else { return Page.notFound(visit) }
                return try self.addAccount(try form.decode(AccountFields.self), visit)
            }
        }
        router.get("/admin/accounts/{login}") { request, context in
            // The throttle is an actor: asked before the page, which runs synchronously off the server's threads.
            let locked = await self.throttle.isLocked(login: context.parameters.get("login") ?? "", at: self.clock.now())
            return try await self.signedIn(request) { visit in
                guard visit.policy.administersAccounts, let account = try self.account(context, visit) else { return Page.notFound(visit) }
                return try self.accountPage(account, visit, locked: locked)
            }
        }
        router.post("/admin/accounts/{login}") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard visit.policy.administersAccounts, let account = try self.account(context, visit) else { return Page.notFound(visit) }
                return try self.changeAccount(account, try form.decode(AccountFields.self), visit)
            }
        }
        router.post("/admin/accounts/{login}/password") { request, context in
            try await self.signedInForm(request) { visit, form in
                guard visit.policy.administersAccounts, let account = try self.account(context, visit) else { return Page.notFound(visit) }
                return try self.resetPassword(account, try form.decode(AccountFields.self).password ?? "", visit)
            }
        }
        router.post("/admin/accounts/{login}/unlock") { request, context in
            let response = try await self.signedInForm(request) { visit, _ in
                guard visit.policy.administersAccounts, let account = try self.account(context, visit) else { return Page.notFound(visit) }
                try self.store.accounts.recordUnlock(of: account.login, actor: visit.actor, at: visit.now)
                return Page.redirect(to: "/admin/accounts/\(account.login)?saved")
            }
            // Journaled and allowed: the throttle (an actor) forgets the login's failures.
            if response.status == .seeOther, response.headers[.location]?.hasSuffix("?saved") == true, let login = context.parameters.get("login") {
                await self.throttle.unlock(login: login)
            }
            return response
        }
        router.post("/admin/accounts/{login}/remove") { request, context in
            try await self.signedInForm(request) { visit, _ in
                guard visit.policy.administersAccounts, let account = try self.account(context, visit), account.login != visit.actor else {
                    return Page.notFound(visit)
                }
                try self.store.accounts.remove(account.login, actor: visit.actor, at: visit.now)
                return Page.redirect(to: "/admin")
            }
        }
    }

    /// The fields of the account forms.
    struct AccountFields: Decodable {
        var login: String?
        var role: String?
        var organisations: [String]?
        var password: String?
        /// The account's version (``AccountBook/version(of:)``) when the form was shown.
        var version: String?
    }

    static let roleError = LocalizedText(fr: "Rôle : choisir dans la liste.", en: "Role: choose from the list.")

    private func account(_ context: BasicRequestContext, _ visit: Visit) throws -> Account? {
        try context.parameters.get("login").flatMap { try store.accounts.find($0) }
    }

    /// Another role and other organisations for `account` (organisations the register lacks are ignored).
    static let ownRoleError = LocalizedText(
        fr: "Un administrateur ne se retire pas son propre rôle : demandez-le à un autre administrateur.",
        en: "An administrator does not take away their own role: ask another administrator.")

    private func changeAccount(_ account: Account, _ fields: AccountFields, _ visit: Visit) throws -> Response {
        guard let role = fields.role.flatMap(AccountRole.init(rawValue:)) else {
            return try accountPage(account, visit, errors: [Self.roleError[visit.language]], status: .unprocessableContent)
        }
        // An administrator keeps its own role: taking it away could leave the register with no administrator.
        guard account.login != visit.actor || role == .admin else {
            return try accountPage(account, visit, errors: [Self.ownRoleError[visit.language]], status: .unprocessableContent)
        }
        let organisations = (fields.organisations ?? []).filter { visit.register.organisation($0) != nil }
        // A form without its version (or with one that is no number) is stale by definition: it cannot say
        // what it was read at.
        let shown = fields.version.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) } ?? -1
        do {
            try store.accounts.change(
                account.login, role: role, organisations: organisations, actor: visit.actor, at: visit.now, expectedVersion: shown)
        } catch let refusal as AccountError {
            guard let current = try store.accounts.find(account.login) else { return Page.notFound(visit) }
            return try accountPage(current, visit, errors: [refusal.message[visit.language]], status: .conflict)
        }
        return Page.redirect(to: "/admin/accounts/\(account.login)?saved")
    }

    /// A new password for `account`, held to the rule `registre user password` applies; its sessions close.
    private func resetPassword(_ account: Account, _ password: String, _ visit: Visit) throws -> Response {
        if let weakness = Passwords.weakness(of: password) {
            return try accountPage(account, visit, errors: [weakness[visit.language]], status: .unprocessableContent)
        }
        try store.accounts.changePassword(of: account.login, to: Passwords.hash(password, cost: passwordCost), actor: visit.actor, at: visit.now)
        return Page.redirect(to: "/admin/accounts/\(account.login)?saved")
    }

    private func addAccount(_ fields: AccountFields, _ visit: Visit) throws -> Response {
        let login = (fields.login ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String] = []
        if !Account.isValidLogin(login) { errors.append(AccountError.invalidLogin(login).message[visit.language]) }
        let role = fields.role.flatMap(AccountRole.init(rawValue:))
        if role == nil { errors.append(Self.roleError[visit.language]) }
        if let weakness = Passwords.weakness(of: fields.password ?? "") { errors.append(weakness[visit.language]) }
        guard errors.isEmpty, let role else { return try adminPage(visit, errors: errors, status: .unprocessableContent) }
        let organisations = (fields.organisations ?? []).filter { visit.register.organisation($0) != nil }
        do {
            try store.accounts.add(
                Account(login: login, role: role, organisations: organisations, passwordHash: Passwords.hash(fields.password ?? "", cost: passwordCost)),
                actor: visit.actor, at: visit.now)
        } catch let refusal as AccountError {
            return try adminPage(visit, errors: [refusal.message[visit.language]], status: .unprocessableContent)
        }
        return Page.redirect(to: "/admin/accounts/\(login)?saved")
    }

    private func roles(_ selected: AccountRole?, _ language: Language) -> [[String: Any]] {
        AccountRole.allCases.map { role in
            ["value": role.rawValue, "label": StructureWording.text("role-" + role.rawValue, language), "selected": role == selected]
        }
    }

    private func organisationChoices(_ given: [EntityID], _ visit: Visit) -> [[String: Any]] {
        visit.register.organisations.map { ["id": $0.id, "name": $0.name, "checked": given.contains($0.id)] }
    }

    private func adminPage(_ visit: Visit, errors: [String] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let language = visit.language
        var view: [String: Any] = [
            "s": StructureWording.table(language),
            "accounts": try store.accounts.all().map { account -> [String: Any] in
                [
                    "login": account.login, "role": StructureWording.text("role-" + account.role.rawValue, language),
                    "organisations": account.organisations.joined(separator: ", "),
                ]
            },
            "roles": roles(.dpo, language), "organisations": organisationChoices([], visit),
            "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        // The last verdict kept, if any (`POST /admin/verify` runs it, with the seal when the desk has one).
        if let verified = verdicts.view(language) { view["verified"] = verified }
        view["seal"] = try sealView(language, verified: verdicts.last)
        view["sl"] = SealWords.labels.mapValues { $0[language] }
        return Page.html("admin", title: StructureWording.text("admin", language), view: view, visit: visit, language: language, path: "/admin", status: status)
    }

    private func accountPage(
        _ account: Account, _ visit: Visit, locked: Bool = false, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let language = visit.language
        // The account as it is now, with the version it is at, read together: the form carries that version.
        guard let (account, version) = try store.accounts.findVersioned(account.login) else { return Page.notFound(visit) }
        let events = try store.accounts.events().filter { $0.login == account.login }.suffix(20).reversed().map { event -> [String: Any] in
            ["at": Instant.wallClock(event.recordedAt, in: OrganisationTimeZone.default), "kind": event.kind.rawValue, "actor": event.actor, "detail": event.detail]
        }
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "account": ["login": account.login, "self": account.login == visit.actor],
            "roles": roles(account.role, language), "organisations": organisationChoices(account.organisations, visit),
            "locked": locked, "events": Array(events), "version": version,
            "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "admin-account", title: account.login, view: view, visit: visit, language: language, path: "/admin/accounts/\(account.login)",
            status: status)
    }
}
