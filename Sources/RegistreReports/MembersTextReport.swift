public import RegistreCore

/// `registre members` as people read it: one block per member of the structure, most urgent first.
public enum MembersTextReport {
    /// The text of `overview` for the members of `structure` in `language`, naming the register file read (`source`).
    public static func render(_ overview: [MemberOverview], structure: Organisation, source: String, language: Language) -> String {
        let view: [String: Any] = [
            "structure": structure.name,
            "source": source,
            "count": overview.count,
            "members": overview.map { member -> [String: Any] in
                var view: [String: Any] = [
                    "name": member.name,
                    "member": member.member,
                    "activities": member.activities,
                    "unreviewed": member.unreviewedActivities,
                    "errors": member.errors,
                    "warnings": member.warnings,
                    "breaches": member.openBreaches.map { breach -> [String: Any] in
                        ["id": breach.id, "title": breach.title, "clock": Vocabulary.label(breach.clock)[language],
                         "deadline": HistoryTextReport.utc(breach.deadline)]
                    },
                    "overdue": member.overdueDeadlines.map { ["dueDay": $0.dueDay.iso, "what": $0.what[language], "source": $0.source] },
                    "windows": member.openObjectionWindows.map { ["dueDay": $0.dueDay.iso, "what": $0.what[language]] },
                ]
                view["lastReview"] = member.lastReview?.iso
                return view
            },
        ]
        return Templates.render("members", language.rawValue, view)
    }
}
