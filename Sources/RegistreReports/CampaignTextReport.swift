public import RegistreCore

/// A review campaign as people read it (`campaign status`, and `campaign close`'s closing report): per
/// member, each activity under review, who confirmed it and when, or that it is still to confirm.
public enum CampaignTextReport {
    /// The text of `campaign` of the structure named `structure` in `language`: each member's `progress`, naming the
    /// register file read (`source`).
    public static func render(
        _ campaign: ReviewCampaign, structure: String, progress: [CampaignReview.MemberProgress], source: String, language: Language
    ) -> String {
        let outcome: (ReviewCampaign.Outcome) -> String = { outcome in
            switch outcome {
            case .reviewed: LocalizedText(fr: "revue sans changement", en: "reviewed, unchanged")[language]
            case .changed: LocalizedText(fr: "modifiée", en: "changed")[language]
            }
        }
        var view: [String: Any] = [
            "title": campaign.title,
            "id": campaign.id,
            "structure": structure,
            "source": source,
            "opened": campaign.opened.iso,
            "due": campaign.due.iso,
            "total": progress.reduce(0) { $0 + $1.activities.count },
            "confirmed": progress.reduce(0) { $0 + $1.confirmed },
            "complete": progress.count { $0.isComplete },
            "memberCount": progress.count,
            "members": progress.map { member -> [String: Any] in
                var view: [String: Any] = [
                    "member": member.member,
                    "name": member.name,
                    "total": member.activities.count,
                    "confirmed": member.confirmed,
                    "activities": member.activities.map { review -> [String: Any] in
                        var view: [String: Any] = ["activity": review.activity, "name": review.name]
                        if let confirmation = review.confirmation {
                            view["confirmation"] = [
                                "outcome": outcome(confirmation.outcome), "by": confirmation.confirmedBy, "on": confirmation.confirmedOn.iso,
                            ]
                        }
                        return view
                    },
                ]
                if member.changed > 0 { view["changed"] = member.changed }
                return view
            },
        ]
        view["closed"] = campaign.closed?.iso
        return Templates.render("campaign", language.rawValue, view)
    }
}
