import Foundation
import RegistreCore

/// Turns a schema-valid element tree into a `Register`, checking what the schema cannot: the key of a
/// SIREN or SIRET, that a date exists. Each problem names the file and line of the element.
struct RegisterDecoder {
    let file: String
    private var problems = DiagnosticList()

    init(file: String) {
        self.file = file
    }

    /// The problems found so far, in the order of the document.
    var diagnostics: DiagnosticList { problems }

    /// Decodes one child of the root, or nothing for an element that is not an entry.
    mutating func entry(_ node: XMLNode) -> RegisterEntry? {
        switch node.name {
        case "title": .title(node.text)
        case "organisation": .organisation(organisation(node))
        case "activity": .activity(activity(node))
        case "processor-record": .processorRecord(processorRecord(node))
        case "agreement": .agreement(agreement(node))
        case "responsibility-matrix": .matrix(matrix(node))
        case "audit": .audit(audit(node))
        case "breach": .breach(breach(node))
        case "campaign": .campaign(campaign(node))
        case "request": .request(request(node))
        default: nil
        }
    }

    private mutating func problem(_ node: XMLNode, _ message: String) {
        problems.append(XMLDiagnostic(file: file, line: node.line, message: message))
    }

    private mutating func problem(_ node: XMLNode, _ text: LocalizedText) {
        problems.append(XMLDiagnostic(file: file, line: node.line, text))
    }

    // MARK: Breaches

    private mutating func breach(_ node: XMLNode) -> Breach {
        Breach(
            id: node.attributes["id"] ?? "",
            title: node.text(of: "title") ?? "",
            controller: node.attributes["controller"] ?? "",
            agreement: node.attributes["agreement"],
            occurredFrom: instant(node.child("occurred-from")),
            occurredTo: instant(node.child("occurred-to")),
            detected: instant(node.child("detected")),
            aware: instant(node.child("aware")) ?? Date(timeIntervalSince1970: 0),
            processorNotifiedController: instant(node.child("processor-notified-controller")),
            nature: node.children("nature").compactMap { Breach.Nature(rawValue: $0.text) },
            description: node.text(of: "description"),
            dataSubjectCategories: node.texts(of: "data-subject-category"),
            subjects: node.child("approximate-subjects").flatMap { count($0) },
            dataCategories: node.texts(of: "data-category"),
            records: node.child("approximate-records").flatMap { count($0) },
            contact: node.child("contact").map(contact),
            likelyConsequences: node.text(of: "likely-consequences"),
            measures: node.texts(of: "measure"),
            activities: node.children("activity").compactMap { $0.attributes["ref"] },
            assessment: node.child("assessment").flatMap { assessment($0) },
            notifications: node.children("notification").compactMap { notification($0) },
            delayReasons: node.text(of: "delay-reasons"),
            communication: node.child("communication").map { communication($0) },
            encryption: node.child("encryption").flatMap { encryption($0) },
            restoration: node.child("restoration").map { restoration($0) },
            exfiltration: node.child("exfiltration").flatMap { exfiltration($0) },
            disclosure: node.child("disclosure").flatMap { disclosure($0) },
            vulnerableGroups: node.child("vulnerable-groups").map { list($0, item: "group") },
            specialCategories: node.child("special-categories").map { list($0, item: "category") },
            criminalOffenceData: node.text(of: "criminal-offence-data").map { ["true", "1"].contains($0) },
            observedConsequences: node.child("observed-consequences").map { list($0, item: "consequence") },
            processorIncident: node.text(of: "processor-incident")
        )
    }

    /// A notification to the authority; nil (the validator has said why) without its kind or instant.
    private mutating func notification(_ element: XMLNode) -> AuthorityNotification? {
        guard let kind: AuthorityNotification.Kind = enumeration(element, attribute: "kind"),
              let at = instant(element, attribute: "at")
        else { return nil }
        return AuthorityNotification(kind: kind, at: at, reference: element.attributes["reference"], complete: flag(element, "complete"))
    }

    /// The communication to the data subjects, or the Art. 34(3) exception relied on.
    private mutating func communication(_ element: XMLNode) -> SubjectCommunication {
        SubjectCommunication(
            at: instant(element, attribute: "at"), exception: enumeration(element, attribute: "exception"), detail: element.text.nonEmpty)
    }

