/// `model propagate`: brings every followed item of a member's activity up to the current model, and
/// never touches an item the member made its own.
public enum ModelPropagation {
    /// One member's activity brought up to date, and the items that changed (empty when it was).
    public struct Update: Hashable, Sendable {
        /// The member's activity, up to date.
        public var activity: ProcessingActivity
        /// The items that changed, in the order of the record.
        public var changedItems: [ActivityItem]
    }

    /// Brings the followed items of `activity` up to `model`; unchanged when the activity does not follow that model.
    public static func update(_ activity: ProcessingActivity, to model: ProcessingActivity) -> Update {
        guard let link = activity.modelRole?.link, link.model == model.id else {
            return Update(activity: activity, changedItems: [])
        }
        var updated = activity
        var changed: [ActivityItem] = []
        for item in link.followedItems where !item.isEqual(in: activity, and: model) {
            item.copy(from: model, to: &updated)
            changed.append(item)
        }
        return Update(activity: updated, changedItems: changed)
    }
}
