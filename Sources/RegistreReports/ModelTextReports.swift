public import RegistreCore

/// `model drift` as people read it: per member, each item where its activity departs from the model.
public enum ModelDriftTextReport {
    /// The text of `items` in `language`, for the model `model` (every model when nil), naming the register file read
    /// (`source`).
    public static func render(_ items: [ModelDrift.Item], model: EntityID?, source: String, language: Language) -> String {
        var order: [EntityID] = []
        var byMember: [EntityID: [ModelDrift.Item]] = [:]
        for item in items {
            if byMember[item.member] == nil { order.append(item.member) }
            byMember[item.member, default: []].append(item)
        }
        var view: [String: Any] = [
            "source": source,
            "count": items.count,
            "members": order.map { member -> [String: Any] in
                [
                    "member": member,
                    "items": (byMember[member] ?? []).map { ["activity": $0.activity, "message": $0.message[language]] },
                ]
            },
        ]
        view["model"] = model
        return Templates.render("model-drift", language.rawValue, view)
    }
}

/// `model propagate` as people read it: per member's activity, the items brought up to date and the
/// own values left as they were.
public enum ModelPropagationTextReport {
    /// The text of a propagation in `language`: what each member's activity took from the model.
    public static func render(
        _ updates: [ModelPropagation.Update], model: EntityID, language: Language
    ) -> String {
        func labels(_ items: [ActivityItem]) -> String { items.map { $0.label[language] }.joined(separator: ", ") }
        let view: [String: Any] = [
            "model": model,
            "count": updates.count,
            "changed": updates.filter { !$0.changedItems.isEmpty }.count,
            "updates": updates.map { update -> [String: Any] in
                var view: [String: Any] = ["member": update.activity.controller, "activity": update.activity.id]
                if !update.changedItems.isEmpty { view["changedItems"] = ["items": labels(update.changedItems)] }
                let own = update.activity.modelRole?.link?.ownItems ?? []
                if !own.isEmpty { view["ownItems"] = labels(own) }
                return view
            },
        ]
        return Templates.render("model-propagation", language.rawValue, view)
    }
}
