import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore

extension Desk {
    /// The breach page's facts (what the decision weighs, the timeline, the activities concerned) and the
    /// fan-out of a processor's breach to the other controllers of its agreement (Art. 33(2)).
    func addBreachFactRoutes(to router: Router<BasicRequestContext>) {
        router.post("/breaches/{id}/facts") { request, context in
            let facts = try await self.factsContext(context.parameters.get("id"))
            return try await self.changeBreach(request, context) { form, original, zone in
                var known = facts
                // The breach changed controller since: nothing it may newly name is known.
                if known.controller != original.controller { known.context = .init(zone: zone, agreements: [], activities: []) }
                known.context.zone = zone
                return try form.decode(BreachFactsForm.self).breach(updating: original, in: known.context)
            }
        }
        router.post("/breaches/{id}/fan-out") { request, context in
            let reading = Self.breachReading(context)
            return try await self.signedInForm(request, reading: { _ in reading }) { visit, form in
                guard let id = context.parameters.get("id"),
                      let source = visit.register.breaches.first(where: { $0.id == id && visit.policy.mayRead($0) }), visit.policy.mayEdit(source)
                else { return Page.notFound(visit) }
                return try self.fanOut(source, visit, form)
            }
        }
    }

    /// The controller of breach `id` (when it has one to read), the agreements it may name (its
    /// controller's) and the activities its controller records: read before the change, checked by the
    /// store again when it saves (a name of an entry it does not hold is refused).
    private func factsContext(_ id: String?) async throws -> (controller: EntityID?, context: BreachFactsForm.Context) {
        try await Self.offServerThreads {
            try self.store.read { reading in
                guard let id, case .breach(let breach)? = try reading.entry(EntityKey(.breach, id)) else {
                    return (nil, BreachFactsForm.Context(zone: .gmt, agreements: [], activities: []))
                }
                let agreements = try self.parties.parties(in: reading).agreements.filter { $0.controllers.contains(breach.controller) }
                return (breach.controller, BreachFactsForm.Context(
                    zone: .gmt, agreements: Set(agreements.map(\.id)), activities: Set(try reading.activityIDs(recordedBy: breach.controller))))
            }
        }
    }

    /// "Ouvrir pour les autres responsables" (Art. 33(2)): the act of `registre breach fan-out`, for the
    /// controllers ticked, each of which the account must be able to act for.
    private func fanOut(_ source: Breach, _ visit: Visit, _ form: FormBody) throws -> Response {
        let fields = try form.decode(FanOutForm.self)
        let zone = BreachClock(source, in: visit.register, now: visit.now).zone
        var errors: [String: LocalizedText] = [:]
        let asked = (fields.controllers ?? []).map(FormText.clean).filter { !$0.isEmpty }
        if asked.isEmpty {
            errors["fanOutControllers"] = LocalizedText(
                fr: "Responsables du traitement : cocher au moins un responsable à prévenir.",
                en: "Controllers: tick at least one controller to open the breach for.")
        }
        let told = BreachDeclaration.localMoment(FormText.clean(fields.told), in: zone)
        if told == nil {
            errors["fanOutTold"] = LocalizedText(
                fr: "Prévenus par le sous-traitant le (art. 33(2)) : date et heure attendues, par exemple 2026-03-27T09:30.",
                en: "Told by the processor on (Art. 33(2)): a date and time is expected, for example 2026-03-27T09:30.")
        }
        guard errors.isEmpty, let told else {
            return try breachPage(source, visit, errors: errors, version: form.shownVersion ?? store.version(of: EntityKey(.breach, source.id)), status: .unprocessableContent)
        }
        do {
            _ = try BreachActs(store: store).fanOut(source.id, told: told, asked: asked, incident: FormText.optional(fields.incident), by: visit.acting)
            return Page.saved(to: "/breaches/\(source.id)")
        } catch let refusal as ProcessorBreachFanOut.Refusal {
            errors["fanOut"] = refusal.message
        } catch let refusal as BreachRefusal {
            errors["fanOut"] = refusal.message
        } catch let error where StoreRefusal.errors(for: error) != nil {
            errors = StoreRefusal.errors(for: error) ?? [:]
        }
        return try breachPage(source, visit, errors: errors, version: form.shownVersion ?? store.version(of: EntityKey(.breach, source.id)), status: .unprocessableContent)
    }

    /// The fan-out form's fields.
    struct FanOutForm: Decodable {
        var controllers: [String]?
        var told: String?
        var incident: String?
    }
}
