import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService

extension Desk {
    /// A structure's model activities, through the acts `registre model` calls (`ModelActs`): applied to
    /// members, their drift (`ModelDrift`, as `model drift`), propagated; and, on a member's activity that
    /// follows a model, which items the member words itself (`ModelActs.mark`, as `model own`).
    func addModelRoutes(to router: Router<BasicRequestContext>) {
        router.get("/models/{id}") { request, context in
            try await self.signedIn(request) { visit in
                guard let model = try self.readableModel(context.parameters.get("id"), visit) else { return Page.notFound(visit) }
                return try self.modelPage(model, visit)
            }
        }
        router.post("/models/{id}/apply") { request, context in
            try await self.signedInForm(request) { visit, form in
                struct Members: Decodable { var members: [String]? }
                guard let model = try self.readableModel(context.parameters.get("id"), visit), visit.policy.mayEdit(model) else {
                    return Page.notFound(visit)
                }
                let members = try form.decode(Members.self).members ?? []
                guard !members.isEmpty else {
                    return try self.modelPage(model, visit, errors: [StructureWording.text("chooseMember", visit.language)], status: .unprocessableContent)
                }
                return try self.modelAct(model, visit) { _ = try ModelActs(store: self.store).apply(model.id, to: members, by: visit.acting) }
            }
        }
        router.post("/models/{id}/propagate") { request, context in
            try await self.signedInForm(request) { visit, _ in
                guard let model = try self.readableModel(context.parameters.get("id"), visit), visit.policy.mayEdit(model) else {
                    return Page.notFound(visit)
                }
                return try self.modelAct(model, visit) { _ = try ModelActs(store: self.store).propagate(model.id, by: visit.acting) }
            }
        }
        router.get("/activities/{id}/model") { request, context in
            try await self.signedIn(request) { visit in
                guard let (activity, model) = try self.follower(context.parameters.get("id"), visit) else { return Page.notFound(visit) }
                return try self.ownItemsPage(activity, model: model, visit)
            }
        }
        router.post("/activities/{id}/model") { request, context in
            try await self.signedInForm(request) { visit, form in
                struct Marking: Decodable { var items: [String]?; var own: String? }
                guard let (activity, model) = try self.follower(context.parameters.get("id"), visit), visit.policy.mayEdit(activity) else {
                    return Page.notFound(visit)
                }
                let marking = try form.decode(Marking.self)
                let items = (marking.items ?? []).compactMap(ActivityItem.init(rawValue:))
                guard !items.isEmpty, items.count == marking.items?.count else {
                    return try self.ownItemsPage(
                        activity, model: model, visit, errors: [StructureWording.text("chooseItem", visit.language)], status: .unprocessableContent)
                }
                do {
                    try ModelActs(store: self.store).mark(items, of: activity.id, own: marking.own != "false", by: visit.acting)
                } catch is AccessRefusal {
                    return Page.notFound(visit)
                }
                return Page.saved(to: "/activities/\(activity.id)/model")
            }
        }
    }

    /// The model `id` if the account may read it.
    private func readableModel(_ id: String?, _ visit: Visit) throws -> ProcessingActivity? {
        guard let id, case .activity(let model)? = try store.read({ try $0.entry(EntityKey(.activity, id)) }),
              model.isModel, visit.policy.mayRead(model)
        else { return nil }
        return model
    }

    /// The activity `id` if the account may read it and it follows a model, with that model (nil when
    /// the register no longer holds it).
    private func follower(_ id: String?, _ visit: Visit) throws -> (ProcessingActivity, ProcessingActivity?)? {
        guard let id else { return nil }
        return try store.read { reading -> (ProcessingActivity, ProcessingActivity?)? in
            guard case .activity(let activity)? = try reading.entry(EntityKey(.activity, id)), visit.policy.mayRead(activity),
                  let followed = activity.followedModel
            else { return nil }
            guard case .activity(let model)? = try reading.entry(EntityKey(.activity, followed)) else { return (activity, nil) }
            return (activity, model)
        }
    }

