import RegistreCore
import RegistreReports

/// The view of the activity page: every item the form edits, with its values as repeated inputs (plus an
/// empty one to add an item), the findings beside each field, and the errors of a refused form.
struct ActivityPage {
    let activity: ProcessingActivity
    let isNew: Bool
    let editable: Bool
    let register: Register
    let policy: AccessPolicy
    let language: Language
    var errors: [String: LocalizedText] = [:]

    var view: [String: Any] {
        let findings = FindingPlacement.findings(for: activity, in: register)
        var placed: [String: [[String: Any]]] = [:]
        for field in FindingPlacement.fields { placed[field] = [] }
        for finding in findings {
            placed[FindingPlacement.field(of: finding), default: []].append(Self.row(finding, language))
        }
        let controllers = policy.editableOrganisations(of: register).map { organisation -> [String: Any] in
            ["id": organisation.id, "name": organisation.name, "selected": organisation.id == activity.controller]
        }
        let controllerName = policy.mayRead(organisation: activity.controller) ? register.organisation(activity.controller)?.name ?? activity.controller : activity.controller
        return [
            "activity": [
                "id": activity.id, "name": activity.name, "application": activity.application ?? "",
                "controller": activity.controller, "controllerName": controllerName,
            ],
            "isNew": isNew,
            "editable": editable,
            "controllers": controllers,
            "statuses": ProcessingActivity.Status.allCases.map { status -> [String: Any] in
                ["value": status.rawValue, "label": Vocabulary.label(status)[language], "selected": status == activity.status]
            },
            "purposes": Self.inputs(activity.purposes),
            "dataSubjects": Self.inputs(activity.dataSubjects.map(\.label)),
            "dataCategories": Self.inputs(activity.dataCategories.map(\.label)),
            "recipients": Self.inputs(activity.recipients.map(\.label)).enumerated().map { index, input -> [String: Any] in
                var input = input
                let kind = index < activity.recipients.count ? activity.recipients[index].kind : .internal
                input["kinds"] = Recipient.Kind.allCases.map { option -> [String: Any] in
                    ["value": option.rawValue, "label": Vocabulary.label(option)[language], "selected": option == kind]
                }
                return input
            },
            "bases": LawfulBasis.allCases.map { basis -> [String: Any] in
                [
                    "value": basis.rawValue, "article": basis.article,
                    "label": Vocabulary.label(basis)[language],
                    "checked": activity.legalBases.contains { $0.basis == basis },
                ]
            },
            "keptRetention": activity.retention.compactMap { period -> String? in
                guard case .duration(let length, let from) = period.rule else { return nil }
                return [period.data, "\(length.value) \(length.unit.rawValue)", from].compactMap { $0 }.joined(separator: " — ")
            },
            "retention": Self.inputs(activity.retention.compactMap { period -> String? in
                if case .criterion(let text) = period.rule { return text } else { return nil }
            }),
            "security": Self.inputs(activity.securityMeasures.map(\.description)).enumerated().map { index, input -> [String: Any] in
                var input = input
                let kind = index < activity.securityMeasures.count ? activity.securityMeasures[index].kind : .other
                input["kinds"] = SecurityMeasure.Kind.allCases.map { option -> [String: Any] in
                    ["value": option.rawValue, "label": Vocabulary.label(option)[language], "selected": option == kind]
                }
                return input
            },
            "kept": keptItems,
            "hasKept": !keptItems.isEmpty,
            "findings": placed,
            "findingCount": findings.count,
            "errors": errors.mapValues { $0[language] },
            "hasErrors": !errors.isEmpty,
        ]
    }

    /// The Art. 30(1) items the form does not edit yet, shown as recorded (they are kept on save): the DPO
    /// sees the whole activity on its page.
    var keptItems: [[String: Any]] {
        let sections: [(String, [String])] = [
            ("transfers", activity.transfers.map { transfer in
                let destination: String
                switch transfer.destination {
                case .country(let code): destination = code
                case .internationalOrganisation(let name): destination = name
                }
                return "\(transfer.recipient) — \(destination)" + (transfer.safeguard.map { " — " + Vocabulary.label($0)[language] } ?? "")
            }),
            ("specialCategories", activity.specialCategories.map { data in
                Vocabulary.label(data.category)[language] + (data.condition.map { " — \($0.article)" } ?? "")
            }),
            ("processors", activity.processors.map { engagement in
                let name = policy.mayRead(organisation: engagement.processor)
                    ? register.organisation(engagement.processor)?.name ?? engagement.processor : engagement.processor
                return "\(name) — \(engagement.service)"
            }),
            ("dpia", activity.impactAssessment.map { assessment in
                [assessment.status.map { Vocabulary.label($0)[language] } ?? Wording.text("notRecorded", language)]
            } ?? []),
        ]
        return sections.filter { !$0.1.isEmpty }.map { ["heading": Wording.text($0.0, language), "items": $0.1] }
    }

    /// The values of a repeated item as inputs, and one empty input to add another.
    static func inputs(_ values: [String]) -> [[String: Any]] {
        (values + [""]).enumerated().map { index, value in ["index": index, "number": index + 1, "value": value] }
    }

    static func row(_ finding: Finding, _ language: Language) -> [String: Any] {
        [
            "code": finding.code, "article": finding.article, "severity": finding.severity.rawValue,
            "severityLabel": Vocabulary.label(finding.severity)[language], "message": finding.message[language],
        ]
    }
}
