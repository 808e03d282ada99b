import Foundation
import Hummingbird
import RegistreCore
import RegistreReports

extension Desk {
    /// "Historique": the journal of the entries the account may see, filtered by entry, account and period;
    /// `verify`'s verdict on the whole journal for administrators.
    func addHistoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/history") { request, _ in
            try await self.signedIn(request, reading: .whole) { visit in
                let query = request.uri.queryParameters
                let entity = query.get("entity").flatMap { $0.isEmpty ? nil : $0 }
                let actor = query.get("actor").flatMap { $0.isEmpty ? nil : $0 }
                // The history of one entry is asked by its key, `activity:etat-civil`: an entry the account may not
                // read is not found, as its page is.
                if let entity {
                    let parts = entity.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let kind = EntityKind(rawValue: parts[0]),
                          visit.policy.mayRead(EntityKey(kind, parts[1]), in: visit.register)
                    else { return Page.notFound(visit) }
                }
                let zone = OrganisationTimeZone.default
                // Days in the register's default zone, as the CLI reads them (`Instant.parse`): from the first
                // instant of the first day to the last instant of the last.
                let from = query.get("from").flatMap { Instant.parse($0, timeZone: zone, day: .startOfDay) }
                let to = query.get("to").flatMap { Instant.parse($0, timeZone: zone, day: .endOfDay) }
                let entries = try self.store.journal.entries(entity: entity?.split(separator: ":").last.map(String.init))
                    .filter { entry in
                        visit.policy.mayRead(entry.entity, in: visit.register)
                            && (entity == nil || entry.entity.description == entity)
                            && (actor == nil || entry.actor == actor)
                            && (from.map { entry.recordedAt >= $0 } ?? true)
                            && (to.map { entry.recordedAt <= $0 } ?? true)
                    }
                    .suffix(500)
                    .reversed()
                    .map { entry -> [String: Any] in
                        [
                            "sequence": entry.sequence, "when": Instant.wallClock(entry.recordedAt, in: zone), "actor": entry.actor,
                            "entity": entry.entity.description, "change": Vocabulary.label(entry.change)[visit.language],
                            "fields": entry.fields.map(\.name).joined(separator: ", "),
                        ]
                    }
                var view: [String: Any] = [
                    "entries": entries, "entityValue": entity ?? "", "actorValue": actor ?? "",
                    "fromValue": query.get("from") ?? "", "toValue": query.get("to") ?? "",
                ]
                if visit.policy.seesWholeRegister {
                    let verification = try self.store.journal.verify()
                    view["verified"] = [
                        "intact": verification.isIntact, "entries": verification.entries,
                        "problems": verification.problems.map { $0[visit.language] },
                    ]
                }
                return Page.html(
                    "history", title: Wording.text("history", visit.language), view: view, visit: visit, language: visit.language,
                    path: "/history")
            }
        }
    }
}
