public import RegistreCore

/// The register as a DPO prints it: per controller, one section per activity, every heading of Art. 30
/// present even when empty ("non renseigné" / "not recorded"), in the order of the CNIL's register model;
/// then the processors' records of Art. 30(2).
public enum RegisterTextReport {
    /// `folded: false` keeps each item on one line, for a reader of the layout (the ODT export).
    public static func render(_ register: Register, language: Language, folded: Bool = true) -> String {
        let writer = RegisterTextWriter(language: language, organisation: { register.organisation($0) }, folded: folded)
        var text = writer.head(title: register.title)
        for controller in register.controllers {
            let activities = register.activities.filter { $0.controller == controller.id }
            text += writer.controller(controller, activityCount: activities.count)
            for activity in activities { text += writer.activity(activity) }
        }
        text += writer.processors(register.processorRecords)
        text += writer.agreementsHead(count: register.agreements.count)
        for agreement in register.agreements {
            text += writer.agreement(agreement, audits: register.audits.filter { $0.agreement == agreement.id })
        }
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// The printed register in pieces, for a register too large to hold: the heading, each controller's
/// block, each of its activities, and the processors' records, in that order. The pieces put together
/// are exactly what ``RegisterTextReport/render(_:language:folded:)`` prints.
public struct RegisterTextWriter {
    let view: RegisterView
    let activityText: ActivityText
    let folded: Bool

    /// - Parameters:
    ///   - language: the language of the printed register.
    ///   - organisation: the organisation with an id, to name parties (joint controllers, processors,
    ///     members).
    ///   - folded: `false` keeps each item on one line, for a reader of the layout (the ODT export).
    public init(language: Language, organisation: @escaping (EntityID) -> Organisation?, folded: Bool = true) {
        view = RegisterView(language: language, lookup: organisation)
        activityText = ActivityText(language: language) { organisation($0)?.name ?? $0 }
        self.folded = folded
    }

    /// The heading of the printed register, with its title.
    public func head(title: String?) -> String {
        var head: [String: Any] = [:]
        head["title"] = title
        return piece("register-head", head)
    }

    /// The block that opens a controller's activities: its identity and how many activities follow.
    public func controller(_ controller: Organisation, activityCount: Int) -> String {
        var block = view.organisation(controller)
        block["activityCount"] = activityCount
        return piece("register-controller", block)
    }

    /// The section of one activity.
    public func activity(_ activity: ProcessingActivity) -> String {
        Templates.finish(activityText.render(activity), folded: folded, endsLine: false)
    }

    /// The version of an activity's section as ``activitySection(_:language:name:)`` lays it out: the
    /// register of record keeps each activity's section and copies it only under this version. Raise it
    /// with any change to the section's words or layout (`ActivityText`, `ActivityWords`, the folding),
    /// so that no section printed before is ever copied again.
    public static let activityLayoutVersion = 1

    /// The section of one activity in the printed register (folded), the bytes ``activity(_:)`` gives,
    /// naming each party (a joint controller, a processor) by `name`: what the register of record keeps
    /// beside the activity.
    /// - Parameters:
    ///   - activity: the activity.
    ///   - language: the language of the printed register.
    ///   - name: the name of a party: its organisation's name, or its id.
    public static func activitySection(_ activity: ProcessingActivity, language: Language, name: @escaping (EntityID) -> String) -> String {
        Templates.finish(ActivityText(language: language, name: name).render(activity), folded: true, endsLine: false)
    }

    /// The processors' records of Art. 30(2), grouped by processor in the order they first appear.
    public func processors(_ records: [ProcessorRecord]) -> String {
        piece("register-processors", ["processors": view.processors(records), "hasProcessorRecords": !records.isEmpty])
    }

    /// The heading of the Art. 28 part, printed when the register holds at least one agreement.
    public func agreementsHead(count: Int) -> String {
        piece("register-agreements-head", ["hasAgreements": count > 0])
    }

    /// One agreement of the Art. 28 part: parties, clauses, periods, sub-processors, change notices,
    /// dated obligations, and the audits held under it.
    public func agreement(_ agreement: DataProcessingAgreement, audits: [AuditRequest]) -> String {
        piece("register-agreement", view.agreement(agreement, audits: audits))
    }

    private func piece(_ name: String, _ values: [String: Any]) -> String {
        Templates.render(name, view.language.rawValue, values, folded: folded, endsLine: false)
    }
}

/// What the register templates see: plain strings, lists and dictionaries, with absent values left out so
/// that `{{^field}}` sections print the "not recorded" text.
struct RegisterView {
    let language: Language
    let lookup: (EntityID) -> Organisation?

    private func name(_ id: EntityID) -> String {
        lookup(id)?.name ?? id
    }

    private func date(_ date: CalendarDate?) -> String? {
        date.map { Vocabulary.format($0, in: language) }
    }

    func organisation(_ organisation: Organisation) -> [String: Any] {
        var view: [String: Any] = ["id": organisation.id, "name": organisation.name]
        view["identifiers"] = organisation.identifiers.isEmpty ? nil
            : organisation.identifiers.map { "\($0.scheme) \($0.value)" }.joined(separator: ", ")
        view["address"] = organisation.address
        view["country"] = organisation.country.map { CountryCode.name($0, in: language) }
        view["email"] = organisation.email
        view["phone"] = organisation.phone
        view["legalRepresentative"] = organisation.legalRepresentative.map(contact)
        view["euRepresentative"] = organisation.euRepresentative.map(contact)
        view["dpo"] = organisation.dpo.map(contact)
        view["members"] = organisation.members.isEmpty ? nil : organisation.members.map(name).joined(separator: ", ")
        return view
    }

    private func contact(_ contact: Contact) -> String {
        ([contact.name] + [contact.role, contact.email, contact.phone, contact.address].compactMap { $0 })
            .joined(separator: " — ")
    }

    /// What the template `register-activity` sees. The printed register writes an activity's section
    /// with `ActivityText`; the template, with this view, stays the reference its bytes are tested against.
    func activity(_ activity: ProcessingActivity) -> [String: Any] {
        var view: [String: Any] = [
            "id": activity.id,
            "name": activity.name,
            "status": Vocabulary.label(activity.status)[language],
            "jointControllers": activity.jointControllers.map { joint -> [String: Any] in
                var view: [String: Any] = ["name": name(joint.organisation)]
                view["arrangement"] = joint.arrangement
                return view
            },
            "purposes": activity.purposes,
            "legalBases": activity.legalBases.map { basis -> [String: Any] in
                var view: [String: Any] = ["label": Vocabulary.label(basis.basis)[language], "article": basis.basis.article]
                view["reference"] = basis.reference
                return view
            },
            "specialCategories": activity.specialCategories.map { data -> [String: Any] in
                var view: [String: Any] = ["label": Vocabulary.label(data.category)[language]]
                view["condition"] = data.condition?.article
                view["detail"] = data.detail
                return view
            },
            "dataSubjects": activity.dataSubjects.map(\.label),
            "dataCategories": activity.dataCategories.map(\.label),
            "recipients": activity.recipients.map { ["label": $0.label, "kind": Vocabulary.label($0.kind)[language]] },
            "transfers": activity.transfers.map(transfer),
            "retention": activity.retention.map(retention),
            "securityMeasures": activity.securityMeasures.map(securityMeasure),
            "processors": activity.processors.map(engagement),
        ]
        view["created"] = date(activity.created)
        view["lastReviewed"] = date(activity.lastReviewed)
        view["application"] = activity.application
        view["isModel"] = activity.isModel
        if let link = activity.modelRole?.link {
            var follows: [String: Any] = ["model": link.model]
            if !link.ownItems.isEmpty { follows["own"] = link.ownItems.map { $0.label[language] }.joined(separator: ", ") }
            view["follows"] = follows
        }
        if let data = activity.criminalOffenceData {
            var criminal: [String: Any] = ["description": data.description]
            criminal["legalGround"] = data.legalGround
            view["criminalOffenceData"] = criminal
        }
        if let assessment = activity.impactAssessment {
            var dpia: [String: Any] = [:]
            dpia["criteria"] = assessment.criteria.isEmpty ? nil
                : assessment.criteria.map { Vocabulary.label($0)[language] }.joined(separator: "; ")
            // False, not nil: a missing name is looked up in the enclosing view, which holds the activity's
            // own status, and the printed register would give it as the assessment's.
            dpia["status"] = assessment.status.map { Vocabulary.label($0)[language] } ?? false
            dpia["completed"] = date(assessment.completed)
            dpia["reference"] = assessment.reference
            view["impactAssessment"] = dpia
        }
        return view
    }

    private func transfer(_ transfer: Transfer) -> [String: Any] {
        var view: [String: Any] = ["recipient": transfer.recipient, "destination": transfer.destinationName(in: language)]
        view["safeguard"] = transfer.safeguard.map { "\(Vocabulary.label($0)[language]) (\($0.article))" }
            ?? transfer.statedSafeguard.map { LocalizedText(fr: "aucune valable (« \($0) » indiquée)", en: "none valid ('\($0)' stated)")[language] }
        view["documentation"] = transfer.documentation
        return view
    }

    private func retention(_ period: RetentionPeriod) -> [String: Any] {
        var view: [String: Any] = [:]
        view["data"] = period.data
        switch period.rule {
        case .duration(let length, let from):
            view["duration"] = PeriodWords.describe(DeadlinePeriod(length.value, length.unit))[language]
            view["from"] = from
        case .criterion(let criterion):
            view["criterion"] = criterion
        }
        view["then"] = period.then
        return view
    }

    private func securityMeasure(_ measure: SecurityMeasure) -> [String: Any] {
        ["kind": Vocabulary.label(measure.kind)[language], "description": measure.description]
    }

    private func engagement(_ engagement: ProcessorEngagement) -> [String: Any] {
        var view: [String: Any] = ["name": name(engagement.processor), "service": engagement.service]
        view["agreement"] = engagement.agreement
        return view
    }

    func agreement(_ agreement: DataProcessingAgreement, audits: [AuditRequest]) -> [String: Any] {
        var view: [String: Any] = [
            "id": agreement.id, "title": agreement.title,
            "controllers": agreement.controllers.map(name).joined(separator: ", "),
            "processor": name(agreement.processor),
            "clauses": agreement.clauses.map(clause),
            // Every statement the checks and deadlines read: the terms recorded as such and the periods of
            // the older fields (audit notice, objection period…), so the print never says "no term" of an
            // agreement that sets one.
            "terms": ContractTerm.Kind.allCases.flatMap(agreement.statements(of:)).map(term),
            "subProcessors": agreement.subProcessors.map(subProcessor),
            "changeNotices": agreement.changeNotices.map(changeNotice),
            "obligations": agreement.obligations.map(obligation),
            "audits": audits.map(audit),
        ]
        view["signed"] = date(agreement.signed)
        view["term"] = date(agreement.term)
        view["duration"] = agreement.duration
        return view
    }

    private func clause(_ clause: AgreementClause) -> [String: Any] {
        var view: [String: Any] = ["article": clause.kind.article, "label": Vocabulary.label(clause.kind)[language], "reference": clause.reference]
        view["summary"] = clause.summary
        return view
    }

    private func term(_ term: ContractTerm) -> [String: Any] {
        var view: [String: Any] = [
            "label": term.kind.label[language], "period": PeriodWords.describe(term.period)[language],
        ]
        view["counting"] = term.countingWords?[language]
        view["clause"] = term.clause
        view["exceptions"] = term.exceptions.isEmpty ? nil
            : term.exceptions.map { Vocabulary.label($0)[language] }.joined(separator: ", ")
        return view
    }

    private func subProcessor(_ sub: SubProcessor) -> [String: Any] {
        var view: [String: Any] = ["name": name(sub.organisation), "service": sub.service, "engagedBy": name(sub.engagedBy)]
        view["countries"] = sub.countries.isEmpty ? nil : sub.countries.map { CountryCode.name($0, in: language) }.joined(separator: ", ")
        view["safeguard"] = sub.safeguard.map { "\(Vocabulary.label($0)[language]) (\($0.article))" }
        view["since"] = date(sub.authorisedSince)
        view["certifications"] = sub.certifications.isEmpty ? nil : sub.certifications.joined(separator: ", ")
        return view
    }

    private func changeNotice(_ change: SubProcessorChange) -> [String: Any] {
        var view: [String: Any] = [
            "id": change.id, "kind": Vocabulary.label(change.kind)[language], "subProcessor": name(change.subProcessor),
            "noticeDate": date(change.noticeDate) ?? "", "outcome": change.outcome.label[language],
        ]
        view["replaces"] = change.replaces.map(name)
        view["applied"] = date(change.applied)
        return view
    }

    private func obligation(_ obligation: DatedObligation) -> [String: Any] {
        var view: [String: Any] = [
            "description": obligation.description, "period": PeriodWords.describe(obligation.period)[language],
            "direction": Vocabulary.label(obligation.direction)[language], "event": obligation.event,
        ]
        view["eventDate"] = date(obligation.eventDate)
        view["reference"] = obligation.reference
        view["fulfilled"] = date(obligation.fulfilled)
        return view
    }

    private func audit(_ audit: AuditRequest) -> [String: Any] {
        var view: [String: Any] = [
            "id": audit.id, "requester": name(audit.requester),
            "notified": date(audit.notified) ?? "", "plannedStart": date(audit.plannedStart) ?? "",
        ]
        view["scope"] = audit.scope
        return view
    }

    func processors(_ processorRecords: [ProcessorRecord]) -> [[String: Any]] {
        var seen: Set<EntityID> = []
        let ids = processorRecords.map(\.processor).filter { seen.insert($0).inserted }
        return ids.map { id in
            var view = lookup(id).map(organisation) ?? ["id": id, "name": id]
            view["records"] = processorRecords.filter { $0.processor == id }.map { record -> [String: Any] in
                var view: [String: Any] = [
                    "id": record.id,
                    "controller": name(record.controller),
                    "processingCategories": record.processingCategories,
                    "transfers": record.transfers.map(transfer),
                    "securityMeasures": record.securityMeasures.map(securityMeasure),
                    "subProcessors": record.subProcessors.map(engagement),
                ]
                view["created"] = date(record.created)
                view["lastReviewed"] = date(record.lastReviewed)
                return view
            }
            return view
        }
    }
}