    /// Runs an act on `model`; its refusals come back on the model's page.
    private func modelAct(_ model: ProcessingActivity, _ visit: Visit, _ act: () throws -> Void) throws -> Response {
        do {
            try act()
        } catch let refusal as ModelApplication.Refusal {
            return try modelPage(model, visit, errors: [refusal.message[visit.language]], status: .unprocessableContent)
        } catch is AccessRefusal {
            return Page.notFound(visit)
        } catch let error where StoreRefusal.errors(for: error) != nil {
            let messages = (StoreRefusal.errors(for: error) ?? [:]).values.map { $0[visit.language] }
            return try modelPage(model, visit, errors: messages, status: .unprocessableContent)
        }
        return Page.saved(to: "/models/\(model.id)")
    }

    /// A model: the members' activities that follow it (those the account reads), their drift, and the
    /// forms to apply it and to propagate it for the structure's account.
    private func modelPage(
        _ model: ProcessingActivity, _ visit: Visit, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let language = visit.language
        let structure = visit.register.organisation(model.controller)
        let readable = (structure?.members ?? []).filter(visit.policy.mayRead(organisation:))
        let register = try register(visit, withActivitiesOf: readable)
        let followers = register.activities.filter { $0.followedModel == model.id }
        let following = Set(followers.map(\.controller))
        let candidates = readable.filter { !following.contains($0) }
        let version = try store.version(of: EntityKey(.activity, model.id))
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "model": ["id": model.id, "name": model.name, "structure": model.controller, "structureName": structure?.name ?? model.controller],
            "followers": followers.map { activity -> [String: Any] in
                [
                    "id": activity.id, "name": activity.name,
                    "member": register.organisation(activity.controller)?.name ?? activity.controller,
                    "drift": ModelDrift.items(of: activity, from: model).map { $0.message[language] },
                ]
            },
            "editable": visit.policy.mayEdit(model),
            "candidates": candidates.map { member -> [String: Any] in ["id": member, "name": register.organisation(member)?.name ?? member] },
            "hasCandidates": !candidates.isEmpty,
            "hasDrift": followers.contains { !ModelDrift.items(of: $0, from: model).isEmpty },
            "errors": errors, "hasErrors": !errors.isEmpty,
            "version": String(version),
        ]
        return Page.html("model", title: model.name, view: view, visit: visit, language: language, path: "/models/\(model.id)", status: status)
    }

    /// A member's activity that follows a model: each item, followed or own, and where it departs from the
    /// model; the form to make items the member's own or to follow the model again.
    private func ownItemsPage(
        _ activity: ProcessingActivity, model: ProcessingActivity?, _ visit: Visit, errors: [String] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let language = visit.language
        let link = activity.modelRole?.link
        let drift = model.map { ModelDrift.items(of: activity, from: $0) } ?? []
        let items = ActivityItem.allCases.map { item -> [String: Any] in
            let own = link?.isOwn(item) ?? false
            var states = [StructureWording.text(own ? "own" : "followed", language)]
            for departure in drift where departure.item == item { states.append(StructureWording.text(departure.kind.rawValue, language)) }
            return ["value": item.rawValue, "label": item.label[language], "own": own, "state": states.joined(separator: " ; ")]
        }
        let version = try store.version(of: EntityKey(.activity, activity.id))
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "activity": ["id": activity.id, "name": activity.name],
            "model": link?.model ?? "",
            "modelReadable": model.map(visit.policy.mayRead) ?? false,
            "items": items,
            "editable": visit.policy.mayEdit(activity),
            "errors": errors, "hasErrors": !errors.isEmpty,
            "version": String(version),
        ]
        return Page.html(
            "activity-model", title: "\(activity.name) — \(StructureWording.text("ownItemsLink", language))", view: view, visit: visit,
            language: language, path: "/activities/\(activity.id)/model", status: status)
    }
}