    // The facts the breach decision weighs (Art. 33(1), 34(3); EDPB Guidelines 9/2022), each nil
    // without the attribute that says what it is.

    private mutating func encryption(_ element: XMLNode) -> Encryption? {
        enumeration(element, attribute: "strength").map {
            Encryption($0, keyCompromised: optionalFlag(element, "key-compromised"), form: enumeration(element, attribute: "form"))
        }
    }

    private mutating func restoration(_ element: XMLNode) -> Restoration {
        Restoration(
            backupAvailable: flag(element, "backup"),
            hoursToRestore: element.attributes["hours-to-restore"].flatMap { Int($0) },
            dataLost: optionalFlag(element, "data-lost"),
            impact: enumeration(element, attribute: "impact"))
    }

    private mutating func exfiltration(_ element: XMLNode) -> Exfiltration? {
        enumeration(element, attribute: "finding").map {
            Exfiltration($0, evidence: element.text.nonEmpty, usableForPhishing: optionalFlag(element, "usable-for-phishing"))
        }
    }

    private mutating func disclosure(_ element: XMLNode) -> Disclosure? {
        enumeration(element, attribute: "trust").map {
            Disclosure(
                $0, recipients: element.text.nonEmpty, boundToConfidentiality: optionalFlag(element, "bound-to-confidentiality"),
                returnedOrDeleted: optionalFlag(element, "returned-or-deleted"), identified: optionalFlag(element, "identified"))
        }
    }

    /// A count of people or records; a negative or unreadable one is a problem, never a number.
    private mutating func count(_ node: XMLNode) -> Count? {
        let precision = node.attributes["precision"] ?? "exact"
        let number = node.text.isEmpty ? nil : Int(node.text)
        let upTo = node.attributes["up-to"].flatMap { Int($0) }
        do {
            switch (precision, number) {
            case ("unknown", _): return .unknown
            case ("exact", let number?): return try Count(exactly: number)
            case ("about", let number?): return try Count(about: number)
            case ("range", let number?):
                guard let upTo else { break }
                return try Count(from: number, to: upTo)
            default: break
            }
        } catch {
            problem(node, "\(node.name): \(error.description)")
            return nil
        }
        problem(node, "\(node.name): '\(node.text)' with precision '\(precision)' is not a count (expected a whole number ≥ 0; a range needs up-to)")
        return nil
    }

    /// The values of a list element's items, each one of an enumeration.
    private mutating func list<Value: RawRepresentable>(_ node: XMLNode, item: String) -> [Value] where Value.RawValue == String {
        node.children(item).compactMap { element in
            guard let value = Value(rawValue: element.text) else {
                problem(element, "\(element.name): unknown value '\(element.text)'")
                return nil
            }
            return value
        }
    }

    /// A boolean attribute that may be absent (unknown), unlike `flag`, which reads absent as false.
    private func optionalFlag(_ node: XMLNode, _ attribute: String) -> Bool? {
        node.attributes[attribute].map { ["true", "1"].contains($0) }
    }

    private mutating func assessment(_ node: XMLNode) -> RiskAssessment? {
        guard let identification = node.text(of: "identification").flatMap(RiskAssessment.EaseOfIdentification.init(rawValue:))
        else { return nil }
        return RiskAssessment(
            data: node.children("data").compactMap { element in
                enumeration(element, attribute: "category").map {
                    RiskAssessment.DataContext($0, adjustment: Int(element.attributes["adjustment"] ?? "0") ?? 0)
                }
            },
            identification: identification,
            confidentiality: node.text(of: "confidentiality-loss").flatMap(RiskAssessment.ConfidentialityLoss.init(rawValue:)),
            integrity: node.text(of: "integrity-loss").flatMap(RiskAssessment.IntegrityLoss.init(rawValue:)),
            availability: node.text(of: "availability-loss").flatMap(RiskAssessment.AvailabilityLoss.init(rawValue:)),
            malicious: node.child("malicious") != nil,
            override: node.child("override").flatMap { element in
                enumeration(element, attribute: "level").map { RiskAssessment.Override($0, justification: element.text) }
            }
        )
    }

