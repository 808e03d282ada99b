import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

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
    /// The version of the activity the form shows (nil for a new one): the save is refused if it moved.
    var version: Int?
    /// The save refused because the activity changed meanwhile: what changed, shown above the form.
    var conflict: EntryConflict?
    /// The table the person asked three more empty rows for (`?more=` after "save and add 3 rows").
    var more: String?

    /// The tables of the form that take several rows, as `?more=` names them.
    static let tables: Set<String> = [
        "purposes", "dataSubjects", "dataCategories", "recipients", "durations", "retention", "security", "transfers", "processors",
    ]

    /// How many empty rows the table `table` of `rows` rows shows (`MoreRows`).
    func empties(_ table: String, _ rows: Int) -> Int { MoreRows.empties(table, rows: rows, more: more) }
    /// The findings the register keeps for the activity as stored, with the moment of the page: shown in
    /// place of judging it (nil for a new activity or a refused form's draft, which are judged alone).
    var kept: (rows: [KeptFindingRow], now: Date)?

    var view: [String: Any] {
        var view = fields
        view["version"] = version.map(String.init) ?? ""
        if let conflict { view["conflict"] = conflict.view(language, zone: OrganisationTimeZone.default) }
        if let model = activity.followedModel { view["followsModel"] = StructureWording.followsModel(model, activity: activity.id, language) }
        view["open"] = openSections(view)
        view["addRows"] = Self.tables.reduce(into: [String: String]()) { labels, table in
            labels[table] = Self.addRowsLabel(table, language)
        }
        if !editable { view["read"] = ActivityReadView(activity: activity, register: register, policy: policy, language: language).view }
        return view
    }

    private var fields: [String: Any] {
        let findings = kept.map { FindingPlacement.findings(kept: $0.rows, for: activity, in: register, now: $0.now) }
            ?? FindingPlacement.findings(for: activity, in: register)
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
            "purposes": Self.inputs(activity.purposes, empties: empties("purposes", activity.purposes.count)),
            "dataSubjects": Self.inputs(activity.dataSubjects.map(\.label), empties: empties("dataSubjects", activity.dataSubjects.count)),
            "dataCategories": Self.inputs(activity.dataCategories.map(\.label), empties: empties("dataCategories", activity.dataCategories.count)),
            "recipients": Self.inputs(activity.recipients.map(\.label), empties: empties("recipients", activity.recipients.count)).enumerated().map { index, input -> [String: Any] in
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
            "retention": Self.inputs(activity.retention.compactMap { period -> String? in
                if case .criterion(let text) = period.rule { return text } else { return nil }
            }, empties: empties("retention", activity.retention.count - durations.count)),
            "security": Self.securityRows(activity.securityMeasures, language, empties: empties("security", activity.securityMeasures.count)),
            "transfers": Self.transferRows(activity.transfers, language, empties: empties("transfers", activity.transfers.count)),
            "durations": durationRows.enumerated().map { index, period -> [String: Any] in
                var value = "", unit = PeriodLength.Unit.years, from = ""
                if case .duration(let length, let start)? = period?.rule {
                    value = "\(length.value)"
                    unit = length.unit
                    from = start ?? ""
                }
                return [
                    "index": index, "number": index + 1, "data": period?.data ?? "", "value": value, "from": from,
                    "units": PeriodLength.Unit.allCases.map { option -> [String: Any] in
                        ["value": option.rawValue, "label": Wording.text("unit-" + option.rawValue, language), "selected": option == unit]
                    },
                ]
            },
            "specialCategories": SpecialCategory.allCases.map { category -> [String: Any] in
                let recorded = activity.specialCategories.first { $0.category == category }
                return [
                    "value": category.rawValue, "label": Vocabulary.label(category)[language], "checked": recorded != nil,
                    "conditions": SpecialCategoryCondition.allCases.map { condition -> [String: Any] in
                        ["value": condition.rawValue, "label": condition.article, "selected": condition == recorded?.condition]
                    },
                ]
            },
            "criminalOffence": activity.criminalOffenceData?.description ?? "",
            "criminalOffenceGround": activity.criminalOffenceData?.legalGround ?? "",
            "processors": processorRows.enumerated().map { index, engagement -> [String: Any] in
                [
                    "index": index, "number": index + 1, "service": engagement?.service ?? "",
                    "candidates": processorCandidates.map { organisation -> [String: Any] in
                        ["id": organisation.id, "name": organisation.name, "selected": organisation.id == engagement?.processor]
                    },
                ]
            },
            "jointControllers": partnerCandidates.map { organisation -> [String: Any] in
                [
                    "id": organisation.id, "name": organisation.name,
                    "checked": activity.jointControllers.contains { $0.organisation == organisation.id },
                ]
            },
            "dpiaStatuses": ImpactAssessment.Status.allCases.map { status -> [String: Any] in
                ["value": status.rawValue, "label": Vocabulary.label(status)[language], "selected": status == activity.impactAssessment?.status]
            },
            "dpiaCriteria": ImpactAssessment.Criterion.allCases.map { criterion -> [String: Any] in
                ["value": criterion.rawValue, "label": Vocabulary.label(criterion)[language], "checked": activity.impactAssessment?.criteria.contains(criterion) == true]
            },
            "dpiaCompleted": activity.impactAssessment?.completed?.iso ?? "",
            "dpiaReference": activity.impactAssessment?.reference ?? "",
            "findings": placed,
            "findingCount": findings.count,
            "errors": errors.mapValues { $0[language] },
            "hasErrors": !errors.isEmpty,
        ]
    }

    /// The duration rows the form shows: those recorded, then the empty ones.
    private var durationRows: [RetentionPeriod?] {
        durations.map(Optional.some) + [RetentionPeriod?](repeating: nil, count: empties("durations", durations.count))
    }

    /// The processor rows the form shows: those recorded, then the empty ones.
    private var processorRows: [ProcessorEngagement?] {
        activity.processors.map(Optional.some) + [ProcessorEngagement?](repeating: nil, count: empties("processors", activity.processors.count))
    }

    var durations: [RetentionPeriod] {
        activity.retention.filter { if case .duration = $0.rule { true } else { false } }
    }

    /// The organisations the form offers as processors (Art. 28): those the account may read, those the
    /// activity already engages, and the processors of its controller's agreements; never its controller.
    var processorCandidates: [Organisation] {
        Self.processorCandidates(for: activity, in: register, policy: policy)
    }

    static func processorCandidates(for activity: ProcessingActivity, in register: Register, policy: AccessPolicy) -> [Organisation] {
        let engaged = Set(activity.processors.map(\.processor))
        let contracted = Set(register.agreements.filter { $0.controllers.contains(activity.controller) }.map(\.processor))
        return register.organisations.filter { organisation in
            organisation.id != activity.controller
                && (policy.mayRead(organisation: organisation.id) || engaged.contains(organisation.id) || contracted.contains(organisation.id))
        }
    }

    /// The organisations the form offers as joint controllers (Art. 26): those the account may read, but
    /// the controller.
    var partnerCandidates: [Organisation] { Self.partnerCandidates(for: activity, in: register, policy: policy) }

    static func partnerCandidates(for activity: ProcessingActivity, in register: Register, policy: AccessPolicy) -> [Organisation] {
        register.organisations.filter { $0.id != activity.controller && policy.mayRead(organisation: $0.id) }
    }

    /// Transfers as rows of inputs (recipient, destination, safeguard), and one empty row to add one.
    static func transferRows(_ transfers: [Transfer], _ language: Language, empties: Int = 1) -> [[String: Any]] {
        (transfers.map(Optional.some) + [Transfer?](repeating: nil, count: max(empties, 0))).enumerated().map { index, transfer -> [String: Any] in
            let destination = transfer.map { place($0.destination) } ?? ""
            return [
                "index": index, "number": index + 1, "recipient": transfer?.recipient ?? "", "destination": destination,
                "safeguards": Transfer.Safeguard.allCases.map { safeguard -> [String: Any] in
                    [
                        "value": safeguard.rawValue, "label": Vocabulary.label(safeguard)[language] + " (\(safeguard.article))",
                        "selected": safeguard == transfer?.safeguard,
                    ]
                },
            ]
        }
    }

    /// A transfer's destination as its input shows it: the country code or the organisation's name.
    static func place(_ destination: Transfer.Destination) -> String {
        switch destination {
        case .country(let code): code
        case .internationalOrganisation(let name): name
        }
    }

    /// Security measures as rows (kind, description), and one empty row to add one.
    static func securityRows(_ measures: [SecurityMeasure], _ language: Language, empties: Int = 1) -> [[String: Any]] {
        inputs(measures.map(\.description), empties: empties).enumerated().map { index, input -> [String: Any] in
            var input = input
            let kind = index < measures.count ? measures[index].kind : .other
            input["kinds"] = SecurityMeasure.Kind.allCases.map { option -> [String: Any] in
                ["value": option.rawValue, "label": Vocabulary.label(option)[language], "selected": option == kind]
            }
            return input
        }
    }

    /// The values of a repeated item as inputs, and `empties` empty inputs (one by default) to add others.
    static func inputs(_ values: [String], empties: Int = 1) -> [[String: Any]] {
        (values + [String](repeating: "", count: max(empties, 0))).enumerated().map { index, value in ["index": index, "number": index + 1, "value": value] }
    }

    /// Which optional sections show open: those with something recorded, a finding or an error; an empty
    /// one stays collapsed behind its summary (one tab stop instead of every input of its rows).
    private func openSections(_ view: [String: Any]) -> [String: Bool] {
        let findings = view["findings"] as? [String: [[String: Any]]] ?? [:]
        func noted(_ field: String) -> Bool { !(findings[field] ?? []).isEmpty || errors[field] != nil }
        return [
            "transfers": !activity.transfers.isEmpty || noted("transfers") || more == "transfers",
            "specialCategories": !activity.specialCategories.isEmpty || activity.criminalOffenceData != nil || noted("specialCategories"),
            "processors": !activity.processors.isEmpty || noted("processors") || more == "processors",
            "jointControllers": !activity.jointControllers.isEmpty || noted("jointControllers"),
            "dpia": activity.impactAssessment != nil || noted("dpia"),
        ]
    }

    /// The label of the button that saves the form and adds three empty rows to `table`.
    static func addRowsLabel(_ table: String, _ language: Language) -> String {
        let name: LocalizedText = switch table {
        case "purposes": LocalizedText(fr: "finalités", en: "purposes")
        case "dataSubjects": LocalizedText(fr: "personnes concernées", en: "data subjects")
        case "dataCategories": LocalizedText(fr: "catégories de données", en: "data categories")
        case "recipients": LocalizedText(fr: "destinataires", en: "recipients")
        case "durations": LocalizedText(fr: "durées", en: "periods")
        case "retention": LocalizedText(fr: "critères de conservation", en: "retention criteria")
        case "security": LocalizedText(fr: "mesures", en: "measures")
        case "transfers": LocalizedText(fr: "transferts", en: "transfers")
        default: LocalizedText(fr: "sous-traitants", en: "processors")
        }
        return MoreRows.label(name, language)
    }

    static func row(_ finding: Finding, _ language: Language) -> [String: Any] {
        [
            "code": finding.code.rawValue, "article": finding.article, "severity": finding.severity.rawValue,
            "severityLabel": Vocabulary.label(finding.severity)[language], "message": finding.message[language],
        ]
    }
}
