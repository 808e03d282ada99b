public import RegistreCore
public import RegistreXML

/// The register as a spreadsheet in the layout of the CNIL's register model: the list of processings,
/// then one record sheet per activity with the model's sections and labels (rows added where the
/// register holds more than the model's empty rows), then the processors' records (Art. 30(2)).
///
/// Labels are the model's French ones, whatever the language: a DPO can paste a sheet into the CNIL's
/// file, and `registre import` reads the export back.
public enum RegisterSpreadsheet {
    /// The sheets of `register` in the layout of the CNIL's model: the list of activities, then one record sheet per
    /// activity, and a sheet of the processors' records when there are any.
    public static func spreadsheet(of register: Register) -> Spreadsheet {
        let parties: Parties = { register.organisation($0) }
        var names = SheetNames()
        let listName = names.unique(CNILModel.listSheet)
        var sheets = [Spreadsheet.Sheet(name: listName, rows: listHead(title: register.title) + register.activities.map { listRow($0, parties) })]
        for activity in register.activities {
            sheets.append(recordSheet(activity, parties, name: names.unique(activity.id)))
        }
        if !register.processorRecords.isEmpty {
            sheets.append(processorSheet(register.processorRecords, parties, name: names.unique(CNILModel.processorSheet)))
        }
        return Spreadsheet(sheets: sheets)
    }

    /// How the sheets find the organisations an entry names: by id, nil when the register lacks it.
    typealias Parties = (EntityID) -> Organisation?

    typealias Cell = Spreadsheet.Cell

    private static func text(_ values: String?...) -> [Cell] {
        values.map { Cell($0 ?? "") }
    }

    private static func date(_ date: CalendarDate?) -> Cell {
        date.map { Cell($0.iso, date: $0.iso) } ?? .empty
    }

    private static func name(_ id: EntityID, _ parties: Parties) -> String {
        parties(id)?.name ?? id
    }

    /// The rows above the list of activities: the register's title, a blank row, the model's columns.
    static func listHead(title: String?) -> [[Cell]] {
        [text("Registre des activités de traitement", title), [], CNILModel.listColumns.map { Cell($0) }]
    }

    /// An activity's row in the list, one cell per column of the model's list (``CNILModel/listColumns``).
    static func listRow(_ activity: ProcessingActivity, _ parties: Parties) -> [Cell] {
        let sensitive = !activity.specialCategories.isEmpty || activity.criminalOffenceData != nil
        return text(activity.name, activity.id) + [date(activity.created), date(activity.lastReviewed)]
            + text(activity.purposes.joined(separator: "\n"), sensitive ? "Oui" : "Non", name(activity.controller, parties))
    }

    /// An activity's record sheet, section after section in the model's order, a blank row between them.
    static func recordSheet(_ activity: ProcessingActivity, _ parties: Parties, name sheet: String) -> Spreadsheet.Sheet {
        var retention = RetentionCells(activity.retention)
        let sections = [
            descriptionRows(activity),
            actorRows(activity, parties),
            purposeRows(activity),
            categoryRows(activity, retention: &retention),
            sensitiveDataRows(activity, retention: &retention),
            dataSubjectRows(activity),
            recipientRows(activity),
            securityRows(activity),
            transferRows(activity),
        ]
        let rows: [[Cell]] = [text(CNILModel.recordTitle), []] + sections.joined(separator: [[]])
        return Spreadsheet.Sheet(name: sheet, rows: rows)
    }

    private static func descriptionRows(_ activity: ProcessingActivity) -> [[Cell]] {
        [
            text(CNILModel.description),
            text(CNILModel.name, activity.name),
            text(CNILModel.reference, activity.id),
            text(CNILModel.created) + [date(activity.created)],
            text(CNILModel.updated) + [date(activity.lastReviewed)],
        ]
    }

    private static func actorRows(_ activity: ProcessingActivity, _ parties: Parties) -> [[Cell]] {
        var rows = [([CNILModel.actors] + CNILModel.actorColumns).map { Cell($0) }]
        let controller = parties(activity.controller)
        rows.append(organisationRow(CNILModel.controller, controller, id: activity.controller))
        let dpo = controller?.dpo
        rows.append(text(CNILModel.dpo, dpo?.name, dpo?.address, nil, nil, nil, dpo?.phone, dpo?.email))
        rows.append(text(CNILModel.dpoCompany, dpo?.role))
        let representative = controller?.euRepresentative
        rows.append(text(
            CNILModel.representative, representative?.name, representative?.address, nil, nil, nil, representative?.phone,
            representative?.email
        ))
        if activity.jointControllers.isEmpty { rows.append(text(CNILModel.jointControllers)) }
        for joint in activity.jointControllers {
            rows.append(organisationRow(CNILModel.jointControllers, parties(joint.organisation), id: joint.organisation))
        }
        return rows
    }

    /// An organisation in the actors' columns; its id stands for its name when the register lacks it.
    private static func organisationRow(_ label: String, _ organisation: Organisation?, id: EntityID) -> [Cell] {
        text(
            label, organisation?.name ?? id, organisation?.address, nil, nil, organisation?.country, organisation?.phone,
            organisation?.email
        )
    }

    private static func purposeRows(_ activity: ProcessingActivity) -> [[Cell]] {
        var rows = [text(CNILModel.purposes), text(CNILModel.mainPurpose, activity.purposes.first)]
        for (index, purpose) in activity.purposes.dropFirst().enumerated() {
            rows.append(text("\(CNILModel.subPurpose) \(index + 1)", purpose))
        }
        return rows
    }

    /// The retention periods of an activity, each written beside the data it names; what is left gets
    /// rows of its own at the end of the sensitive data.
    private struct RetentionCells {
        var left: [RetentionPeriod]

