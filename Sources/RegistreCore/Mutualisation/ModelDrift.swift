/// `model drift`: where a member's activity no longer says what the structure's current model says.
/// Two kinds, and nothing else: a followed item whose value differs from the model's (the member is
/// behind: `model propagate` brings it up to date), and an own value that contradicts the model (a
/// retention period shorter than the model's, which states what the law or the structure requires):
/// a member's choice is its own, but one that falls below the model is worth a look.
public enum ModelDrift {
    /// One item of a member's activity that departs from the model.
    public struct Item: Hashable, Sendable {
        /// How the item departs from the model.
        public enum Kind: String, Hashable, Sendable {
            /// A followed item that differs from the model.
            case behind
            /// An own value that contradicts the model.
            case contradicts
        }

        /// The member whose activity departs (an ``Organisation``'s id).
        public var member: EntityID
        /// The member's activity.
        public var activity: EntityID
        /// The model the activity follows.
        public var model: EntityID
        /// The item that departs.
        public var item: ActivityItem
        /// Whether the member is behind the model or contradicts it.
        public var kind: Kind
        /// What departs, in French and English.
        public var message: LocalizedText
    }

    /// The drift of every activity that follows a model (or only `model`) in the register, in the
    /// register's order. Models are looked up by id once.
    public static func items(in register: Register, model: EntityID? = nil) -> [Item] {
        var models: [EntityID: ProcessingActivity] = [:]
        for activity in register.activities where activity.isModel { models[activity.id] = activity }
        return register.activities.flatMap { activity -> [Item] in
            guard let followed = activity.followedModel, model == nil || followed == model,
                  let reference = models[followed] else { return [] }
            return items(of: activity, from: reference)
        }
    }

    /// The drift of one member's activity from its model, in the order of the record's items.
    public static func items(of activity: ProcessingActivity, from model: ProcessingActivity) -> [Item] {
        guard let link = activity.modelRole?.link, link.model == model.id else { return [] }
        var items: [Item] = []
        for item in ActivityItem.allCases {
            if !link.isOwn(item) {
                if !item.isEqual(in: activity, and: model) {
                    items.append(Item(
                        member: activity.controller, activity: activity.id, model: model.id, item: item, kind: .behind,
                        message: LocalizedText(
                            fr: "\(item.label.fr) : diffère du modèle « \(model.id) » (à mettre à jour avec model propagate)",
                            en: "\(item.label.en): differs from model '\(model.id)' (bring it up to date with model propagate)"
                        )
                    ))
                }
            } else if item == .retention {
                for period in shorterRetention(activity.retention, than: model.retention) {
                    items.append(Item(
                        member: activity.controller, activity: activity.id, model: model.id, item: item, kind: .contradicts,
                        message: LocalizedText(
                            fr: "durée de conservation propre\(period.data.map { " (\($0))" } ?? "") plus courte que celle du modèle « \(model.id) » (art. 5(1)(e))",
                            en: "own retention period\(period.data.map { " (\($0))" } ?? "") shorter than that of model '\(model.id)' (Art. 5(1)(e))"
                        )
                    ))
                }
            }
        }
        return items
    }

    /// The member's periods that are shorter than the model's for the same data (the whole activity
    /// when neither names its data). Periods stated as criteria cannot be compared and are left alone.
    public static func shorterRetention(_ own: [RetentionPeriod], than model: [RetentionPeriod]) -> [RetentionPeriod] {
        own.filter { period in
            guard case .duration(let length, _) = period.rule else { return false }
            return model.contains { reference in
                guard reference.data == period.data, case .duration(let minimum, _) = reference.rule else { return false }
                return length.isShorter(than: minimum)
            }
        }
    }
}

extension PeriodLength {
    /// Whether this length is surely shorter than another: exact between months and years, and between
    /// hours, days and weeks; otherwise by the mean Gregorian month (so twelve months are a year).
    public func isShorter(than other: PeriodLength) -> Bool {
        switch (inMonths, other.inMonths, inHours, other.inHours) {
        case (let lhs?, let rhs?, _, _): return lhs < rhs
        case (_, _, let lhs?, let rhs?): return lhs < rhs
        default: return approximateDays < other.approximateDays
        }
    }

    private var inMonths: Int? {
        switch unit {
        case .months: value
        case .years: value * 12
        default: nil
        }
    }

    private var inHours: Int? {
        switch unit {
        case .hours: value
        case .days: value * 24
        case .weeks: value * 24 * 7
        default: nil
        }
    }

    private var approximateDays: Double {
        switch unit {
        case .hours: Double(value) / 24
        case .days: Double(value)
        case .weeks: Double(value) * 7
        case .months: Double(value) * 365.2425 / 12
        case .years: Double(value) * 365.2425
        }
    }
}