    private mutating func instant(_ node: XMLNode?) -> Date? {
        guard let node else { return nil }
        guard let date = Instant.fromISO(node.text) else {
            problem(node, "\(node.name): '\(node.text)' is not an instant (expected YYYY-MM-DDTHH:MM:SS with an offset)")
            return nil
        }
        guard SupportedRange.contains(date) else {
            problem(node, Self.outOfRange(node.name, node.text))
            return nil
        }
        return date
    }

    private mutating func instant(_ node: XMLNode, attribute: String) -> Date? {
        guard let text = node.attributes[attribute] else { return nil }
        guard let date = Instant.fromISO(text) else {
            problem(node, "\(node.name), attribute \(attribute): '\(text)' is not an instant")
            return nil
        }
        guard SupportedRange.contains(date) else {
            problem(node, Self.outOfRange("\(node.name)@\(attribute)", text))
            return nil
        }
        return date
    }

    // MARK: Contracts

    private mutating func agreement(_ node: XMLNode) -> DataProcessingAgreement {
        var agreement = agreementParticulars(node)
        agreement.reversibilityRequested = date(node.child("reversibility-requested"))
        return agreement
    }

    private mutating func agreementParticulars(_ node: XMLNode) -> DataProcessingAgreement {
        DataProcessingAgreement(
            id: node.attributes["id"] ?? "",
            title: node.text(of: "title") ?? "",
            controllers: node.children("controller").compactMap { $0.attributes["ref"] },
            processor: node.child("processor")?.attributes["ref"] ?? "",
            signed: date(node.child("signed")),
            term: date(node.child("term")),
            duration: node.text(of: "duration"),
            subjectMatter: node.text(of: "subject-matter"),
            nature: node.text(of: "nature"),
            purposes: node.texts(of: "purpose"),
            dataTypes: node.texts(of: "data-type"),
            dataSubjects: node.texts(of: "data-subject"),
            clauses: node.children("clause").compactMap { clause($0) },
            subProcessorAuthorisation: node.child("sub-processor-authorisation").flatMap { subProcessorAuthorisation($0) },
            auditTerms: node.child("audit-terms").map { auditTerms($0) },
            breachTerms: node.child("breach-terms").map { breachTerms($0) },
            transferTerms: node.child("transfer-terms").map { transferTerms($0) },
            terms: node.children("contract-term").compactMap { contractTerm($0) },
            calendar: node.child("calendar").flatMap { calendar($0) },
            subProcessors: node.children("sub-processor").map { subProcessor($0) },
            changeNotices: node.children("change-notice").compactMap { changeNotice($0) },
            obligations: node.children("obligation").compactMap { obligation($0) }
        )
    }

    private mutating func clause(_ element: XMLNode) -> AgreementClause? {
        enumeration(element, attribute: "article").map {
            AgreementClause($0, reference: element.attributes["reference"] ?? "", summary: element.text.nonEmpty)
        }
    }

    private mutating func subProcessorAuthorisation(_ element: XMLNode) -> SubProcessorAuthorisation? {
        enumeration(element, attribute: "kind").map { kind in
            SubProcessorAuthorisation(
                kind, noticePeriod: element.child("notice-period").flatMap { period($0) },
                objectionPeriod: element.child("objection-period").flatMap { period($0) })
        }
    }

    private mutating func auditTerms(_ element: XMLNode) -> AuditTerms {
        AuditTerms(
            noticePeriod: element.child("notice-period").flatMap { period($0) },
            processorInvitedToMeetings: flag(element, "processor-invited-to-meetings"),
            reportsShared: flag(element, "reports-shared"),
            access: enumeration(element, attribute: "access"))
    }

    private mutating func breachTerms(_ element: XMLNode) -> BreachNotificationTerms {
        let limit: BreachNotificationTerms.TimeLimit? =
            if element.child("without-undue-delay") != nil { .withoutUndueDelay }
            else if let period = element.child("time-limit").flatMap({ period($0) }) { .within(period) }
            else { nil }
        return BreachNotificationTerms(timeLimit: limit, contents: element.children("content").compactMap { content in
            BreachNotificationTerms.Content(rawValue: content.text)
        })
    }

    private func transferTerms(_ element: XMLNode) -> TransferTerms {
        TransferTerms(
            mechanisms: element.children("mechanism").compactMap { Transfer.Safeguard(rawValue: $0.text) },
            onDocumentedInstructionsOnly: flag(element, "documented-instructions-only"))
    }