        init(_ periods: [RetentionPeriod]) { left = periods }

        /// The periods of the data `label`, taken so that they are written once.
        mutating func take(for label: String) -> String? {
            let matching = left.filter { $0.data == label }
            left.removeAll { $0.data == label }
            return matching.isEmpty ? nil : matching.map(CNILModel.describe).joined(separator: "\n")
        }
    }

    private static func categoryRows(_ activity: ProcessingActivity, retention: inout RetentionCells) -> [[Cell]] {
        var rows = [text(CNILModel.dataCategories, CNILModel.categoryColumns[0], nil, nil, CNILModel.categoryColumns[1])]
        for category in activity.dataCategories {
            let row = CNILModel.categoryRows.first { $0.code != nil && $0.code == category.code }?.label ?? CNILModel.otherCategory
            rows.append(text(row, category.label, nil, nil, retention.take(for: category.label)))
        }
        return rows
    }

    /// The model's nine rows of sensitive data in its order, then the retention periods no row named.
    private static func sensitiveDataRows(_ activity: ProcessingActivity, retention: inout RetentionCells) -> [[Cell]] {
        var rows = [text(CNILModel.sensitiveData, CNILModel.categoryColumns[0], nil, nil, CNILModel.categoryColumns[1])]
        for (label, category) in CNILModel.sensitiveRows {
            if let category {
                for data in activity.specialCategories where data.category == category {
                    rows.append(text(label, data.detail ?? label, nil, nil, retention.take(for: data.detail ?? label)))
                }
            } else if let criminal = activity.criminalOffenceData {
                rows.append(text(label, criminal.description, nil, nil, retention.take(for: criminal.description)))
            }
        }
        for period in retention.left {
            rows.append(text(CNILModel.otherRetention, period.data, nil, nil, CNILModel.describe(period)))
        }
        return rows
    }

    private static func dataSubjectRows(_ activity: ProcessingActivity) -> [[Cell]] {
        var rows = [text(CNILModel.dataSubjects, CNILModel.detailColumns[0], nil, nil, CNILModel.detailColumns[1])]
        for (index, subject) in activity.dataSubjects.enumerated() {
            rows.append(text("\(CNILModel.dataSubjectRow) \(index + 1)", subject.label))
        }
        return rows
    }

    private static func recipientRows(_ activity: ProcessingActivity) -> [[Cell]] {
        var rows = [text(CNILModel.recipients, CNILModel.recipientColumns[0], nil, nil, CNILModel.recipientColumns[1])]
        for (index, recipient) in activity.recipients.enumerated() {
            let kind = CNILModel.recipientKinds.first { $0.kind == recipient.kind }!.label
            rows.append(text("\(CNILModel.recipientRow) \(index + 1)", kind, nil, nil, recipient.label))
        }
        return rows
    }

    private static func securityRows(_ activity: ProcessingActivity) -> [[Cell]] {
        var rows = [text(CNILModel.securityMeasures, CNILModel.securityColumns[0], nil, nil, CNILModel.securityColumns[1])]
        for (index, measure) in activity.securityMeasures.enumerated() {
            let kind = CNILModel.securityKinds.first { $0.kind == measure.kind }!.label
            rows.append(text("\(CNILModel.securityRow) \(index + 1)", kind, nil, nil, measure.description))
        }
        return rows
    }

    private static func transferRows(_ activity: ProcessingActivity) -> [[Cell]] {
        let columns = CNILModel.transferColumns
        var rows = [text(CNILModel.transfers, columns[0], columns[1], columns[2], nil, columns[3])]
        for (index, transfer) in activity.transfers.enumerated() {
            rows.append(text(
                "\(CNILModel.transferRow) \(index + 1)", transfer.recipient, country(transfer.destination),
                transfer.safeguard.flatMap { safeguard in CNILModel.safeguards.first { $0.safeguard == safeguard }?.label } ?? transfer.statedSafeguard, nil,
                transfer.documentation
            ))
        }
        return rows
    }

    private static func country(_ destination: Transfer.Destination) -> String {
        switch destination {
        case .country(let code): code
        case .internationalOrganisation(let name): name
        }
    }

    /// The processors' records (Art. 30(2)), a row each under the model's columns.
    static func processorSheet(_ records: [ProcessorRecord], _ parties: Parties, name: String) -> Spreadsheet.Sheet {
        var rows: [[Cell]] = [CNILModel.processorColumns.map { Cell($0) }]
        for record in records {
            rows.append(
                text(self.name(record.processor, parties), self.name(record.controller, parties), record.id)
                    + [date(record.created), date(record.lastReviewed)]
                    + text(
                        record.processingCategories.joined(separator: "\n"),
                        record.securityMeasures.map { measure in
                            "\(CNILModel.securityKinds.first { $0.kind == measure.kind }!.label) : \(measure.description)"
                        }.joined(separator: "\n"),
                        record.transfers.map { "\($0.recipient) (\(country($0.destination)))" }.joined(separator: "\n"),
                        record.subProcessors.map { "\(self.name($0.processor, parties)) — \($0.service)" }.joined(separator: "\n")
                    )
            )
        }
        return Spreadsheet.Sheet(name: name, rows: rows)
    }
}

/// Sheet names as spreadsheets accept them: none of `[]*?:/\`, at most 31 characters, each used once.
struct SheetNames {
    private var used: Set<String> = []

    mutating func unique(_ wanted: String) -> String {
        var base = String(wanted.map { "[]*?:/\\".contains($0) ? "-" : $0 }.prefix(31))
        if base.isEmpty { base = "Feuille" }
        var name = base
        var suffix = 2
        while used.contains(name.lowercased()) {
            name = String(base.prefix(27)) + " (\(suffix))"
            suffix += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
