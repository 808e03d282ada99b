public import RegistreCore
public import RegistreStore

/// The acts of a mutualisation structure on its model activities, written once for the command line and
/// the desk. The decisions are RegistreCore's (`ModelApplication`, `ModelPropagation`); each act reads and
/// writes in one transaction, every member's activity journaled as its own change.
public struct ModelActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the model activities of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// The model `id`, or a refusal that says what the activity is.
    /// - Throws: `ModelApplication.Refusal.notAModel(_:)`; `StoreError/unknownEntry(_:)`.
    public static func model(_ id: EntityID, in edit: RegisterEdit) throws -> ProcessingActivity {
        let model = try edit.activity(id)
        guard model.isModel else { throw ModelApplication.Refusal.notAModel(id) }
        return model
    }

    /// Gives members an activity that follows `model`, each member its controller (id: the model's id, a
    /// dash, the member's id), created on the day of the act in the structure's calendar.
    /// - Parameters:
    ///   - model: the model activity.
    ///   - members: the members named; nil for every member of the structure that does not follow the
    ///     model yet (those that do are left as they are).
    ///   - acting: who acts, and when.
    /// - Returns: the ids of the activities created, in the order of the members.
    /// - Throws: `ModelApplication.Refusal` (not a model, not a member, a member named that already follows
    ///   it); ``AccessRefusal`` when the model is not the account's structure's; what the store throws. Nothing is written then.
    public func apply(_ model: EntityID, to members: [EntityID]?, by acting: Acting) throws -> [EntityID] {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> [EntityID] in
            let model = try Self.model(model, in: edit)
            guard acting.mayEdit(organisation: model.controller) else { throw AccessRefusal(EntityKey(.activity, model.id)) }
            let structure = try edit.organisation(model.controller)
            let targets = try ModelApplication.members(of: structure, asked: members)
            var following: [EntityID: EntityID] = [:]
            for id in try edit.followers(of: model.id) { following[try edit.activity(id).controller] = id }
            let calendar = DeadlineCalculator.for(structure.id, in: try edit.register(around: [EntityKey(.organisation, structure.id)]))
            var created: [EntityID] = []
            for member in targets {
                if let existing = following[member] {
                    guard members == nil else { throw ModelApplication.Refusal.alreadyApplied(member: member, activity: existing) }
                    continue
                }
                let applied = try ModelApplication.activity(following: model, for: member, created: calendar.day(of: acting.now))
                // The member's copy takes the id `<model>-<member>`: an entry of that id that does not follow
                // the model is another one, never replaced by it.
                guard try !edit.isUsed(applied.id) else { throw StoreError.idInUse(applied.id) }
                try edit.save(.activity(applied))
                created.append(applied.id)
            }
            return created
        }.value
    }

    /// Brings every item members follow up to `model`, in one transaction; own values are never touched.
    /// - Parameters:
    ///   - model: the model activity.
    ///   - acting: who acts, and when.
    /// - Returns: what changed in each follower, in the order of the register (those with nothing to
    ///   change included, with no changed item).
    /// - Throws: `ModelApplication.Refusal.notAModel(_:)`; ``AccessRefusal``; what the store throws.
    public func propagate(_ model: EntityID, by acting: Acting) throws -> [ModelPropagation.Update] {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> [ModelPropagation.Update] in
            let model = try Self.model(model, in: edit)
            guard acting.mayEdit(organisation: model.controller) else { throw AccessRefusal(EntityKey(.activity, model.id)) }
            return try edit.followers(of: model.id).map { id in
                let update = ModelPropagation.update(try edit.activity(id), to: model)
                if !update.changedItems.isEmpty { try edit.save(.activity(update.activity)) }
                return update
            }
        }.value
    }

    /// A member's account marks items of its activity that follows a model as its own (it words them
    /// itself, so `model drift` stops reporting them as behind and `model propagate` leaves them), or gives
    /// them back to the model. Read and saved in one transaction; nothing is journaled when nothing changes.
    /// - Parameters:
    ///   - items: the items marked.
    ///   - activity: the member's activity that follows a model.
    ///   - own: true to make them the member's own, false to follow the model again.
    ///   - acting: who acts (the member's account, or the command line), and when.
    /// - Returns: the activity as saved.
    /// - Throws: ``NotAFollower`` when the activity follows no model; ``AccessRefusal`` when the account may
    ///   not change the activity; `StoreError/unknownEntry(_:)`; what the store throws. Nothing is written then.
    @discardableResult
    public func mark(_ items: [ActivityItem], of activity: EntityID, own: Bool, by acting: Acting) throws -> ProcessingActivity {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> ProcessingActivity in
            var stored = try edit.activity(activity)
            guard acting.policy?.mayEdit(stored) ?? true else { throw AccessRefusal(EntityKey(.activity, activity)) }
            guard case .follows(var link) = stored.modelRole else { throw NotAFollower(activity: activity) }
            for item in items { link.setOwn(item, own) }
            stored.modelRole = .follows(link)
            try edit.save(.activity(stored))
            return stored
        }.value
    }

    /// An activity named as a follower that follows no model.
    public struct NotAFollower: Error, Hashable, Sendable {
        /// The activity named.
        public var activity: EntityID

        /// A refusal naming `activity`.
        public init(activity: EntityID) {
            self.activity = activity
        }

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            LocalizedText(
                fr: "« \(activity) » ne suit aucun modèle : aucun élément ne peut y être propre au membre",
                en: "'\(activity)' follows no model: none of its items can be the member's own")
        }
    }
}
