import Foundation
import Hummingbird
import RegistreCore

extension Desk {
    /// "Retirer": an activity whose processing has ended is retired only after a page that asks to
    /// confirm it. The confirmation posts to `/activities/{id}/retire` with the version it showed; the
    /// day of the retirement is the day of the journal entry the save writes, which the page then names.
    func addRetirementRoutes(to router: Router<BasicRequestContext>) {
        router.get("/activities/{id}/retire") { request, context in
            try await self.signedIn(request, reading: Self.activityReading(context)) { visit in
                guard let id = context.parameters.get("id"),
                      let activity = visit.register.activities.first(where: { $0.id == id && visit.policy.mayRead($0) }),
                      visit.policy.mayEdit(activity),
                      let (_, version) = try self.shown(EntityKey(.activity, id), as: { entry in
                          if case .activity(let value) = entry { value } else { nil }
                      })
                else { return Page.notFound(visit) }
                return Page.html(
                    "activity-retire", title: Wording.text("retireActivity", visit.language),
                    view: ["activity": ["id": activity.id, "name": activity.name, "version": String(version)]], visit: visit,
                    language: visit.language, path: "/activities/\(activity.id)/retire")
            }
        }
    }
}