    private mutating func subProcessor(_ element: XMLNode) -> SubProcessor {
        SubProcessor(
            organisation: element.attributes["ref"] ?? "",
            engagedBy: element.attributes["engaged-by"] ?? "",
            service: element.text(of: "service") ?? "",
            countries: countries(element.children("country")),
            certifications: element.texts(of: "certification"),
            safeguard: enumeration(element, attribute: "safeguard"),
            authorisedSince: date(element.child("authorised-since")),
            changeNotice: element.attributes["change-notice"])
    }

    private mutating func changeNotice(_ element: XMLNode) -> SubProcessorChange? {
        guard let kind: SubProcessorChange.Kind = enumeration(element, attribute: "kind"),
              let noticeDate = date(element.child("notice-date"))
        else { return nil }
        return SubProcessorChange(
            id: element.attributes["id"] ?? "", kind: kind, subProcessor: element.attributes["sub-processor"] ?? "",
            replaces: element.attributes["replaces"], noticeDate: noticeDate,
            outcome: enumeration(element, attribute: "outcome") ?? .pending, applied: date(element.child("applied")),
            decided: date(element.child("decided")),
            memberAnswers: element.children("member-answer").compactMap { answer in
                guard let outcome: SubProcessorChange.Outcome = enumeration(answer, attribute: "outcome"), let day = date(answer.child("on"))
                else { return nil }
                return MemberAnswer(member: answer.attributes["member"] ?? "", outcome: outcome, on: day, by: answer.attributes["by"])
            })
    }

    private mutating func obligation(_ element: XMLNode) -> DatedObligation? {
        guard let direction: DatedObligation.Direction = enumeration(element, attribute: "direction"),
              let period = element.child("period").flatMap({ period($0) })
        else { return nil }
        return DatedObligation(
            id: element.attributes["id"] ?? "", description: element.text(of: "description") ?? "",
            period: period, direction: direction, event: element.text(of: "event") ?? "",
            eventDate: date(element.child("event-date")), reference: element.text(of: "reference"),
            fulfilled: date(element.child("fulfilled")))
    }

    /// An organisation's region: a calendar registre can count in, within the organisation's country.
    private mutating func region(_ node: XMLNode, country: String?) -> String? {
        guard let code = calendar(node) else { return nil }
        if let country, !(code == country || code.hasPrefix(country + "-")) {
            problem(node, LocalizedText(
                fr: "region : '\(code)' n'est pas une région du pays de l'organisation (\(country))",
                en: "region: '\(code)' is not a region of the organisation's country (\(country))"))
            return nil
        }
        return code
    }

    /// A calendar registre can count in (``PublicHolidays/init(code:)``).
    private mutating func calendar(_ node: XMLNode) -> String? {
        guard PublicHolidays(code: node.text) != nil, node.text == node.text.uppercased() else {
            problem(node, LocalizedText(
                fr: "\(node.name) : '\(node.text)' ne désigne aucun calendrier connu (code ISO 3166 en majuscules : FR, FR-57, DE-BY, BE, ES, IT, NL, IE, LU, GB, GB-SCT, GB-NIR… ; EU et EEA ne sont pas des pays)",
                en: "\(node.name): '\(node.text)' names no known calendar (an upper-case ISO 3166 code: FR, FR-57, DE-BY, BE, ES, IT, NL, IE, LU, GB, GB-SCT, GB-NIR…; EU and EEA are not countries)"))
            return nil
        }
        return node.text
    }

