import Foundation
public import RegistreCore

/// A reproducible source of randomness (SplitMix64): the same seed gives the same registers on every
/// machine, so that a failing property test can be replayed.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates arbitrary valid registers: every optional item present or not, texts with the characters
/// that XML must escape, accents, line breaks and surrounding spaces, so that writing then reading proves
/// that nothing is lost or changed on the way.
public struct RegisterGenerator {
    private var random: SeededRandom
    /// A second stream for the items added since the first registers were generated (contract terms, a
    /// safeguard stated as written, a processor recipient's agreement): drawing them from `random` would
    /// change every register a seed gave before.
    private var later: SeededRandom
    private var nextID = 0

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        later = SeededRandom(seed: seed ^ 0x5EED_0025_0000_0007)
    }

    private mutating func later(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &later) < percent }

    /// Contract terms as agreements state them: each kind, a period, a stated counting or none (read as
    /// 1182/71 and written back without one), a clause or none, the audit cap's exceptions.
    private mutating func terms() -> [ContractTerm] {
        (0..<Int.random(in: 0...3, using: &later)).map { _ in
            let kind = ContractTerm.Kind.allCases.randomElement(using: &later)!
            let unit = PeriodLength.Unit.allCases.randomElement(using: &later)!
            let period = DeadlinePeriod(Int.random(in: 1...90, using: &later), unit, workingDays: unit == .days && later(20))
            var stated: TermCounting? = later(50) ? TermCounting.allCases.randomElement(using: &later)! : nil
            if stated == .working, unit != .days { stated = .calendar }  // working days count days only (the reader's rule)
            let exceptions = kind == .auditFrequency ? ContractTerm.CapException.allCases.filter { _ in later(50) } : []
            return ContractTerm(kind, period: period, stated: stated, clause: later(50) ? "Art. \(Int.random(in: 1...20, using: &later))" : nil,
                                exceptions: exceptions)
        }
    }

    /// What a spreadsheet gave as a safeguard when it is none of Chapter V's: kept as written.
    private mutating func statedSafeguard(_ transfer: Transfer) -> Transfer {
        var transfer = transfer
        if transfer.safeguard == nil, later(40) { transfer.statedSafeguard = later(50) ? "Privacy shield" : "Accord <cadre> & \"DPA\"" }
        return transfer
    }

    /// A processor recipient's agreement, named without an organisation.
    private mutating func recipientAgreement(_ recipient: Recipient) -> Recipient {
        var recipient = recipient
        if recipient.kind == .processor, later(50) { recipient.agreement = later(50) ? "dpa-x" : "Contrat n° 12 & avenant" }
        return recipient
    }

    private static let fragments = [
        "Mairie", "état civil", "R&D", "<balise>", "\"cité\"", "l'usager", "données > 5 ans", "ﬁchier",
        "Ærø", "日本", "émoji 🗂", "a\tb", "ligne 1\nligne 2", "  espaces  ", "100 %", "x;y", "]]>", "&amp;",
        "retour\r\nchariot",
    ]

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    private mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func text() -> String {
        (0..<count(1...3)).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: " ")
    }

    private mutating func optionalText() -> String? { chance(50) ? text() : nil }

    /// Text for a single-line field (names, titles, labels, references): the fragments without line breaks.
    private mutating func line() -> String {
        (0..<count(1...3)).map { _ in Self.lineFragments.randomElement(using: &random)! }.joined(separator: " ")
    }

    private mutating func optionalLine() -> String? { chance(50) ? line() : nil }

    private static let lineFragments = fragments.filter { !$0.contains("\n") && !$0.contains("\r") }

    private mutating func id(_ prefix: String) -> String {
        nextID += 1
        return "\(prefix)-\(nextID)"
    }

    private mutating func element<T: CaseIterable>(of _: T.Type) -> T {
        Array(T.allCases).randomElement(using: &random)!
    }

    private mutating func list<T>(_ range: ClosedRange<Int>, _ make: (inout RegisterGenerator) -> T) -> [T] {
        (0..<count(range)).map { _ in make(&self) }
    }

    private mutating func date() -> CalendarDate {
        CalendarDate(year: count(1990...2040), month: count(1...12), day: count(1...28))!
    }

    private mutating func contact() -> Contact {
        Contact(name: line(), role: optionalLine(), email: optionalLine(), phone: optionalLine(), address: optionalText())
    }

    private mutating func country() -> String {
        ["FR", "DE", "US", "JP", "CH", "IN", "NO", "BR"].randomElement(using: &random)!
    }

    public mutating func register() -> Register {
        let organisations = list(1...4) { generator in generator.organisation() }
        let ids = organisations.map(\.id)
        var withMembers = organisations
        withMembers[0].members = ids.count > 1 && chance(50) ? Array(ids.dropFirst()) : []
        let agreements = list(0...2) { generator in generator.agreement(organisations: ids) }
        let agreementIDs = agreements.map(\.id)
        let title = optionalLine()
        var activities = list(0...4) { generator in generator.activity(organisations: ids) }
        // Model roles are derived without drawing, so that the rest of a seed's register stays as it was.
        if activities.count >= 2 {
            activities[0].modelRole = .model
            activities[1].modelRole = .follows(ModelLink(model: activities[0].id, ownItems: ActivityItem.allCases.prefix(activities.count - 1)))
        }
        var register = Register(
            title: title,
            organisations: withMembers,
            activities: activities,
            processorRecords: list(0...2) { generator in generator.processorRecord(organisations: ids) },
            agreements: agreements,
            matrices: list(0...1) { generator in generator.matrix(organisations: ids, agreements: agreementIDs) },
            audits: agreementIDs.isEmpty ? [] : list(0...1) { generator in generator.audit(organisations: ids, agreements: agreementIDs) },
            breaches: list(0...2) { generator in generator.breach(organisations: ids, agreements: agreementIDs) }
        )
        register.reviewPeriod = later(30) ? PeriodLength(Int.random(in: 1...5, using: &later), later(50) ? .years : .months) : nil
        return register
    }

    /// An instant to the second, between 2020 and 2030.
    private mutating func instant() -> Date {
        Date(timeIntervalSince1970: TimeInterval(count(1_577_836_800...1_893_456_000)))
    }

    private mutating func breach(organisations: [EntityID], agreements: [EntityID]) -> Breach {
        Breach(
            id: id("brc"), title: line(), controller: organisations.randomElement(using: &random)!,
            agreement: chance(40) ? agreements.randomElement(using: &random) : nil,
            occurredFrom: chance(50) ? instant() : nil, occurredTo: chance(30) ? instant() : nil,
            detected: chance(50) ? instant() : nil, aware: instant(),
            processorNotifiedController: chance(30) ? instant() : nil,
            nature: Array(Set(list(1...3) { generator in generator.element(of: Breach.Nature.self) })).sorted { $0.rawValue < $1.rawValue },
            description: optionalText(), dataSubjectCategories: list(0...2) { generator in generator.line() },
            subjects: chance(50) ? headCount(0...100_000) : nil, dataCategories: list(0...2) { generator in generator.line() },
            records: chance(50) ? headCount(0...1_000_000) : nil, contact: chance(50) ? contact() : nil,
            likelyConsequences: optionalText(), measures: list(0...2) { generator in generator.text() },
            assessment: chance(60) ? RiskAssessment(
                data: list(1...2) { generator in
                    RiskAssessment.DataContext(generator.element(of: RiskAssessment.DataContext.Category.self), adjustment: generator.count(-3...3))
                },
                identification: element(of: RiskAssessment.EaseOfIdentification.self),
                confidentiality: chance(50) ? element(of: RiskAssessment.ConfidentialityLoss.self) : nil,
                integrity: chance(50) ? element(of: RiskAssessment.IntegrityLoss.self) : nil,
                availability: chance(50) ? element(of: RiskAssessment.AvailabilityLoss.self) : nil,
                malicious: chance(50),
                override: chance(30) ? RiskAssessment.Override(element(of: RiskLevel.self), justification: text()) : nil) : nil,
            notifications: list(0...2) { generator in
                AuthorityNotification(kind: generator.element(of: AuthorityNotification.Kind.self), at: generator.instant(),
                                      reference: generator.optionalLine(), complete: generator.chance(30))
            },
            delayReasons: optionalText(),
            communication: chance(40) ? SubjectCommunication(
                at: chance(50) ? instant() : nil, exception: chance(50) ? element(of: SubjectCommunication.Exception.self) : nil,
                detail: optionalText()) : nil,
            encryption: chance(30) ? Encryption(element(of: Encryption.Strength.self), keyCompromised: chance(50) ? chance(50) : nil) : nil,
            restoration: chance(30) ? Restoration(
                backupAvailable: chance(50), hoursToRestore: chance(50) ? count(0...500) : nil, dataLost: chance(50) ? chance(50) : nil) : nil,
            exfiltration: chance(30) ? Exfiltration(element(of: Exfiltration.Finding.self), evidence: optionalText()) : nil,
            disclosure: chance(30) ? Disclosure(element(of: Disclosure.Trust.self), recipients: optionalText()) : nil,
            vulnerableGroups: chance(30) ? Array(Set(list(0...2) { generator in generator.element(of: VulnerableGroup.self) })).sorted { $0.rawValue < $1.rawValue } : nil,
            specialCategories: chance(30) ? Array(Set(list(0...2) { generator in generator.element(of: SpecialCategory.self) })).sorted { $0.rawValue < $1.rawValue } : nil,
            criminalOffenceData: chance(30) ? chance(50) : nil,
            observedConsequences: chance(30) ? Array(Set(list(0...2) { generator in generator.element(of: Consequence.self) })).sorted { $0.rawValue < $1.rawValue } : nil,
            processorIncident: chance(20) ? text() : nil
        )
    }

    /// A count of any precision, never negative.
    private mutating func headCount(_ range: ClosedRange<Int>) -> Count {
        let number = count(range)
        switch count(0...3) {
        case 0: return try! Count(about: number)
        case 1: return try! Count(from: number, to: number + count(0...1_000))
        case 2: return .unknown
        default: return try! Count(exactly: number)
        }
    }

    private mutating func period() -> DeadlinePeriod {
        let unit = element(of: PeriodLength.Unit.self)
        return DeadlinePeriod(count(1...90), unit, workingDays: unit == .days && chance(30))
    }

    private mutating func agreement(organisations: [EntityID]) -> DataProcessingAgreement {
        let pick = { (generator: inout RegisterGenerator) in organisations.randomElement(using: &generator.random)! }
        let notices = list(0...2) { generator in
            SubProcessorChange(
                id: generator.id("chg"), kind: generator.element(of: SubProcessorChange.Kind.self), subProcessor: pick(&generator),
                replaces: generator.chance(30) ? pick(&generator) : nil, noticeDate: generator.date(),
                outcome: generator.element(of: SubProcessorChange.Outcome.self), applied: generator.chance(50) ? generator.date() : nil)
        }
        var agreement = DataProcessingAgreement(
            id: id("dpa"), title: line(), controllers: list(1...2) { generator in pick(&generator) }, processor: pick(&self),
            signed: chance(50) ? date() : nil, term: chance(50) ? date() : nil, duration: optionalText(),
            subjectMatter: optionalText(), nature: optionalText(), purposes: list(0...2) { generator in generator.text() },
            dataTypes: list(0...2) { generator in generator.line() }, dataSubjects: list(0...2) { generator in generator.line() },
            clauses: list(0...4) { generator in
                AgreementClause(generator.element(of: AgreementClause.Kind.self), reference: generator.line(), summary: generator.optionalText())
            },
            subProcessorAuthorisation: chance(60) ? SubProcessorAuthorisation(
                element(of: SubProcessorAuthorisation.Kind.self), noticePeriod: chance(50) ? period() : nil,
                objectionPeriod: chance(50) ? period() : nil) : nil,
            auditTerms: chance(60) ? AuditTerms(noticePeriod: chance(70) ? period() : nil, processorInvitedToMeetings: chance(50), reportsShared: chance(50)) : nil,
            breachTerms: chance(60) ? BreachNotificationTerms(
                timeLimit: chance(30) ? .withoutUndueDelay : chance(50) ? .within(period()) : nil,
                contents: list(0...3) { generator in generator.element(of: BreachNotificationTerms.Content.self) }) : nil,
            transferTerms: chance(50) ? TransferTerms(
                mechanisms: list(0...2) { generator in generator.element(of: Transfer.Safeguard.self) },
                onDocumentedInstructionsOnly: chance(50)) : nil,
            subProcessors: list(0...2) { generator in
                SubProcessor(
                    organisation: pick(&generator), engagedBy: pick(&generator), service: generator.line(),
                    countries: generator.list(0...2) { inner in inner.country() },
                    certifications: generator.list(0...2) { inner in inner.line() },
                    safeguard: generator.chance(30) ? generator.element(of: Transfer.Safeguard.self) : nil,
                    authorisedSince: generator.chance(40) ? generator.date() : nil,
                    changeNotice: generator.chance(20) ? "chg-x" : nil)
            },
            changeNotices: notices,
            obligations: list(0...2) { generator in
                DatedObligation(
                    id: generator.id("obl"), description: generator.text(), period: generator.period(),
                    direction: generator.element(of: DatedObligation.Direction.self), event: generator.line(),
                    eventDate: generator.chance(50) ? generator.date() : nil, reference: generator.optionalLine(),
                    fulfilled: generator.chance(30) ? generator.date() : nil)
            }
        )
        agreement.terms = terms()
        agreement.reversibilityRequested = later(30) ? CalendarDate(year: 2026, month: Int.random(in: 1...12, using: &later), day: 1) : nil
        return agreement
    }

    private mutating func matrix(organisations: [EntityID], agreements: [EntityID]) -> ResponsibilityMatrix {
        let parties = Array(Set(list(1...3) { generator in organisations.randomElement(using: &generator.random)! })).sorted()
        return ResponsibilityMatrix(
            id: id("mat"), title: line(), agreement: chance(50) ? agreements.randomElement(using: &random) : nil,
            parties: parties.map { ResponsibilityMatrix.Party($0, role: element(of: ResponsibilityMatrix.Party.Role.self)) },
            rows: list(0...4) { generator in
                ResponsibilityMatrix.Row(
                    domain: generator.element(of: ResponsibilityMatrix.Domain.self), label: generator.line(),
                    cells: parties.filter { _ in generator.chance(60) }.map { party in
                        ResponsibilityMatrix.Cell(party: party, obligations: generator.list(1...2) { inner in inner.text() })
                    })
            }
        )
    }

    private mutating func audit(organisations: [EntityID], agreements: [EntityID]) -> AuditRequest {
        AuditRequest(
            id: id("aud"), agreement: agreements.randomElement(using: &random)!,
            requester: organisations.randomElement(using: &random)!, auditee: organisations.randomElement(using: &random)!,
            scope: optionalText(), auditor: optionalLine(), notified: date(), plannedStart: date(),
            kickoffMeeting: chance(50) ? date() : nil, closingMeeting: chance(50) ? date() : nil,
            reportShared: chance(50) ? date() : nil
        )
    }

    private mutating func organisation() -> Organisation {
        let identifiers: [LegalIdentifier] = list(0...2) { generator in
            switch generator.count(0...2) {
            case 0: .siren("214800955")
            case 1: .siret("13002603200016")
            default: .other(scheme: "VAT", value: generator.line())
            }
        }
        return Organisation(
            id: id("org"), name: line(), isPublicBody: chance(50), identifiers: identifiers,
            address: optionalText(), country: chance(70) ? country() : nil, email: optionalLine(),
            phone: optionalLine(), timeZone: chance(30) ? "Europe/Paris" : nil,
            legalRepresentative: chance(50) ? contact() : nil, euRepresentative: chance(20) ? contact() : nil,
            dpo: chance(60) ? contact() : nil,
            establishments: chance(20) ? list(1...2) { generator in generator.country() } : nil,
            targetsUnion: chance(30) ? chance(50) : nil
        )
    }

    private mutating func transfer() -> Transfer {
        statedSafeguard(Transfer(
            recipient: line(),
            destination: chance(80) ? .country(country()) : .internationalOrganisation(line()),
            safeguard: chance(70) ? element(of: Transfer.Safeguard.self) : nil,
            documentation: optionalText()
        ))
    }

    private mutating func engagement(organisations: [EntityID]) -> ProcessorEngagement {
        ProcessorEngagement(processor: organisations.randomElement(using: &random)!, service: line(), agreement: optionalLine())
    }

    private mutating func activity(organisations: [EntityID]) -> ProcessingActivity {
        ProcessingActivity(
            id: id("act"), name: line(), status: element(of: ProcessingActivity.Status.self),
            created: chance(60) ? date() : nil, lastReviewed: chance(40) ? date() : nil,
            controller: organisations.randomElement(using: &random)!,
            jointControllers: list(0...1) { generator in
                .init(organisation: organisations.randomElement(using: &generator.random)!, arrangement: generator.optionalText())
            },
            application: optionalLine(),
            purposes: list(0...3) { generator in generator.text() },
            legalBases: list(0...2) { generator in
                LegalBasis(generator.element(of: LawfulBasis.self), reference: generator.optionalText())
            },
            specialCategories: list(0...2) { generator in
                SpecialCategoryData(
                    generator.element(of: SpecialCategory.self),
                    condition: generator.chance(60) ? generator.element(of: SpecialCategoryCondition.self) : nil,
                    detail: generator.optionalText()
                )
            },
            criminalOffenceData: chance(20) ? CriminalOffenceData(description: text(), legalGround: optionalText()) : nil,
            dataSubjects: list(0...3) { generator in Category(generator.line(), code: generator.chance(30) ? "dpv:Citizen" : nil) },
            dataCategories: list(0...3) { generator in Category(generator.line(), code: generator.chance(30) ? "pd:Contact" : nil) },
            recipients: list(0...3) { generator in
                generator.recipientAgreement(Recipient(generator.line(), kind: generator.element(of: Recipient.Kind.self)))
            },
            transfers: list(0...2) { generator in generator.transfer() },
            retention: list(0...2) { generator in
                RetentionPeriod(
                    data: generator.optionalText(),
                    rule: generator.chance(60)
                        ? .duration(PeriodLength(generator.count(1...120), generator.element(of: PeriodLength.Unit.self)), from: generator.optionalText())
                        : .criterion(generator.text()),
                    then: generator.optionalText()
                )
            },
            securityMeasures: list(0...3) { generator in
                SecurityMeasure(generator.element(of: SecurityMeasure.Kind.self), generator.text())
            },
            processors: list(0...2) { generator in generator.engagement(organisations: organisations) },
            impactAssessment: chance(50) ? ImpactAssessment(
                criteria: list(0...3) { generator in generator.element(of: ImpactAssessment.Criterion.self) },
                status: chance(70) ? element(of: ImpactAssessment.Status.self) : nil,
                completed: chance(40) ? date() : nil,
                reference: optionalLine()
            ) : nil
        )
    }

    private mutating func processorRecord(organisations: [EntityID]) -> ProcessorRecord {
        ProcessorRecord(
            id: id("rec"), processor: organisations.randomElement(using: &random)!,
            controller: organisations.randomElement(using: &random)!,
            created: chance(50) ? date() : nil, lastReviewed: chance(50) ? date() : nil,
            processingCategories: list(0...3) { generator in generator.line() },
            transfers: list(0...2) { generator in generator.transfer() },
            securityMeasures: list(0...2) { generator in
                SecurityMeasure(generator.element(of: SecurityMeasure.Kind.self), generator.text())
            },
            subProcessors: list(0...2) { generator in generator.engagement(organisations: organisations) }
        )
    }
}
