/// An activity's place in a mutualisation structure's shared register: a model the structure (its
/// controller) offers its members, or a member's activity that follows one. A member follows every item
/// of the model but those it words itself (`ownItems`), so that a change of the model can be carried to
/// what the member did not choose, and only to that.
public enum ModelRole: Hashable, Sendable {
    /// The activity is a model, owned by the structure that controls it.
    case model
    /// The activity follows a model.
    case follows(ModelLink)

    /// The link, when the activity follows a model.
    public var link: ModelLink? {
        if case .follows(let link) = self { return link }
        return nil
    }
}

/// What an activity that follows a model records: which model, and which items are the member's own.
public struct ModelLink: Hashable, Sendable, Codable {
    /// The model followed (an activity's id).
    public var model: EntityID
    /// Kept sorted (in the order of the record) so that the stored form never changes by itself.
    public private(set) var ownItems: [ActivityItem]

    /// A link to `model`, with the items the member words itself.
    public init(model: EntityID, ownItems: some Sequence<ActivityItem> = []) {
        self.model = model
        self.ownItems = Set(ownItems).sorted()
    }

    /// Whether the member words `item` itself rather than following the model.
    public func isOwn(_ item: ActivityItem) -> Bool { ownItems.contains(item) }

    /// The items that follow the model.
    public var followedItems: [ActivityItem] { ActivityItem.allCases.filter { !isOwn($0) } }

    /// Makes an item the member's own (or gives it back to the model).
    public mutating func setOwn(_ item: ActivityItem, _ own: Bool = true) {
        var items = Set(ownItems)
        if own { items.insert(item) } else { items.remove(item) }
        ownItems = items.sorted()
    }
}

extension ProcessingActivity {
    /// Whether the activity is a model of a mutualisation structure.
    public var isModel: Bool { modelRole == .model }

    /// The model this activity follows, if any.
    public var followedModel: EntityID? { modelRole?.link?.model }
}