    /// A term as the contract states it; working days are days, and only the audit cap has exceptions.
    private mutating func contractTerm(_ node: XMLNode) -> ContractTerm? {
        guard let kind: ContractTerm.Kind = enumeration(node, attribute: "kind"), let length = length(node) else { return nil }
        // A counting the contract does not state stays unstated: 1182/71 applies, and is not written back.
        let stated: TermCounting? = enumeration(node, attribute: "counting")
        if stated == .working && length.unit != .days {
            problem(node, LocalizedText(
                fr: "contract-term \(kind.rawValue), attribut counting : 'working' (jours ouvrés) ne compte que des jours, pas l'unité '\(length.unit.rawValue)'",
                en: "contract-term \(kind.rawValue), attribute counting: 'working' counts days only, not the unit '\(length.unit.rawValue)'"))
            return nil
        }
        let exceptions = node.children("exception").compactMap { ContractTerm.CapException(rawValue: $0.text) }
        if !exceptions.isEmpty && kind != .auditFrequency {
            problem(node, LocalizedText(
                fr: "contract-term \(kind.rawValue) : seul le terme audit-frequency (plafond d'audits) admet des éléments exception",
                en: "contract-term \(kind.rawValue): only the audit-frequency term (audit cap) takes exception elements"))
            return nil
        }
        return ContractTerm(
            kind, period: DeadlinePeriod(length.value, length.unit), stated: stated,
            clause: node.attributes["clause"], exceptions: exceptions)
    }

    private mutating func matrix(_ node: XMLNode) -> ResponsibilityMatrix {
        ResponsibilityMatrix(
            id: node.attributes["id"] ?? "",
            title: node.text(of: "title") ?? "",
            agreement: node.attributes["agreement"],
            parties: node.children("party").compactMap { element in
                enumeration(element, attribute: "role").map { ResponsibilityMatrix.Party(element.attributes["ref"] ?? "", role: $0) }
            },
            rows: node.children("domain").compactMap { element in
                guard let domain: ResponsibilityMatrix.Domain = enumeration(element, attribute: "name") else { return nil }
                // Obligations keep the matrix's party order, each party's in the order written.
                var cells: [ResponsibilityMatrix.Cell] = []
                for obligation in element.children("obligation") {
                    let party = obligation.attributes["party"] ?? ""
                    if let index = cells.firstIndex(where: { $0.party == party }) {
                        cells[index].obligations.append(obligation.text)
                    } else {
                        cells.append(ResponsibilityMatrix.Cell(party: party, obligations: [obligation.text]))
                    }
                }
                return ResponsibilityMatrix.Row(domain: domain, label: element.text(of: "label") ?? "", cells: cells)
            }
        )
    }

    private mutating func audit(_ node: XMLNode) -> AuditRequest {
        AuditRequest(
            id: node.attributes["id"] ?? "",
            agreement: node.attributes["agreement"] ?? "",
            requester: node.attributes["requester"] ?? "",
            auditee: node.attributes["auditee"] ?? "",
            scope: node.text(of: "scope"),
            auditor: node.text(of: "auditor"),
            notified: date(node.child("notified")) ?? CalendarDate(year: 1, month: 1, day: 1)!,
            plannedStart: date(node.child("planned-start")) ?? CalendarDate(year: 1, month: 1, day: 1)!,
            kickoffMeeting: date(node.child("kickoff-meeting")),
            closingMeeting: date(node.child("closing-meeting")),
            reportShared: date(node.child("report-shared")),
            ground: enumeration(node, attribute: "ground")
        )
    }

    // MARK: Campaigns

    private mutating func campaign(_ node: XMLNode) -> ReviewCampaign {
        let never = CalendarDate(year: 1, month: 1, day: 1)!
        return ReviewCampaign(
            id: node.attributes["id"] ?? "",
            title: node.text(of: "title") ?? "",
            structure: node.attributes["structure"] ?? "",
            members: node.children("member").compactMap { $0.attributes["ref"] },
            opened: date(node.child("opened")) ?? never,
            due: date(node.child("due")) ?? never,
            closed: date(node.child("closed")),
            confirmations: node.children("confirmation").map { confirmation in
                ReviewCampaign.Confirmation(
                    activity: confirmation.attributes["activity"] ?? "",
                    member: confirmation.attributes["member"] ?? "",
                    outcome: enumeration(confirmation, attribute: "outcome") ?? .reviewed,
                    confirmedBy: confirmation.text(of: "by") ?? "",
                    confirmedOn: date(confirmation.child("on")) ?? never)
            }
        )
    }

    // MARK: Requests of the people

    private mutating func request(_ node: XMLNode) -> DataSubjectRequest {
        let never = CalendarDate(year: 1, month: 1, day: 1)!
        let received = node.child("received")
        return DataSubjectRequest(
            id: node.attributes["id"] ?? "",
            controller: node.attributes["controller"] ?? "",
            person: node.text(of: "person") ?? "",
            receipt: RequestReceipt(
                day: date(received) ?? never,
                channel: received.flatMap { enumeration($0, attribute: "channel") } ?? .letter,
                service: received?.attributes["service"]),
            rights: node.children("right").compactMap { right in
                guard let value = DataSubjectRight(rawValue: right.text) else {
                    problem(right, "right: unknown value '\(right.text)'")
                    return nil
                }
                return value
            },
            activities: node.children("activity").compactMap { $0.attributes["ref"] },
            unregisteredProcessing: node.texts(of: "unregistered-processing"),
            identity: node.child("identity-verification").map { element in
                IdentityVerification(asked: date(element.child("asked")) ?? never, received: date(element.child("received")), doubt: element.text(of: "doubt"))
            },
            extended: node.child("extension").map { element in
                RequestExtension(decided: date(element.child("decided")) ?? never, reason: element.text(of: "reason") ?? "",
                                 personTold: date(element.child("person-told")))
            },
            manifestAbuse: node.child("manifest-abuse").map { element in
                ManifestAbuse(ground: enumeration(element, attribute: "ground") ?? .unfounded, reasoning: element.text(of: "reasoning"))
            },
            answer: node.child("answer").map { element in
                RequestAnswer(
                    sent: date(element.child("sent")) ?? never, outcome: enumeration(element, attribute: "outcome") ?? .refused,
                    reason: element.text(of: "reason"), exception: element.text(of: "exception"),
                    remediesGiven: flag(element, "remedies-given"))
            },
            recipients: node.child("recipients").map { element in
                RecipientNotification(kind: enumeration(element, attribute: "kind") ?? .told, day: date(element) ?? never)
            },
            retention: node.child("retention").flatMap { length($0) }
        )
    }

    private mutating func period(_ node: XMLNode) -> DeadlinePeriod? {
        guard let length = length(node) else { return nil }
        return DeadlinePeriod(length.value, length.unit, workingDays: flag(node, "working-days"))
    }

    /// The register's review period (`<review-period value unit>`), which completes its title entry.
    mutating func reviewPeriod(_ node: XMLNode) -> PeriodLength? { length(node) }

    /// A period's value and unit, within `SupportedRange` (the schema bounds neither).
    private mutating func length(_ node: XMLNode) -> PeriodLength? {
        guard let unit: PeriodLength.Unit = enumeration(node, attribute: "unit") else { return nil }
        let text = node.attributes["value"] ?? ""
        guard let value = Int(text), SupportedRange.contains(PeriodLength(value, unit)) else {
            let message = SupportedRange.periodMessage
            problem(node, LocalizedText(
                fr: "\(node.name), attribut value : '\(text) \(unit.rawValue)' : \(message.fr)",
                en: "\(node.name), attribute value: '\(text) \(unit.rawValue)': \(message.en)"))
            return nil
        }
        return PeriodLength(value, unit)
    }

    private static func outOfRange(_ field: String, _ text: String) -> LocalizedText {
        LocalizedText(
            fr: "\(field) : '\(text)' est \(SupportedRange.dateMessage.fr)",
            en: "\(field): '\(text)' is \(SupportedRange.dateMessage.en)")
    }

    private func flag(_ node: XMLNode, _ attribute: String) -> Bool {
        ["true", "1"].contains(node.attributes[attribute])
    }

    private mutating func organisation(_ node: XMLNode) -> Organisation {
        var identifiers: [LegalIdentifier] = []
        for element in node.children("identifier") {
            let scheme = element.attributes["scheme"] ?? ""
            do throws(LegalIdentifierError) {
                identifiers.append(try LegalIdentifier(scheme: scheme, value: element.text))
            } catch {
                let id = node.attributes["id"] ?? ""
                problem(element, LocalizedText(
                    fr: "organisation « \(id) », champ identifier : \(error.message.fr)",
                    en: "organisation '\(id)', field identifier: \(error.message.en)"))
            }
        }
        return Organisation(
            id: node.attributes["id"] ?? "",
            name: node.text(of: "name") ?? "",
            isPublicBody: flag(node, "public-body"),
            identifiers: identifiers,
            address: node.text(of: "address"),
            country: countries(node.children("country")).first,
            email: node.text(of: "email"),
            phone: node.text(of: "phone"),
            timeZone: timeZone(node.child("time-zone")),
            legalRepresentative: node.child("legal-representative").map(contact),
            euRepresentative: node.child("eu-representative").map(contact),
            dpo: node.child("dpo").map(contact),
            members: node.children("member").compactMap { $0.attributes["ref"] },
            establishments: countries(node.children("establishment")).nonEmpty,
            targetsUnion: optionalFlag(node, "targets-union"),
            regime: enumeration(node, attribute: "regime"),
            region: node.child("region").flatMap { region($0, country: node.text(of: "country")) }
        )
    }

    /// The ISO 3166-1 alpha-2 countries of these elements; each other code is a located problem (`EU` is
    /// not a country, `UK` is `GB`).
    private mutating func countries(_ nodes: [XMLNode]) -> [String] {
        nodes.compactMap { node in
            if let refusal = CountryCode.refusal(of: node.text, field: node.name) {
                problem(node, refusal)
                return nil
            }
            return node.text
        }
    }

    /// An IANA time zone that this system knows ("Europe/Paris", "America/Cayenne"): deadlines are
    /// computed in it, so an unknown one is an error, not Paris.
    private mutating func timeZone(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        guard OrganisationTimeZone.isKnown(node.text) else {
            problem(node, LocalizedText(
                fr: "time-zone : '\(node.text)' n'est pas un fuseau horaire IANA connu (par exemple Europe/Paris, America/Cayenne)",
                en: "time-zone: '\(node.text)' is not a known IANA time zone (for example Europe/Paris, America/Cayenne)"))
            return nil
        }
        return node.text
    }

    private func contact(_ node: XMLNode) -> Contact {
        Contact(
            name: node.text(of: "name") ?? "",
            role: node.text(of: "role"),
            email: node.text(of: "email"),
            phone: node.text(of: "phone"),
            address: node.text(of: "address")
        )
    }

    private mutating func activity(_ node: XMLNode) -> ProcessingActivity {
        ProcessingActivity(
            id: node.attributes["id"] ?? "",
            name: node.text(of: "name") ?? "",
            status: enumeration(node, attribute: "status") ?? .active,
            created: date(node.child("created")),
            lastReviewed: date(node.child("last-reviewed")),
            controller: node.child("controller")?.attributes["ref"] ?? "",
            jointControllers: node.children("joint-controller").map {
                .init(organisation: $0.attributes["ref"] ?? "", arrangement: $0.text(of: "arrangement"))
            },
            application: node.text(of: "application"),
            purposes: node.texts(of: "purpose"),
            legalBases: node.children("legal-basis").compactMap { element in
                enumeration(element, attribute: "article").map { LegalBasis($0, reference: element.text.nonEmpty) }
            },
            specialCategories: node.children("special-category").compactMap { element in
                enumeration(element, attribute: "category").map { category in
                    SpecialCategoryData(category, condition: enumeration(element, attribute: "condition"), detail: element.text.nonEmpty)
                }
            },
            criminalOffenceData: node.child("criminal-offence-data").map {
                CriminalOffenceData(description: $0.text(of: "description") ?? "", legalGround: $0.text(of: "legal-ground"))
            },
            dataSubjects: node.children("data-subject").map(category),
            dataCategories: node.children("data-category").map(category),
            recipients: node.children("recipient").compactMap { element in
                enumeration(element, attribute: "kind").map { Recipient(element.text, kind: $0, agreement: element.attributes["agreement"]) }
            },
            transfers: node.children("transfer").map { transfer($0) },
            retention: node.children("retention").map { retention($0) },
            securityMeasures: node.children("security-measure").compactMap { securityMeasure($0) },
            processors: node.children("processor").map(engagement),
            impactAssessment: node.child("impact-assessment").map { impactAssessment($0) },
            modelRole: modelRole(node)
        )
    }

    /// A model, or the link of an activity that follows one; an activity cannot be both.
    private mutating func modelRole(_ node: XMLNode) -> ModelRole? {
        let isModel = flag(node, "model")
        guard let follows = node.child("follows") else { return isModel ? .model : nil }
        if isModel {
            problem(follows, "activity '\(node.attributes["id"] ?? "")', follows: a model cannot itself follow a model")
        }
        let own: [ActivityItem] = follows.children("own").compactMap { element in
            guard let item = ActivityItem(rawValue: element.text) else {
                problem(element, "follows, own: unknown item '\(element.text)'")
                return nil
            }
            return item
        }
        return .follows(ModelLink(model: follows.attributes["ref"] ?? "", ownItems: own))
    }

    private mutating func processorRecord(_ node: XMLNode) -> ProcessorRecord {
        ProcessorRecord(
            id: node.attributes["id"] ?? "",
            processor: node.child("processor")?.attributes["ref"] ?? "",
            controller: node.child("controller")?.attributes["ref"] ?? "",
            created: date(node.child("created")),
            lastReviewed: date(node.child("last-reviewed")),
            processingCategories: node.texts(of: "processing-category"),
            transfers: node.children("transfer").map { transfer($0) },
            securityMeasures: node.children("security-measure").compactMap { securityMeasure($0) },
            subProcessors: node.children("sub-processor").map(engagement)
        )
    }

    private func category(_ node: XMLNode) -> Category {
        Category(node.text, code: node.attributes["code"])
    }

    private func engagement(_ node: XMLNode) -> ProcessorEngagement {
        ProcessorEngagement(
            processor: node.attributes["ref"] ?? "",
            service: node.text(of: "service") ?? "",
            agreement: node.text(of: "agreement")
        )
    }

    private mutating func transfer(_ node: XMLNode) -> Transfer {
        let destination: Transfer.Destination =
            if let country = node.child("country") {
                .country(countries([country]).first ?? country.text)
            } else {
                .internationalOrganisation(node.text(of: "international-organisation") ?? "")
            }
        return Transfer(
            recipient: node.text(of: "recipient") ?? "",
            destination: destination,
            safeguard: enumeration(node, attribute: "safeguard"),
            documentation: node.text(of: "documentation"),
            statedSafeguard: node.text(of: "stated-safeguard")
        )
    }

    private mutating func retention(_ node: XMLNode) -> RetentionPeriod {
        let rule: RetentionPeriod.Rule
        if let duration = node.child("duration") {
            rule = .duration(length(duration) ?? PeriodLength(1, .years), from: node.text(of: "from"))
        } else if let criterion = node.text(of: "criterion") {
            rule = .criterion(criterion)
        } else {
            problem(node, "retention: expected a duration or a criterion")
            rule = .criterion("")
        }
        return RetentionPeriod(data: node.text(of: "data"), rule: rule, then: node.text(of: "then"))
    }

    private mutating func securityMeasure(_ node: XMLNode) -> SecurityMeasure? {
        enumeration(node, attribute: "kind").map { SecurityMeasure($0, node.text) }
    }

    private mutating func impactAssessment(_ node: XMLNode) -> ImpactAssessment {
        ImpactAssessment(
            criteria: node.children("criterion").compactMap { element in
                let criterion = ImpactAssessment.Criterion(rawValue: element.text)
                if criterion == nil { problem(element, "impact-assessment: unknown criterion '\(element.text)'") }
                return criterion
            },
            status: enumeration(node, attribute: "status"),
            completed: date(node.child("completed")),
            reference: node.text(of: "reference")
        )
    }

    private mutating func date(_ node: XMLNode?) -> CalendarDate? {
        guard let node else { return nil }
        guard let date = CalendarDate(iso: node.text) else {
            if let year = Int(node.text.prefix(4)), !SupportedRange.contains(year: year) {
                problem(node, Self.outOfRange(node.name, node.text))
                return nil
            }
            problem(node, "\(node.name): '\(node.text)' is not a day of the calendar (expected YYYY-MM-DD)")
            return nil
        }
        return date
    }

    /// The value of an attribute that the schema restricts to an enumeration.
    private mutating func enumeration<Value: RawRepresentable>(_ node: XMLNode, attribute: String) -> Value?
    where Value.RawValue == String {
        guard let raw = node.attributes[attribute] else { return nil }
        guard let value = Value(rawValue: raw) else {
            problem(node, "\(node.name), attribute \(attribute): unknown value '\(raw)'")
            return nil
        }
        return value
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Array {
    /// Nil for an empty list: an optional list that the register states or not.
    var nonEmpty: Self? { isEmpty ? nil : self }
}
